"""Opening a course catalogue to trainers.

When a catalogue page is created (in any language), trainers may add and
edit pages under it, and their changes go through the course review
workflow; publishing is the second trainer's approval.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage

from cms.roles import TRAINER
from lms.models import CourseIndexPage

WORKFLOW_NAME = "Course review"
TRAINER_PAGE_PERMISSIONS = ["add_page", "change_page"]


def open_catalogue(page):
    trainer = Group.objects.get_or_create(name=TRAINER)[0]
    for codename in TRAINER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=trainer,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


@receiver(post_save, sender=CourseIndexPage)
def catalogue_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        open_catalogue(instance)
