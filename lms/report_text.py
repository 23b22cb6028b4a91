"""The rich text of a field report: a few tags, nothing that runs.

Learners write with a small editor (bold, italic, lists, links) or, without
JavaScript, in a plain text box; either way the server keeps only the tags
below, cleaned by nh3, and turns plain text into paragraphs.  Whatever
reaches a trainer's page has been through ``clean_report_html``.
"""

import html
import re

import nh3

TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a"}
ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}
# The editor always writes blocks (paragraphs, lists, line breaks); text
# without any is what the plain text box sent.
WRITTEN_BY_EDITOR = re.compile(r"<\s*(p|br|ul|ol|li|div)\b", re.I)
DIV = re.compile(r"<(/?)div\b[^>]*>", re.I)


def plain_text_to_html(text: str) -> str:
    """Blank lines separate paragraphs; single line breaks stay."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br>".join(html.escape(line) for line in p.splitlines()) + "</p>"
        for p in paragraphs
    )


def clean_report_html(value: str) -> str:
    value = (value or "").replace("\r\n", "\n")
    if WRITTEN_BY_EDITOR.search(value):
        value = DIV.sub(r"<\1p>", value)  # some browsers' paragraphs
    else:
        value = plain_text_to_html(value)
    cleaned = nh3.clean(
        value,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return cleaned.strip()


def is_blank(value: str) -> bool:
    return not nh3.clean(value or "", tags=set()).strip()
