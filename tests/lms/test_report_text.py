"""Field report text: a few tags kept, nothing that runs, plain text made paragraphs."""

from lms.report_text import clean_report_html, is_blank


def test_plain_text_becomes_paragraphs_and_line_breaks():
    text = (
        "Deux heures au marché.\nAvec Nadia.\n\n"
        "Vingt-trois personnes <b>rencontrées</b>."
    )
    assert clean_report_html(text) == (
        "<p>Deux heures au marché.<br>Avec Nadia.</p>"
        "<p>Vingt-trois personnes &lt;b&gt;rencontrées&lt;/b&gt;.</p>"
    )


def test_the_editors_tags_are_kept_and_everything_else_goes():
    html = (
        "<div>Au <strong>marché</strong> <em>du Prado</em></div>"
        "<ul><li>un</li></ul><p><a href='https://sagiterre.example'>site</a>"
        "<a href='javascript:alert(1)'>piège</a></p>"
        "<script>alert(1)</script><img src=x onerror=alert(1)>"
        '<p style="color:red" onclick="x()">fin</p>'
    )
    cleaned = clean_report_html(html)
    assert "<p>Au <strong>marché</strong> <em>du Prado</em></p>" in cleaned
    assert "<ul><li>un</li></ul>" in cleaned
    assert 'href="https://sagiterre.example"' in cleaned
    assert 'rel="noopener noreferrer nofollow"' in cleaned
    for forbidden in ["script", "javascript:", "onerror", "<img", "style=", "onclick"]:
        assert forbidden not in cleaned
    assert "<p>fin</p>" in cleaned


def test_an_empty_editor_is_blank():
    assert is_blank("<p><br></p>")
    assert is_blank("   ")
    assert not is_blank("<p>x</p>")
