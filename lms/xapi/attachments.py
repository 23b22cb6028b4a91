"""Attachment bytes in storage: kept once per hash, read back for
``attachments=true`` queries.

Files are written before the statements' transaction, content-addressed:
writing the same bytes again is a no-op, and a batch refused afterwards
leaves at most an unreferenced file, never a statement without its data.
"""

from django.core.files.base import ContentFile

from lms.models import StatementAttachment

from .multipart import Part


def keep(parts: dict[str, Part]) -> None:
    known = set(
        StatementAttachment.objects.filter(sha2__in=parts).values_list(
            "sha2", flat=True
        )
    )
    for sha2, part in parts.items():
        if sha2 in known:
            continue
        row = StatementAttachment(
            sha2=sha2,
            content_type=part.content_type or "application/octet-stream",
            length=len(part.data),
        )
        row.file.save(sha2, ContentFile(part.data), save=False)
        # A concurrent request may have kept the same bytes meanwhile.
        StatementAttachment.objects.bulk_create([row], ignore_conflicts=True)


def load(hashes) -> dict[str, Part]:
    """The parts the LRS holds among ``hashes`` (fileUrl-only ones are absent)."""
    found = {}
    for row in StatementAttachment.objects.filter(sha2__in=list(hashes)):
        with row.file.open("rb") as handle:
            found[row.sha2] = Part(row.content_type, handle.read())
    return found
