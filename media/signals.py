"""An upload record deleted while it still holds storage (its owner's
account removed, an admin clean-up) frees that storage in the background."""

from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from media.models import H5PPackage, Upload


@receiver(post_delete, sender=Upload)
def free_upload_storage(sender, instance, **kwargs):
    if not instance.holds_storage:
        return
    from media.tasks import discard_upload

    transaction.on_commit(
        partial(discard_upload.enqueue, instance.name, instance.multipart_id)
    )


@receiver(post_delete, sender=H5PPackage)
def delete_unpacked_content(sender, instance, **kwargs):
    from media.h5p_tasks import delete_h5p_content

    transaction.on_commit(partial(delete_h5p_content.enqueue, str(instance.pk)))
