"""Blocks of a media item's text tracks: captions per language and transcripts.

A track is a WebVTT document from the partner's document library; its first
bytes are checked when the page is saved, so a subtitle file in another
format (SRT, a Word file) is refused with a clear message instead of
silently showing nothing in the player.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from mediation import vocabulary as vocab
from mediation.webvtt import is_webvtt


class TrackBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=vocab.TRACK_KINDS, default="captions", label=_("kind")
    )
    language = blocks.ChoiceBlock(choices=settings.LANGUAGES, label=_("language"))
    file = DocumentChooserBlock(
        label=_("WebVTT file"), help_text=_("A .vtt file (WebVTT).")
    )

    class Meta:
        icon = "doc-full"
        label = _("Text track")

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document is not None and not _document_is_webvtt(document):
            raise StructBlockValidationError(
                block_errors={
                    "file": ValidationError(
                        _(
                            "“%(title)s” is not a WebVTT file "
                            "(it must start with WEBVTT)."
                        ),
                        params={"title": document.title},
                    )
                }
            )
        return value


def _document_is_webvtt(document) -> bool:
    try:
        with document.file.open("rb") as handle:
            return is_webvtt(handle.read(64))
    except OSError:
        return False


class TranscriptBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(choices=settings.LANGUAGES, label=_("language"))
    text = blocks.RichTextBlock(
        features=["h3", "bold", "italic", "ul", "ol"], label=_("transcript")
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("Transcript")


class TracksBlock(blocks.StreamBlock):
    track = TrackBlock()
    transcript = TranscriptBlock()

    class Meta:
        required = False
