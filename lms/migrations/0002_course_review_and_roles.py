"""The course review workflow, and what each role may do with cohorts.

Trainers draft course pages; another trainer approves them (the
"second trainer approval" task), which publishes.  The workflow is attached
to each course catalogue as it is created (see ``lms/signals.py``), since no
catalogue exists when this migration runs.  Coordinators manage every
cohort in the admin; trainers run their own on the site, where they see only
their own learners.
"""

from django.db import migrations

from cms.roles import ensure_permissions_exist, grant_permissions

WORKFLOW_NAME = "Course review"
TASK_NAME = "Second trainer approval"


def create_workflow(apps, schema_editor):
    ensure_permissions_exist(apps)
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("lms", "SecondTrainerApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    trainer, _created = Group.objects.get_or_create(name="Trainer")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="lms", model="secondtrainerapprovaltask"
    )
    task = Task.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = Task.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(trainer)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, sort_order=0)

    grant_permissions(
        apps,
        "Network coordinator",
        [
            "lms.add_cohort",
            "lms.change_cohort",
            "lms.view_cohort",
            "lms.view_enrollment",
            "lms.change_enrollment",
        ],
    )


def remove_workflow(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(
        name=WORKFLOW_NAME
    ).delete()
    apps.get_model("lms", "SecondTrainerApprovalTask").objects.filter(
        name=TASK_NAME
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("lms", "0001_initial"),
        ("cms", "0003_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
