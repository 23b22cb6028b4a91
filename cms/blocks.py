"""StreamField blocks shared by every page type of the site.

Course units (``lms``) and mediation resources (``mediation``) extend
``BaseStreamBlock`` with their own blocks, so this is the one place where
the basic vocabulary of a page body is defined.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline valid for screen readers."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Use level 2 for main sections; never skip a level."),
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        label = _("Heading")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        label = _("Quote")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Defaults to the document title."),
    )

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_block.html"
        label = _("Document download")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
    )
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    document = DocumentBlock()
