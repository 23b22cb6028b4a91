"""Co-construction: proposing a contribution to a module, reviewing it, and
turning an accepted improvement into a draft of the unit."""

import uuid

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from wagtail.models import GroupPagePermission, Revision

from cms.roles import TRAINER
from lms.models import Contribution, UnitCoAuthor, UnitPage
from tests.factories import (
    CohortFactory,
    CoursePageFactory,
    EnrollmentFactory,
    UserFactory,
)
from tests.support.course_fixtures import publish

pytestmark = pytest.mark.django_db


def contribute_url(module):
    with translation.override("fr"):
        return reverse("lms:contribute", args=[module.pk])


def fr_reverse(name, *args):
    with translation.override("fr"):
        return reverse(name, args=args)


def propose(client, module, **fields):
    data = {
        "kind": "experience",
        "title": "La marche du jeudi",
        "body": "Nous avons marché avec les habitantes.\nDix personnes.",
        "form_key": str(uuid.uuid4()),
        **fields,
    }
    return client.post(contribute_url(module), data)


def make_contribution(course, *, module=None, status="submitted", **fields):
    module = module or course.modules[0]
    values = {
        "module": module,
        "module_key": module.translation_key,
        "course_key": course.page.translation_key,
        "author": course.learner,
        "kind": Contribution.Kind.EXPERIENCE,
        "title": "Le goûter de quartier",
        "body": "Un goûter au pied des tours.",
        "status": status,
        **fields,
    }
    return Contribution.objects.create(**values)


def accepted_improvement(course, unit=None):
    unit = unit or course.units[0]
    contribution = make_contribution(
        course,
        module=course.modules[0],
        kind=Contribution.Kind.IMPROVEMENT,
        unit=unit,
        title="Ajouter une étape d'accueil",
        body="Commencer par un café.\n\nPuis marcher ensemble.",
    )
    contribution.review(course.trainer, Contribution.Status.ACCEPTED, "Merci")
    return contribution


def messages_of(response, level_tag):
    return [
        str(m) for m in get_messages(response.wsgi_request) if m.level_tag == level_tag
    ]


@pytest.fixture
def stranger_trainer(course):
    """A trainer who runs a cohort, but of another course."""
    person = UserFactory(role="Trainer")
    other_course = publish(CoursePageFactory(parent=course.catalogue))
    CohortFactory(course=other_course, trainers=[person])
    return person


# --- Proposing ----------------------------------------------------------------------


def test_the_form_carries_a_fresh_key_each_time(client, course):
    client.force_login(course.learner)
    url = contribute_url(course.modules[0])

    first = client.get(url)
    second = client.get(url + "?kind=resource")

    assert first.status_code == second.status_code == 200
    first_key = uuid.UUID(str(first.context["form"]["form_key"].value()))
    second_key = uuid.UUID(str(second.context["form"]["form_key"].value()))
    assert first_key != second_key
    assert f'value="{first_key}"' in first.content.decode()
    assert not Contribution.objects.filter(form_key__in=[first_key, second_key])
    assert second.context["form"]["kind"].value() == "resource"


def test_an_enrolled_learner_proposes_a_contribution(client, course):
    module = course.modules[0]
    client.force_login(course.learner)
    key = str(uuid.uuid4())

    response = propose(client, module, form_key=key)

    assert response.status_code == 302
    assert response["Location"] == module.url
    contribution = Contribution.objects.get()
    assert contribution.status == Contribution.Status.SUBMITTED
    assert contribution.author == course.learner
    assert contribution.module_id == module.pk
    assert contribution.module_key == module.translation_key
    assert contribution.course_key == course.page.translation_key
    assert str(contribution.form_key) == key
    assert contribution.unit is None
    assert contribution.reviewer is None


def test_a_contribution_from_the_english_module_shares_the_keys(client, course):
    english_module = course.english[course.modules[0].pk]
    client.force_login(course.learner)

    response = propose(client, english_module)

    assert response.status_code == 302
    contribution = Contribution.objects.get()
    assert contribution.module_key == course.modules[0].translation_key
    assert contribution.course_key == course.page.translation_key


def test_the_same_form_posted_twice_makes_one_contribution(client, course):
    client.force_login(course.learner)
    key = str(uuid.uuid4())

    first = propose(client, course.modules[0], form_key=key)
    second = propose(client, course.modules[0], form_key=key, title="Autre titre")

    assert first.status_code == second.status_code == 302
    assert Contribution.objects.count() == 1
    assert Contribution.objects.get().title == "La marche du jeudi"


def test_an_improvement_names_its_unit(client, course):
    module = course.modules[0]
    client.force_login(course.learner)

    missing = propose(client, module, kind="improvement")

    assert missing.status_code == 200
    assert "unit" in missing.context["form"].errors
    assert not Contribution.objects.exists()

    named = propose(client, module, kind="improvement", unit=str(course.units[0].pk))
    assert named.status_code == 302
    assert Contribution.objects.get().unit_id == course.units[0].pk


def test_a_unit_of_another_module_is_refused(client, course):
    client.force_login(course.learner)
    elsewhere = course.units[2]  # in the second module

    response = propose(
        client, course.modules[0], kind="improvement", unit=str(elsewhere.pk)
    )

    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not Contribution.objects.exists()


def test_an_outsider_may_not_contribute(client, course):
    client.force_login(course.outsider)

    assert client.get(contribute_url(course.modules[0])).status_code == 403
    assert propose(client, course.modules[0]).status_code == 403
    assert not Contribution.objects.exists()


def test_a_withdrawn_learner_may_not_contribute(client, course):
    course.enrollment.status = "withdrawn"
    course.enrollment.save()
    client.force_login(course.learner)

    assert propose(client, course.modules[0]).status_code == 403
    assert not Contribution.objects.exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client, course):
    response = client.get(contribute_url(course.modules[0]))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert propose(client, course.modules[0]).status_code == 302
    assert not Contribution.objects.exists()


def test_a_module_that_is_not_live_is_not_found(client, course):
    module = course.modules[0]
    module.unpublish()
    client.force_login(course.learner)

    assert client.get(contribute_url(module)).status_code == 404


# --- Review ---------------------------------------------------------------------------


def test_the_cohorts_trainer_lists_and_accepts_a_contribution(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.learner)
    propose(client, course.modules[0])
    contribution = Contribution.objects.get()
    client.force_login(course.trainer)

    listing = client.get(fr_reverse("lms:contributions"))
    assert listing.status_code == 200
    assert list(listing.context["page"].object_list) == [contribution]

    page = client.get(fr_reverse("lms:contribution-review", contribution.pk))
    assert page.status_code == 200
    assert page.context["contribution"] == contribution

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            fr_reverse("lms:contribution-review", contribution.pk),
            {"status": "accepted", "note": "Bravo, c'est très utile."},
        )

    assert response.status_code == 302
    assert response["Location"] == fr_reverse("lms:contributions")
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.ACCEPTED
    assert contribution.reviewer == course.trainer
    assert contribution.review_note == "Bravo, c'est très utile."
    assert contribution.reviewed_at is not None
    assert [m.to for m in mailoutbox] == [[course.learner.email]]
    assert "http://testserver" + course.modules[0].url in mailoutbox[0].body

    accepted = client.get(fr_reverse("lms:contributions") + "?status=accepted")
    assert list(accepted.context["page"].object_list) == [contribution]
    assert not client.get(fr_reverse("lms:contributions")).context["page"].object_list


def test_a_trainer_of_another_course_may_not_review(
    client, course, stranger_trainer, mailoutbox
):
    contribution = make_contribution(course)
    client.force_login(stranger_trainer)
    url = fr_reverse("lms:contribution-review", contribution.pk)

    assert not client.get(fr_reverse("lms:contributions")).context["page"].object_list
    assert client.get(url).status_code == 403
    response = client.post(url, {"status": "accepted", "note": ""})

    assert response.status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.SUBMITTED
    assert contribution.reviewer is None
    assert mailoutbox == []


def test_a_learner_may_not_review(client, course):
    contribution = make_contribution(course)
    client.force_login(course.learner)

    response = client.post(
        fr_reverse("lms:contribution-review", contribution.pk),
        {"status": "accepted"},
    )

    assert response.status_code == 403
    assert client.get(fr_reverse("lms:contributions")).status_code == 403
    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.SUBMITTED


def test_a_reviewed_contribution_is_not_reviewed_again(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    """The review page offers a decision only while the contribution waits
    for one; a second post (another trainer, a replayed form) changes nothing."""
    contribution = make_contribution(course)
    contribution.review(course.trainer, Contribution.Status.ACCEPTED, "Merci")
    reviewed_at = contribution.reviewed_at
    second = UserFactory(role="Trainer")
    course.cohort.trainers.add(second)
    client.force_login(second)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            fr_reverse("lms:contribution-review", contribution.pk),
            {"status": "declined", "note": "Finalement non."},
        )

    contribution.refresh_from_db()
    assert contribution.status == Contribution.Status.ACCEPTED
    assert contribution.reviewer == course.trainer
    assert contribution.review_note == "Merci"
    assert contribution.reviewed_at == reviewed_at
    assert mailoutbox == []


# --- Where accepted contributions show --------------------------------------------


def test_accepted_contributions_show_on_the_module_in_every_language(client, course):
    module = course.modules[0]
    accepted = make_contribution(course, title="Acceptée")
    accepted.review(course.trainer, Contribution.Status.ACCEPTED, "")
    declined = make_contribution(course, title="Refusée")
    declined.review(course.trainer, Contribution.Status.DECLINED, "")
    make_contribution(course, title="En attente")
    elsewhere = make_contribution(course, module=course.modules[1], title="Ailleurs")
    elsewhere.review(course.trainer, Contribution.Status.ACCEPTED, "")

    french = client.get(module.url)
    english = client.get(course.english[module.pk].url)

    assert french.status_code == english.status_code == 200
    assert list(french.context["contributions"]) == [accepted]
    assert list(english.context["contributions"]) == [accepted]
    assert "Acceptée" in english.content.decode()
    assert "Refusée" not in french.content.decode()
    assert "En attente" not in french.content.decode()


def test_the_course_page_counts_accepted_contributions_per_module(client, course):
    for title in ["Une", "Deux"]:
        make_contribution(course, title=title).review(
            course.trainer, Contribution.Status.ACCEPTED, ""
        )
    make_contribution(course, title="Non").review(
        course.trainer, Contribution.Status.DECLINED, ""
    )
    make_contribution(course, module=course.modules[1]).review(
        course.trainer, Contribution.Status.ACCEPTED, ""
    )

    for page in [course.page, course.english[course.page.pk]]:
        response = client.get(page.url)
        assert response.status_code == 200
        counts = [m.contribution_count for m in response.context["modules"]]
        assert counts == [2, 1], page.url


# --- From an accepted improvement to a draft of the unit ----------------------------


def test_an_accepted_improvement_becomes_a_draft_of_the_unit(client, course):
    unit = UnitPage.objects.get(pk=course.units[0].pk)
    live_body = list(unit.body.raw_data)
    contribution = accepted_improvement(course, unit)
    revisions = Revision.objects.for_instance(unit).count()
    client.force_login(course.trainer)

    review = client.get(fr_reverse("lms:contribution-review", contribution.pk))
    assert review.context["can_build"] is True
    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[unit.pk])
    assert Revision.objects.for_instance(unit).count() == revisions + 1
    contribution.refresh_from_db()
    unit.refresh_from_db()
    assert contribution.draft_revision_id == unit.latest_revision_id
    assert contribution.draft_revision.user == course.trainer
    assert unit.has_unpublished_changes

    draft = unit.get_latest_revision_as_object()
    draft_text = str(draft.body.raw_data)
    assert "Ajouter une étape d&#x27;accueil" in draft_text
    assert "<p>Commencer par un café.</p><p>Puis marcher ensemble.</p>" in draft_text
    assert course.learner.display_name in draft_text
    assert [a.person_id for a in draft.co_authors.all()] == [course.learner.pk]

    assert list(UnitPage.objects.get(pk=unit.pk).body.raw_data) == live_body
    assert "accueil" not in str(unit.body.raw_data)
    assert not UnitCoAuthor.objects.filter(page=unit).exists()
    served = client.get(unit.url)
    assert "Commencer par un café" not in served.content.decode()


def test_a_superuser_may_build_on_a_contribution(client, course):
    contribution = accepted_improvement(course)
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)

    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.draft_revision is not None


def test_building_twice_credits_the_author_once(client, course):
    contribution = accepted_improvement(course)
    client.force_login(course.trainer)
    url = fr_reverse("lms:contribution-to-unit", contribution.pk)

    client.post(url)
    client.post(url)

    unit = UnitPage.objects.get(pk=course.units[0].pk)
    draft = unit.get_latest_revision_as_object()
    assert [a.person_id for a in draft.co_authors.all()] == [course.learner.pk]


def test_building_twice_adds_the_contribution_once(client, course):
    """A double click on "Start a draft" must not paste the text twice."""
    contribution = accepted_improvement(course)
    client.force_login(course.trainer)
    url = fr_reverse("lms:contribution-to-unit", contribution.pk)

    client.post(url)
    client.post(url)

    unit = UnitPage.objects.get(pk=course.units[0].pk)
    draft_text = str(unit.get_latest_revision_as_object().body.raw_data)
    assert draft_text.count("Commencer par un café.") == 1


@pytest.mark.parametrize("status", ["submitted", "declined"])
def test_a_contribution_not_accepted_makes_no_draft(client, course, status):
    unit = course.units[0]
    contribution = make_contribution(
        course, kind=Contribution.Kind.IMPROVEMENT, unit=unit, status=status
    )
    revisions = Revision.objects.for_instance(unit).count()
    client.force_login(course.trainer)

    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 302
    assert response["Location"] == fr_reverse(
        "lms:contribution-review", contribution.pk
    )
    assert messages_of(response, "error")
    assert Revision.objects.for_instance(unit).count() == revisions
    contribution.refresh_from_db()
    assert contribution.draft_revision is None


def test_an_accepted_contribution_without_a_unit_makes_no_draft(client, course):
    contribution = make_contribution(course)
    contribution.review(course.trainer, Contribution.Status.ACCEPTED, "")
    before = Revision.objects.count()
    client.force_login(course.trainer)

    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 302
    assert Revision.objects.count() == before


def test_a_trainer_who_may_not_edit_the_unit_is_refused(client, course):
    """The Trainer group may edit under the catalogue (lms/signals.py); without
    that page permission the cohort's own trainer cannot draft the unit."""
    unit = course.units[0]
    contribution = accepted_improvement(course, unit)
    assert unit.permissions_for_user(course.trainer).can_edit()
    GroupPagePermission.objects.filter(group__name=TRAINER).delete()
    revisions = Revision.objects.for_instance(unit).count()
    client.force_login(course.trainer)

    review = client.get(fr_reverse("lms:contribution-review", contribution.pk))
    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert review.context["can_build"] is False
    assert response.status_code == 403
    assert Revision.objects.for_instance(unit).count() == revisions
    contribution.refresh_from_db()
    assert contribution.draft_revision is None


def test_a_trainer_of_another_course_may_not_build(client, course, stranger_trainer):
    contribution = accepted_improvement(course)
    revisions = Revision.objects.count()
    client.force_login(stranger_trainer)

    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 403
    assert Revision.objects.count() == revisions


def test_building_on_a_contribution_is_a_post(client, course):
    contribution = accepted_improvement(course)
    client.force_login(course.trainer)

    response = client.get(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 405


def test_the_learner_cannot_build_on_their_own_contribution(client, course):
    contribution = accepted_improvement(course)
    EnrollmentFactory(cohort=course.cohort)
    client.force_login(course.learner)

    response = client.post(fr_reverse("lms:contribution-to-unit", contribution.pk))

    assert response.status_code == 403
    contribution.refresh_from_db()
    assert contribution.draft_revision is None


def test_the_review_list_keeps_a_fixed_query_budget(
    client, course, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(course.trainer)
    url = fr_reverse("lms:contributions")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    make_contribution(course)
    count()  # the first request also caches the site's root paths
    before = count()
    for n in range(25):
        make_contribution(course, title=f"Récit {n}")
    assert count() == before
    with django_assert_max_num_queries(16):
        client.get(url)


def test_contribution_files_are_private_until_the_contribution_is_accepted(
    client, course, local_storage, stranger_trainer
):
    from django.core.files.base import ContentFile

    from lms.models import ContributionAttachment

    contribution = make_contribution(course)
    attachment = ContributionAttachment.objects.create(
        contribution=contribution, file=ContentFile(b"%PDF-1.4 fiche", name="fiche.pdf")
    )
    url = reverse("lms:contribution-attachment", args=[attachment.pk])

    # Never from /media/, whatever the name.
    assert client.get("/media/" + attachment.file.name).status_code == 404
    # While submitted: its author and the course's trainers only.
    assert client.get(url).status_code == 404
    for person in [course.outsider, stranger_trainer]:
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    for person in [course.learner, course.trainer]:
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert b"".join(response.streaming_content) == b"%PDF-1.4 fiche"
    # Once accepted, anyone reading the module may open it.
    contribution.status = Contribution.Status.ACCEPTED
    contribution.save()
    client.logout()
    assert client.get(url).status_code == 200
