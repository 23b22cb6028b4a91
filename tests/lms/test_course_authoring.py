"""Authoring in the Wagtail admin: trainers draft, another trainer approves."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)
from wagtail.users.models import UserProfile

from lms.blocks import VideoBlock
from lms.models import UnitPage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _english_admin(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def _unit_form(title, slug, **extra):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "Une séquence écrite dans l'admin.",
            "duration_minutes": "30",
            "body": streamfield(
                [
                    ("heading", {"text": "Préparer", "level": "h2"}),
                    ("paragraph", rich_text("<p>Un paragraphe.</p>")),
                    (
                        "reflection",
                        {"question": "Qui rencontrer ?", "guidance": ""},
                    ),
                    (
                        "field_assignment",
                        {
                            "title": "Sortie au marché",
                            "instructions": rich_text("<p>Deux heures.</p>"),
                            "expected_evidence": rich_text("<p>Une page.</p>"),
                            "due_offset_days": "14",
                        },
                    ),
                ]
            ),
            "co_authors": inline_formset([]),
            **extra,
        }
    )


@pytest.fixture
def second_trainer(db):
    return _english_admin(UserFactory(role="Trainer"))


def test_trainer_drafts_a_unit_and_submits_it_for_review(client, course, trainer):
    _english_admin(trainer)
    client.force_login(trainer)
    module = course.modules[0]
    url = reverse("wagtailadmin_pages:add", args=["lms", "unitpage", module.pk])
    response = client.post(
        url, _unit_form("Nouvelle séquence", "nouvelle", **{"action-submit": "1"})
    )
    assert response.status_code == 302, response.content[:2000]
    unit = UnitPage.objects.get(slug="nouvelle")
    assert not unit.live
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=str(unit.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == trainer
    draft = unit.get_latest_revision_as_object()
    kinds = [child.block_type for child in draft.body]
    assert kinds == ["heading", "paragraph", "reflection", "field_assignment"]
    assert all(child.id for child in draft.body)


def test_trainers_cannot_publish_nor_approve_their_own_changes(
    client, course, trainer, second_trainer
):
    _english_admin(trainer)
    client.force_login(trainer)
    module = course.modules[0]
    add = reverse("wagtailadmin_pages:add", args=["lms", "unitpage", module.pk])
    client.post(add, _unit_form("À relire", "a-relire", **{"action-submit": "1"}))
    unit = Page.objects.get(slug="a-relire").specific
    task_state = TaskState.objects.get(
        workflow_state__object_id=str(unit.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[unit.pk, "approve", task_state.pk],
    )

    # The author may neither approve nor publish directly.
    assert task_state.task.specific.get_actions(unit, trainer) == []
    refused = client.post(approve, {})
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    unit.refresh_from_db()
    assert not unit.live
    edit = reverse("wagtailadmin_pages:edit", args=[unit.pk])
    client.post(edit, _unit_form("À relire", "a-relire", **{"action-publish": "1"}))
    unit.refresh_from_db()
    assert not unit.live

    # Another trainer approves, which publishes.
    client.force_login(second_trainer)
    assert task_state.task.specific.get_actions(unit, second_trainer)
    response = client.post(approve, {})
    assert response.status_code in (200, 302)
    unit.refresh_from_db()
    assert unit.live


def test_trainers_cannot_edit_pages_outside_the_catalogue(client, site_tree, trainer):
    _english_admin(trainer)
    client.force_login(trainer)
    about = site_tree["about"]["fr"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk]))
    assert response.status_code in (302, 403)


def _document(name, content=b"WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n"):
    return get_document_model().objects.create(
        title=name, file=ContentFile(content, name=name)
    )


def test_video_blocks_need_a_video_file_and_webvtt_caption_tracks(db):
    block = VideoBlock()
    video, captions = (
        _document("clip.mp4", b"\x00\x00\x00\x18ftypmp42"),
        _document("clip.vtt"),
    )
    good = {
        "video": video.pk,
        "title": "Une marche au marché",
        "tracks": [{"file": captions.pk, "language": "fr", "kind": "captions"}],
        "transcript": "",
    }
    assert block.clean(block.to_python(good))["title"] == "Une marche au marché"

    with pytest.raises(ValidationError):  # no caption track
        block.clean(block.to_python({**good, "tracks": []}))
    with pytest.raises(ValidationError):  # captions that are not WebVTT
        block.clean(
            block.to_python(
                {
                    **good,
                    "tracks": [
                        {"file": video.pk, "language": "fr", "kind": "captions"}
                    ],
                }
            )
        )
    with pytest.raises(ValidationError):  # a "video" that is a text file
        block.clean(block.to_python({**good, "video": captions.pk}))


def test_a_trainer_cannot_publish_translations_without_review(
    client, course, trainer, locales, monkeypatch
):
    """wagtail-localize's "Publish immediately" is dropped for people who
    cannot publish the page: the translations stay drafts to be reviewed."""
    from wagtail_localize.models import Translation, TranslationSource

    published = []
    save_target = Translation.save_target

    def spy(self, *args, **kwargs):
        published.append(kwargs.get("publish"))
        return save_target(self, *args, **kwargs)

    monkeypatch.setattr(Translation, "save_target", spy)
    unit = course.units[0]
    source, _created = TranslationSource.get_or_create_from_instance(unit)
    Translation.objects.create(source=source, target_locale=locales["pt"]).save_target(
        publish=True
    )
    published.clear()
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    _english_admin(trainer)
    client.force_login(trainer)
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    assert published == []

    # Someone who may publish the page still can, in one step.
    coordinator = _english_admin(UserFactory(role="Network coordinator"))
    client.force_login(coordinator)
    assert client.post(url, {"publish_translations": "on"}).status_code == 302
    assert published == [True]


def test_the_approver_cannot_change_the_page_and_approve_it_at_once(
    client, course, trainer, second_trainer
):
    _english_admin(trainer)
    client.force_login(trainer)
    module = course.modules[0]
    add = reverse("wagtailadmin_pages:add", args=["lms", "unitpage", module.pk])
    client.post(add, _unit_form("À relire", "a-relire", **{"action-submit": "1"}))
    unit = Page.objects.get(slug="a-relire").specific

    client.force_login(second_trainer)
    edit = reverse("wagtailadmin_pages:edit", args=[unit.pk])
    client.post(
        edit,
        _unit_form(
            "Changé puis approuvé",
            "a-relire",
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    unit.refresh_from_db()
    assert not unit.live
    assert unit.get_latest_revision_as_object().title == "Changé puis approuvé"
    task_state = TaskState.objects.get(workflow_state__object_id=str(unit.pk))
    assert task_state.status == TaskState.STATUS_IN_PROGRESS
    # The author of the request still may not approve; a third trainer may.
    assert task_state.task.specific.get_actions(unit, trainer) == []
    third = _english_admin(UserFactory(role="Trainer"))
    assert task_state.task.specific.get_actions(unit, third)


def test_a_course_that_cohorts_follow_cannot_be_deleted_with_its_catalogue(
    client, course
):
    admin = _english_admin(UserFactory(is_superuser=True, is_staff=True))
    client.force_login(admin)
    for page in [course.catalogue, course.page, course.english[course.page.pk]]:
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        response = client.post(url)
        assert response.status_code == 302
        assert Page.objects.filter(pk=page.pk).exists()
    # A module holds no cohort's course: it may go.
    module = course.modules[1]
    client.post(reverse("wagtailadmin_pages:delete", args=[module.pk]))
    assert not Page.objects.filter(pk=module.pk).exists()


def test_a_copied_unit_gets_block_ids_of_its_own(client, course):
    admin = _english_admin(UserFactory(is_superuser=True, is_staff=True))
    client.force_login(admin)
    unit = course.units[0]
    url = reverse("wagtailadmin_pages:copy", args=[unit.pk])
    response = client.post(
        url,
        {
            "new_title": "Copie",
            "new_slug": "copie",
            "new_parent_page": course.modules[0].pk,
            "copy_subpages": False,
            "publish_copies": False,
            "alias": False,
        },
    )
    assert response.status_code == 302
    copy = UnitPage.objects.get(slug="copie")
    original_ids = {child.id for child in unit.body}
    assert not original_ids & {child.id for child in copy.body}
    draft = copy.get_latest_revision_as_object()
    assert [child.id for child in draft.body] == [child.id for child in copy.body]
    assert draft.body[2].value["question"] == "Qui ne vient jamais ?"
