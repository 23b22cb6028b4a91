"""Is a stored name still used by a record, or by a draft of one?

Before an unclaimed upload's object is deleted, this looks where a file
name can hide: every ``StoredFileField`` column, and Wagtail's revisions,
where a page's draft (and its inline children) keep their field values as
JSON until published. Names carry a UUID, so a text match is exact.
"""

from django.apps import apps
from django.db.models import TextField
from django.db.models.functions import Cast
from wagtail.models import Revision

from media.fields import StoredFileField


def is_referenced(name: str) -> bool:
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if (
                isinstance(field, StoredFileField)
                and model._base_manager.filter(**{field.attname: name}).exists()
            ):
                return True
    return (
        Revision.objects.annotate(text=Cast("content", TextField()))
        .filter(text__contains=name)
        .exists()
    )
