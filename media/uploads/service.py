"""The steps of a direct upload, whatever the storage.

start → (browser sends the bytes: presigned PUT, numbered parts, or a
streamed body) → complete (the server checks what arrived) → claimed by a
form, or cancelled, or expired. Each step either succeeds or leaves the
database as it was and the storage without a half-written object.
"""

import logging
import mimetypes
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.core.files.storage import default_storage
from django.utils import timezone

from media import sniff
from media.messages import refusal_message, unavailable_message
from media.models import Upload
from media.references import is_referenced
from media.storage_access import StorageUnavailable, is_local, is_s3, is_unavailable
from media.targets import UnknownTarget, resolve_target
from media.upload_rules import (
    MULTIPART,
    UploadRefused,
    check_declaration,
    check_parts,
    normalise_content_type,
    plan_upload,
    safe_filename,
)
from media.uploads.local import BodyLengthMismatch, LocalUploads
from media.uploads.s3 import S3Uploads

logger = logging.getLogger(__name__)

TOKEN_SALT = "media.upload"  # noqa: S105 - a signing salt, not a secret
#: How many part URLs one request may ask for.
MAX_PART_URLS = 100


class UploadFailed(Exception):
    """A step failed for a reason the user can read; ``status`` is the HTTP
    status the API answers with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def storage_backend(storage=None):
    storage = storage or default_storage
    if is_s3(storage):
        return S3Uploads(storage)
    if is_local(storage):
        return LocalUploads(storage)
    raise ImproperlyConfigured(f"No direct uploads for {type(storage).__name__}.")


@contextmanager
def talking_to_storage():
    """Turn an unreachable storage into ``StorageUnavailable``."""
    try:
        yield
    except StorageUnavailable:
        raise
    except Exception as error:
        if is_unavailable(error):
            logger.warning("File storage unavailable: %s", error)
            raise StorageUnavailable(unavailable_message()) from error
        raise


def refused(error: UploadRefused) -> UploadFailed:
    return UploadFailed(refusal_message(error))


def start_upload(user, *, target: str, filename: str, size: int, content_type: str):
    """Check the declaration against the target field's rules and open the
    upload; nothing is stored and nothing recorded if any rule fails."""
    try:
        upload_target = resolve_target(target)
    except UnknownTarget:
        raise refused(UploadRefused("unknown_target", target=target)) from None
    if not upload_target.allows(user):
        raise PermissionDenied
    try:
        stored_filename = safe_filename(filename)
        guessed = mimetypes.guess_type(filename)[0] or "application/octet-stream"
        content_type = normalise_content_type(content_type or guessed)
        check_declaration(
            size=size,
            content_type=content_type,
            max_size=upload_target.max_size,
            allowed_types=upload_target.content_types,
        )
        if (
            Upload.objects.for_owner(user).open().count()
            >= settings.CHAINON_UPLOAD_MAX_OPEN
        ):
            raise UploadRefused("too_many_open", limit=settings.CHAINON_UPLOAD_MAX_OPEN)
    except UploadRefused as error:
        raise refused(error) from None

    backend = storage_backend()
    plan = plan_upload(size, settings.CHAINON_UPLOAD_PART_SIZE)
    upload = Upload(
        owner=user,
        target=upload_target.name,
        filename=filename[-255:],
        content_type=content_type,
        size=size,
        strategy=Upload.Strategy.LOCAL
        if isinstance(backend, LocalUploads)
        else plan.strategy,
        part_size=size if isinstance(backend, LocalUploads) else plan.part_size,
    )
    stored_filename = matching_extension(stored_filename, content_type)
    upload.name = f"{upload_target.folder()}/{upload.id}/{stored_filename}"
    if upload.strategy == MULTIPART:
        with talking_to_storage():
            upload.multipart_id = backend.start_multipart(upload)
    upload.save()
    return upload


def matching_extension(filename: str, content_type: str) -> str:
    """The declared type decides the stored name's extension when the two
    disagree (``page.html`` declared as ``video/mp4`` is stored as
    ``page.mp4``), so nothing is ever served under a type it was not
    checked as. Extensions unknown to ``mimetypes`` (``.h5p``) are kept."""
    guessed = mimetypes.guess_type(filename)[0]
    extension = mimetypes.guess_extension(content_type)
    if guessed is None or guessed == content_type or extension is None:
        return filename
    stem = filename.rsplit(".", 1)[0]
    return f"{stem}{extension}"


def part_count(upload) -> int:
    return -(-upload.size // upload.part_size)


def _require_pending(upload):
    if upload.state != Upload.State.PENDING:
        raise refused(UploadRefused("not_pending", state=upload.get_state_display()))


def sign_parts(upload, numbers: list[int]) -> dict[int, str]:
    """Presigned URLs for the parts the browser is about to send."""
    _require_pending(upload)
    if upload.strategy != Upload.Strategy.MULTIPART:
        raise refused(UploadRefused("not_multipart"))
    if not numbers or len(numbers) > MAX_PART_URLS:
        raise refused(UploadRefused("too_many_parts", limit=MAX_PART_URLS))
    lengths = plan_upload(upload.size, upload.part_size).expected_lengths(upload.size)
    for number in numbers:
        if number not in lengths:
            raise refused(UploadRefused("unknown_part", number=number))
    backend = storage_backend()
    return {
        number: backend.part_url(upload, number, lengths[number]) for number in numbers
    }


def uploaded_parts(upload) -> dict[int, int]:
    """``{number: size}`` of the parts already in storage, for resuming."""
    if (
        upload.strategy != Upload.Strategy.MULTIPART
        or upload.state != Upload.State.PENDING
    ):
        return {}
    parts = None
    if upload.multipart_id:
        with talking_to_storage():
            parts = storage_backend().uploaded_parts(upload)
    if parts is None:
        # Assembled already: every part is there, the browser only finishes.
        return plan_upload(upload.size, upload.part_size).expected_lengths(upload.size)
    return {number: part["size"] for number, part in parts.items()}


def single_put(upload) -> dict:
    return storage_backend().single_url(upload)


def receive_body(upload, stream, *, content_length: int | None, content_type: str):
    """Local storage: copy a streamed request body. Refused before reading
    when its length or type differs from the declaration."""
    _require_pending(upload)
    if upload.strategy != Upload.Strategy.LOCAL:
        raise refused(UploadRefused("not_local"))
    if content_length != upload.size:
        raise refused(
            UploadRefused(
                "size_mismatch", size=content_length or 0, expected=upload.size
            )
        )
    try:
        declared = normalise_content_type(content_type or "application/octet-stream")
    except UploadRefused as error:
        raise refused(error) from None
    if declared != upload.content_type:
        raise refused(
            UploadRefused(
                "type_mismatch", content_type=declared, expected=upload.content_type
            )
        )
    try:
        with talking_to_storage():
            storage_backend().receive(upload, stream)
    except BodyLengthMismatch as error:
        raise refused(
            UploadRefused("incomplete", size=error.received, expected=upload.size)
        ) from None


def complete_upload(upload) -> Upload:
    """Check what the storage holds against the declaration; a mismatch
    deletes the object and rejects the upload, saying why.

    No lock is held while the storage works (that may take seconds); the
    outcome is written only if the upload is still pending, so a complete
    racing a cancel, or a second complete, cannot overwrite the other.
    """
    upload = Upload.objects.get(pk=upload.pk)
    if upload.state == Upload.State.COMPLETE:
        return upload
    _require_pending(upload)
    backend = storage_backend()
    with talking_to_storage():
        refusal = _check_stored(upload, backend)
        if refusal is not None:
            backend.discard(upload)
    if refusal is None:
        outcome = {"state": Upload.State.COMPLETE, "completed_at": timezone.now()}
    else:
        outcome = {
            "state": Upload.State.REJECTED,
            "error": refusal_message(refusal),
            "multipart_id": "",
        }
    if not Upload.objects.filter(pk=upload.pk, state=Upload.State.PENDING).update(
        **outcome
    ):
        upload.refresh_from_db()
        if upload.state == Upload.State.COMPLETE:
            return upload
        _require_pending(upload)
    for field, value in outcome.items():
        setattr(upload, field, value)
    if refusal is not None:
        raise UploadFailed(upload.error)
    return upload


def _check_stored(upload, backend) -> UploadRefused | None:
    """Why the stored object contradicts the declaration, if it does."""
    if upload.strategy == Upload.Strategy.MULTIPART and upload.multipart_id:
        refusal = _assemble(upload, backend)
        if refusal is not None:
            return refusal
    stored = backend.stat(upload)
    if stored is None:
        # Not arrived (yet): the browser may send it again and finish.
        raise UploadFailed(refusal_message(UploadRefused("missing")), status=409)
    if stored.size != upload.size:
        return UploadRefused("size_mismatch", size=stored.size, expected=upload.size)
    if stored.content_type and stored.content_type != upload.content_type:
        return UploadRefused(
            "type_mismatch",
            content_type=stored.content_type,
            expected=upload.content_type,
        )
    head = backend.read_head(upload, sniff.HEAD_LENGTH)
    if not sniff.content_matches(upload.content_type, head):
        return UploadRefused("content_mismatch", expected=upload.content_type)
    return None


def _assemble(upload, backend) -> UploadRefused | None:
    """Join the parts into the object; a missing part is a 409 the browser
    resumes from, a part of the wrong length rejects the upload. Once
    assembled, the upload says so at once (not at the end of the checks),
    so a retry or a resume after a storage failure knows."""
    parts = backend.uploaded_parts(upload)
    if parts is not None:
        sizes = {number: part["size"] for number, part in parts.items()}
        try:
            missing = check_parts(
                sizes, plan_upload(upload.size, upload.part_size), upload.size
            )
        except UploadRefused as error:
            return error
        if missing:
            raise UploadFailed(
                refusal_message(UploadRefused("parts_missing", missing=missing)),
                status=409,
            )
        backend.finish_multipart(upload, parts)
    # Assembled now, or by an earlier attempt (S3 no longer knows the id).
    Upload.objects.filter(pk=upload.pk).update(multipart_id="")
    upload.multipart_id = ""
    return None


def cancel_upload(upload) -> None:
    """Stop an upload and free its storage; cancelling twice is harmless.

    The upload is marked cancelled first, so nothing can complete or claim
    it meanwhile; if the storage is down, ``expire_uploads`` frees it later.
    """
    if not Upload.objects.filter(
        pk=upload.pk, state__in=[Upload.State.PENDING, Upload.State.COMPLETE]
    ).update(state=Upload.State.CANCELLED):
        return
    with talking_to_storage():
        storage_backend().discard(upload)
    upload.state = Upload.State.CANCELLED
    upload.multipart_id = ""
    upload.save(update_fields=["multipart_id"])


def expire_uploads(now=None) -> int:
    """Free the storage of every unclaimed upload past its lifetime and
    forget it: unfinished, finished but never saved, and also cancelled or
    rejected ones, whose object a late PUT (on a URL signed before the
    cancel) may have put back.

    Each upload is first marked cancelled (unless claimed meanwhile), so a
    form cannot take it while its object goes; one still named by a record
    or a draft (a page revision) is kept and marked claimed instead.
    """
    expired = 0
    backend = storage_backend()
    for upload in Upload.objects.expired(now).iterator():
        taken = Upload.objects.filter(pk=upload.pk, state=upload.state).update(
            state=Upload.State.CANCELLED
        )
        if not taken:
            continue
        if is_referenced(upload.name):
            Upload.objects.filter(pk=upload.pk).update(state=Upload.State.CLAIMED)
            continue
        try:
            with talking_to_storage():
                backend.discard(upload)
        except StorageUnavailable:
            raise  # the row stays, cancelled: the next run frees it
        except Exception:
            logger.exception("Could not expire upload %s", upload.pk)
            continue
        Upload.objects.filter(pk=upload.pk).delete()
        expired += 1
    return expired


# --- Handing a finished upload to the form that asked for it -----------------


def claim_token(upload) -> str:
    """What the browser puts in the form: proof that this user finished this
    upload for this field. Signed, so nobody can forge one; it names its
    owner, so a form that knows its user refuses someone else's."""
    return signing.dumps(
        {"id": str(upload.id), "target": upload.target, "owner": upload.owner_id},
        salt=TOKEN_SALT,
    )


def redeem(token: str, target: str, user=None, current_name: str = "") -> Upload:
    """The finished upload a token stands for.

    It stays *complete* until the record that takes its file is saved
    (``StoredFileField`` then marks it claimed), so a form shown again after
    an error can post the same token, and an abandoned form's upload still
    expires. A claimed upload's token is spent, except for the record that
    holds it (``current_name``). A token lives as long as its upload: the
    lifetime counts from completion, as ``expire_uploads`` does.
    """
    try:
        data = signing.loads(
            token, salt=TOKEN_SALT, max_age=settings.CHAINON_UPLOAD_LIFETIME
        )
    except signing.BadSignature:
        raise refused(UploadRefused("bad_token")) from None
    if not isinstance(data, dict) or data.get("target") != target:
        raise refused(UploadRefused("bad_token"))
    if user is not None and data.get("owner") != user.pk:
        raise refused(UploadRefused("bad_token"))
    upload = Upload.objects.filter(pk=data.get("id")).first()
    fresh = timezone.now() - timedelta(seconds=settings.CHAINON_UPLOAD_LIFETIME)
    usable = upload is not None and (
        (upload.state == Upload.State.COMPLETE and upload.completed_at >= fresh)
        # Saved already, and posted again with the same record (Wagtail's
        # autosave posts the whole form every few seconds).
        or (upload.state == Upload.State.CLAIMED and upload.name == current_name)
    )
    if not usable:
        raise refused(UploadRefused("bad_token"))
    return upload


def mark_claimed(name: str) -> None:
    """The record holding ``name`` was saved: the object is now its own."""
    Upload.objects.filter(name=name, state=Upload.State.COMPLETE).update(
        state=Upload.State.CLAIMED
    )
