"""Cohorts run from the site: who may open them, add, join, withdraw and move.

Every view that takes a cohort answers 403 to a trainer who does not run it
and changes nothing; learners arrive by e-mail, with the join code or from a
file (tests/lms/test_roster_import.py) under one rule: one account per
address, one enrolment per cohort.
"""

import datetime
import re
from urllib.parse import urlencode

import pytest
from allauth.account.models import EmailAddress
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from cms.roles import LEARNER
from lms.models import Cohort, CoursePage, Enrollment, FieldReport
from lms.views import roster_import
from tests.factories import (
    CohortFactory,
    CoursePageFactory,
    EnrollmentFactory,
    PartnerInstitutionFactory,
    UserFactory,
)
from tests.lms.conftest import assignment_of, publish

pytestmark = pytest.mark.django_db

User = get_user_model()
SET_PASSWORD_PATH = "/accounts/password/reset/key/"


def url(name, *args, **query):
    path = reverse(f"lms:{name}", args=args)
    if query:
        path += "?" + urlencode(query)
    return path


def message_levels(response):
    return [message.level for message in get_messages(response.wsgi_request)]


def state():
    """What a refused request must leave untouched."""
    return {
        "users": sorted(User.objects.values_list("pk", "email")),
        "cohorts": sorted(
            Cohort.objects.values_list(
                "pk",
                "name",
                "course_id",
                "join_code",
                "join_enabled",
                "start_date",
                "end_date",
            )
        ),
        "trainers": sorted(Cohort.trainers.through.objects.values_list("pk", "user")),
        "enrollments": sorted(
            Enrollment.objects.values_list("pk", "cohort_id", "learner_id", "status")
        ),
        "reports": sorted(FieldReport.objects.values_list("pk", "enrollment_id")),
    }


def cohort_data(course_page, partner, **overrides):
    data = {
        "name": "Promotion Marseille nord",
        "course": course_page.pk,
        "partner": partner.pk,
        "language": "fr",
        "territory": "Marseille, quartiers nord",
        "start_date": "2026-03-02",
        "end_date": "2026-06-30",
        "join_enabled": "on",
    }
    data.update(overrides)
    return data


def other_course(course):
    """A second live course of the catalogue, with nothing in it."""
    return publish(CoursePageFactory(parent=course.catalogue))


@pytest.fixture
def other_trainer(db):
    return UserFactory(role="Trainer")


# -- Permissions ---------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_sign_in(client, course):
    cohort = course.cohort
    for path in [
        url("cohorts"),
        url("cohort-create"),
        url("cohort", cohort.pk),
        url("cohort-edit", cohort.pk),
        url("roster-import", cohort.pk),
        url("cohort-reports", cohort.pk),
        url("join", cohort.join_code),
    ]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert "/accounts/login/" in response["Location"], path
        assert "next=" in response["Location"], path
    before = state()
    response = client.post(
        url("enrollment-action", cohort.pk, course.enrollment.pk),
        {"action": "withdraw"},
    )
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert state() == before


def test_a_learner_may_not_list_or_open_cohorts(client, course):
    partner = PartnerInstitutionFactory()
    client.force_login(course.learner)
    before = state()
    assert client.get(url("cohorts")).status_code == 403
    assert client.get(url("cohort-create")).status_code == 403
    response = client.post(url("cohort-create"), cohort_data(course.page, partner))
    assert response.status_code == 403
    assert client.get(url("cohort", course.cohort.pk)).status_code == 403
    assert state() == before


def test_a_trainer_who_does_not_run_the_cohort_gets_403_and_changes_nothing(
    client, course, other_trainer
):
    cohort, enrollment = course.cohort, course.enrollment
    partner = PartnerInstitutionFactory()
    own = CohortFactory(course=course.page, trainers=[other_trainer])
    signed = signing.dumps(
        {"cohort": cohort.pk, "rows": [["intrus@example.org", "In", "Trus", ""]]},
        salt=roster_import.SALT,
        compress=True,
    )
    requests = [
        ("get", url("cohort", cohort.pk), {}),
        ("post", url("cohort", cohort.pk), {"email": "intrus@example.org"}),
        ("get", url("cohort-edit", cohort.pk), {}),
        (
            "post",
            url("cohort-edit", cohort.pk),
            cohort_data(course.page, partner, name="Volée", join_enabled=""),
        ),
        ("post", url("cohort-new-code", cohort.pk), {}),
        *[
            (
                "post",
                url("enrollment-action", cohort.pk, enrollment.pk),
                {"action": action, "target": str(own.pk)},
            )
            for action in ("withdraw", "approve", "reinstate", "move")
        ],
        ("get", url("roster-import", cohort.pk), {}),
        (
            "post",
            url("roster-import", cohort.pk),
            {
                "file": SimpleUploadedFile(
                    "r.csv", b"email,first name,last name\nx@example.org,X,Y\n"
                )
            },
        ),
        ("post", url("roster-confirm", cohort.pk), {"payload": signed}),
        ("get", url("cohort-reports", cohort.pk), {}),
        ("post", url("cohort-reports", cohort.pk), {}),
    ]
    client.force_login(other_trainer)
    before = state()
    for method, path, data in requests:
        response = getattr(client, method)(path, data)
        assert response.status_code == 403, (method, path)
        assert state() == before, (method, path)
    # Their own list does not show it either.
    response = client.get(url("cohorts"))
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [own]


def test_post_only_views_refuse_get_without_acting(client, course):
    client.force_login(course.trainer)
    before = state()
    assert client.get(url("cohort-new-code", course.cohort.pk)).status_code == 405
    response = client.get(
        url("enrollment-action", course.cohort.pk, course.enrollment.pk)
    )
    assert response.status_code == 405
    assert client.get(url("roster-confirm", course.cohort.pk)).status_code == 405
    assert state() == before


def test_a_missing_cohort_is_404(client, course):
    missing = Cohort.objects.order_by("-pk").first().pk + 1000
    client.force_login(course.trainer)
    for path in [
        url("cohort", missing),
        url("cohort-edit", missing),
        url("roster-import", missing),
        url("cohort-reports", missing),
    ]:
        assert client.get(path).status_code == 404, path
    for path in [
        url("cohort-new-code", missing),
        url("enrollment-action", missing, course.enrollment.pk),
        url("roster-confirm", missing),
    ]:
        assert client.post(path, {"action": "withdraw"}).status_code == 404, path
    course.enrollment.refresh_from_db()
    assert course.enrollment.status == Enrollment.Status.ACTIVE


def test_a_superuser_sees_and_runs_every_cohort(client, course, other_trainer):
    theirs = CohortFactory(course=course.page, trainers=[other_trainer])
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.get(url("cohorts"))
    assert response.status_code == 200
    assert {c.pk for c in response.context["page"]} == {course.cohort.pk, theirs.pk}
    assert client.get(url("cohort", theirs.pk)).status_code == 200
    response = client.post(
        url("enrollment-action", course.cohort.pk, course.enrollment.pk),
        {"action": "withdraw"},
    )
    assert response.status_code == 302
    course.enrollment.refresh_from_db()
    assert course.enrollment.status == Enrollment.Status.WITHDRAWN


def test_a_trainer_lists_only_the_cohorts_they_run_with_counts(
    client, course, other_trainer
):
    CohortFactory(course=course.page, trainers=[other_trainer])
    shared = CohortFactory(course=course.page, trainers=[course.trainer, other_trainer])
    EnrollmentFactory(cohort=course.cohort, status=Enrollment.Status.PENDING)
    EnrollmentFactory(cohort=course.cohort, status=Enrollment.Status.WITHDRAWN)
    client.force_login(course.trainer)
    response = client.get(url("cohorts"))
    assert response.status_code == 200
    cohorts = {c.pk: c for c in response.context["page"]}
    assert set(cohorts) == {course.cohort.pk, shared.pk}
    assert cohorts[course.cohort.pk].active_count == 1
    assert cohorts[course.cohort.pk].pending_count == 1
    assert cohorts[shared.pk].active_count == 0


# -- Opening and editing a cohort ---------------------------------------------


def test_a_trainer_opens_a_cohort_and_runs_it(client, course, other_trainer):
    partner = PartnerInstitutionFactory()
    client.force_login(other_trainer)
    response = client.post(
        url("cohort-create"),
        cohort_data(course.page, partner, language="pt", join_requires_approval="on"),
    )
    cohort = Cohort.objects.get(name="Promotion Marseille nord")
    assert response.status_code == 302
    assert response["Location"] == url("cohort", cohort.pk)
    assert list(cohort.trainers.all()) == [other_trainer]
    assert cohort.course_id == course.page.pk
    assert cohort.partner_id == partner.pk
    assert cohort.language == "pt"
    assert cohort.territory == "Marseille, quartiers nord"
    assert cohort.start_date == datetime.date(2026, 3, 2)
    assert cohort.end_date == datetime.date(2026, 6, 30)
    assert cohort.join_enabled and cohort.join_requires_approval
    assert re.fullmatch(r"[A-Z2-9]{8}", cohort.join_code)
    assert client.get(url("cohort", cohort.pk)).status_code == 200
    # The creator runs it; the fixture's trainer does not.
    client.force_login(course.trainer)
    assert client.get(url("cohort", cohort.pk)).status_code == 403


def test_a_cohort_cannot_end_before_it_starts(client, course):
    partner = PartnerInstitutionFactory()
    client.force_login(course.trainer)
    before = state()
    response = client.post(
        url("cohort-create"),
        cohort_data(
            course.page, partner, start_date="2026-06-30", end_date="2026-03-02"
        ),
    )
    assert response.status_code == 200
    assert "end_date" in response.context["form"].errors
    assert state() == before


def test_the_course_choices_are_live_courses_of_the_default_locale(client, course):
    draft = CoursePageFactory(parent=course.catalogue, live=False)
    english = course.english[course.page.pk]
    assert english.live and english.locale.language_code == "en"
    partner = PartnerInstitutionFactory()
    client.force_login(course.trainer)
    response = client.get(url("cohort-create"))
    assert response.status_code == 200
    choices = set(response.context["form"].fields["course"].queryset)
    assert course.page in choices
    assert draft not in choices
    assert english not in choices
    assert choices <= set(CoursePage.objects.live().filter(locale__language_code="fr"))
    before = state()
    for refused in (draft, english):
        response = client.post(url("cohort-create"), cohort_data(refused, partner))
        assert response.status_code == 200
        assert "course" in response.context["form"].errors
    assert state() == before


def test_the_trainer_edits_their_cohort(client, course):
    partner = PartnerInstitutionFactory()
    client.force_login(course.trainer)
    assert client.get(url("cohort-edit", course.cohort.pk)).status_code == 200
    response = client.post(
        url("cohort-edit", course.cohort.pk),
        cohort_data(course.page, partner, name="Renommée", join_enabled=""),
    )
    assert response.status_code == 302
    cohort = Cohort.objects.get(pk=course.cohort.pk)
    assert cohort.name == "Renommée"
    assert not cohort.join_enabled
    assert list(cohort.trainers.all()) == [course.trainer]


# -- Adding a learner by e-mail -------------------------------------------------


def add(client, cohort, email, **names):
    return client.post(url("cohort", cohort.pk), {"email": email, **names})


def test_adding_a_new_address_creates_an_invited_account(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.trainer)
    users_before = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = add(
            client,
            course.cohort,
            "nadia.benali@example.org",
            first_name="Nadia",
            last_name="Benali",
        )
    assert response.status_code == 302
    assert response["Location"] == url("cohort", course.cohort.pk)
    assert User.objects.count() == users_before + 1
    user = User.objects.get(email="nadia.benali@example.org")
    assert (user.first_name, user.last_name) == ("Nadia", "Benali")
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == [LEARNER]
    address = EmailAddress.objects.get(user=user)
    assert address.email == "nadia.benali@example.org"
    assert address.verified and address.primary
    enrollment = Enrollment.objects.get(learner=user)
    assert enrollment.cohort == course.cohort
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert enrollment.source == Enrollment.Source.ADDED

    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["nadia.benali@example.org"]
    assert SET_PASSWORD_PATH in email.body
    assert course.cohort.name in email.body


def test_the_invitation_link_lets_the_new_learner_choose_a_password(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        add(client, course.cohort, "nadia.benali@example.org")
    link = re.search(
        r"https?://\S+" + re.escape(SET_PASSWORD_PATH) + r"\S+", mailoutbox[0].body
    )
    assert link, mailoutbox[0].body
    path = link.group(0).removeprefix("http://testserver")
    client.logout()
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert not response.context.get("token_fail")
    assert "password1" in response.context["form"].fields
    new_password = "une-phrase-de-passe-assez-longue"
    set_password_url = response.redirect_chain[-1][0]
    response = client.post(
        set_password_url, {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    assert User.objects.get(email="nadia.benali@example.org").check_password(
        new_password
    )


def test_adding_an_existing_account_enrols_it_without_inviting(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.trainer)
    users_before = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, course.cohort, course.outsider.email)
    assert response.status_code == 302
    assert User.objects.count() == users_before
    enrollment = Enrollment.objects.get(learner=course.outsider)
    assert enrollment.cohort == course.cohort
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert course.outsider.has_usable_password()
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [course.outsider.email]
    assert SET_PASSWORD_PATH not in mailoutbox[0].body
    assert course.cohort.name in mailoutbox[0].body


def test_adding_the_same_address_twice_enrols_once(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        add(client, course.cohort, "double@example.org")
        response = add(client, course.cohort, "double@example.org")
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="double@example.org").count() == 1
    assert Enrollment.objects.filter(learner__email="double@example.org").count() == 1
    assert [m.to for m in mailoutbox] == [["double@example.org"]]
    assert messages.INFO in message_levels(response)


def test_an_address_in_other_case_is_the_same_account(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        add(client, course.cohort, "Foo@Example.org")
        add(client, course.cohort, "foo@example.org")
        add(client, course.cohort, " FOO@EXAMPLE.ORG ")
    users = User.objects.filter(email__iexact="foo@example.org")
    assert [u.email for u in users] == ["foo@example.org"]
    assert Enrollment.objects.filter(learner__in=users).count() == 1
    assert len(mailoutbox) == 1


def test_an_account_stored_with_capitals_is_found_by_its_address(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    """Accounts made in the admin keep the capitals they were typed with."""
    person = UserFactory(email="Marie.Curie@Example.org", role="Learner")
    client.force_login(course.trainer)
    users_before = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        add(client, course.cohort, "marie.curie@example.org")
    assert User.objects.count() == users_before
    assert Enrollment.objects.get(cohort=course.cohort, learner=person).status == (
        Enrollment.Status.ACTIVE
    )
    assert [m.to for m in mailoutbox] == [["Marie.Curie@Example.org"]]


def test_an_invalid_address_is_a_form_error(client, course, mailoutbox):
    client.force_login(course.trainer)
    before = state()
    for bad in ["not-an-address", "two@@example.org", ""]:
        response = add(client, course.cohort, bad, first_name="X")
        assert response.status_code == 200, bad
        assert "email" in response.context["add_form"].errors, bad
    assert state() == before
    assert mailoutbox == []


def test_adding_a_withdrawn_learner_reinstates_them(
    client, course, django_capture_on_commit_callbacks
):
    course.enrollment.status = Enrollment.Status.WITHDRAWN
    course.enrollment.save()
    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        add(client, course.cohort, course.learner.email)
    assert Enrollment.objects.filter(learner=course.learner).count() == 1
    course.enrollment.refresh_from_db()
    assert course.enrollment.status == Enrollment.Status.ACTIVE


def test_adding_an_address_still_used_as_a_username_creates_its_account(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    """Someone who changed their address keeps their old username (accounts
    are made with username = address): the old address, now someone else's,
    must still get its own account instead of a server error."""
    moved = UserFactory(email="new.address@example.org", username="old@example.org")
    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, course.cohort, "old@example.org")
    assert response.status_code == 302
    newcomer = User.objects.get(email="old@example.org")
    assert newcomer != moved
    assert Enrollment.objects.filter(cohort=course.cohort, learner=newcomer).exists()
    assert not Enrollment.objects.filter(learner=moved).exists()
    assert [m.to for m in mailoutbox] == [["old@example.org"]]


def test_adding_an_address_verified_on_another_account_enrols_that_account(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    """allauth lets people add a second, verified address to their account;
    that address belongs to them: no second account for the same person."""
    person = UserFactory(email="main@example.org", role="Learner")
    EmailAddress.objects.create(
        user=person, email="second@example.org", verified=True, primary=False
    )
    client.force_login(course.trainer)
    users_before = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = add(client, course.cohort, "second@example.org")
    assert response.status_code == 302
    assert User.objects.count() == users_before
    assert Enrollment.objects.filter(cohort=course.cohort, learner=person).exists()


# -- Join link and code ---------------------------------------------------------


def test_the_join_page_shows_the_cohort(client, course):
    client.force_login(course.outsider)
    response = client.get(url("join", course.cohort.join_code))
    assert response.status_code == 200
    assert response.context["cohort"] == course.cohort
    assert response.context["enrollment"] is None
    assert course.cohort.name in response.content.decode()
    assert not Enrollment.objects.filter(learner=course.outsider).exists()


def test_joining_with_the_code_enrols_at_once(client, course):
    client.force_login(course.outsider)
    response = client.post(url("join", course.cohort.join_code))
    assert response.status_code == 302
    assert response["Location"] == url("home")
    enrollment = Enrollment.objects.get(learner=course.outsider)
    assert enrollment.cohort == course.cohort
    assert enrollment.source == Enrollment.Source.JOINED
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert client.get(course.units[0].url).status_code == 200


def test_joining_a_cohort_with_approval_waits_for_the_trainer(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    cohort = course.cohort
    cohort.join_requires_approval = True
    cohort.save()
    client.force_login(course.outsider)
    client.post(url("join", cohort.join_code))
    enrollment = Enrollment.objects.get(learner=course.outsider)
    assert enrollment.status == Enrollment.Status.PENDING
    assert enrollment.source == Enrollment.Source.JOINED
    assert client.get(course.units[0].url).status_code == 403

    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("enrollment-action", cohort.pk, enrollment.pk), {"action": "approve"}
        )
    assert response.status_code == 302
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert enrollment.source == Enrollment.Source.JOINED
    assert [m.to for m in mailoutbox] == [[course.outsider.email]]
    client.force_login(course.outsider)
    assert client.get(course.units[0].url).status_code == 200


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_closed_or_unknown_code_is_404(client, course, method):
    client.force_login(course.outsider)
    assert getattr(client, method)(url("join", "ZZZZ2222")).status_code == 404
    code = course.cohort.join_code
    course.cohort.join_enabled = False
    course.cohort.save()
    assert getattr(client, method)(url("join", code)).status_code == 404
    assert not Enrollment.objects.filter(learner=course.outsider).exists()


def test_anonymous_joiners_sign_in_first(client, course):
    before = state()
    for method in ("get", "post"):
        response = getattr(client, method)(url("join", course.cohort.join_code))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert state() == before


def test_a_code_typed_in_lower_case_works(client, course):
    client.force_login(course.outsider)
    code = course.cohort.join_code.lower()
    assert client.get(url("join", code)).status_code == 200
    client.post(url("join", code))
    assert Enrollment.objects.get(learner=course.outsider).cohort == course.cohort


def test_a_withdrawn_learner_cannot_rejoin_with_the_code(client, course):
    course.enrollment.status = Enrollment.Status.WITHDRAWN
    course.enrollment.save()
    client.force_login(course.learner)
    response = client.post(url("join", course.cohort.join_code))
    assert response.status_code == 302
    assert messages.ERROR in message_levels(response)
    enrollment = Enrollment.objects.get(learner=course.learner)
    assert enrollment.status == Enrollment.Status.WITHDRAWN
    assert client.get(course.units[0].url).status_code == 403


def test_joining_twice_enrols_once(client, course):
    client.force_login(course.outsider)
    client.post(url("join", course.cohort.join_code))
    client.post(url("join", course.cohort.join_code))
    assert Enrollment.objects.filter(learner=course.outsider).count() == 1
    response = client.get(url("join", course.cohort.join_code))
    assert response.context["enrollment"].status == Enrollment.Status.ACTIVE


def test_a_pending_learner_joining_again_stays_pending(client, course):
    course.cohort.join_requires_approval = True
    course.cohort.save()
    client.force_login(course.outsider)
    client.post(url("join", course.cohort.join_code))
    client.post(url("join", course.cohort.join_code))
    enrollment = Enrollment.objects.get(learner=course.outsider)
    assert enrollment.status == Enrollment.Status.PENDING


def test_the_join_form_sends_the_code_to_the_join_page(client, course):
    response = client.get(url("join-form", code="abc"))
    assert response.status_code == 302
    assert response["Location"] == url("join", "ABC")
    response = client.get(url("join-form", code=" ab cd "))
    assert response["Location"] == url("join", "ABCD")
    assert client.get(url("join-form")).status_code == 200


def test_a_new_code_retires_the_old_one(client, course):
    old = course.cohort.join_code
    client.force_login(course.trainer)
    response = client.post(url("cohort-new-code", course.cohort.pk))
    assert response.status_code == 302
    course.cohort.refresh_from_db()
    new = course.cohort.join_code
    assert new != old
    client.force_login(course.outsider)
    assert client.get(url("join", old)).status_code == 404
    client.post(url("join", old))
    assert not Enrollment.objects.filter(learner=course.outsider).exists()
    assert client.get(url("join", new)).status_code == 200


# -- Withdraw, reinstate, move ------------------------------------------------------


def act(client, cohort, enrollment, action, **data):
    return client.post(
        url("enrollment-action", cohort.pk, enrollment.pk), {"action": action, **data}
    )


def test_withdrawing_keeps_the_enrolment_and_closes_the_units(client, course):
    unit_url = course.units[0].url
    client.force_login(course.learner)
    assert client.get(unit_url).status_code == 200

    client.force_login(course.trainer)
    response = act(client, course.cohort, course.enrollment, "withdraw")
    assert response.status_code == 302
    assert response["Location"] == url("cohort", course.cohort.pk)
    enrollment = Enrollment.objects.get(pk=course.enrollment.pk)
    assert enrollment.status == Enrollment.Status.WITHDRAWN
    assert enrollment.learner == course.learner

    client.force_login(course.learner)
    assert client.get(unit_url).status_code == 403

    client.force_login(course.trainer)
    act(client, course.cohort, course.enrollment, "reinstate")
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert Enrollment.objects.filter(learner=course.learner).count() == 1
    client.force_login(course.learner)
    assert client.get(unit_url).status_code == 200


def test_moving_a_learner_takes_their_reports_along(client, course):
    target = CohortFactory(course=course.page, trainers=[course.trainer])
    unit = course.units[0]
    report = FieldReport.objects.create(
        enrollment=course.enrollment,
        unit=unit,
        assignment_id=assignment_of(unit).id,
        assignment_title="Une marche au marché",
        body="Deux heures au marché du Prado.",
        status=FieldReport.Status.SUBMITTED,
    )
    client.force_login(course.trainer)
    response = act(
        client, course.cohort, course.enrollment, "move", target=str(target.pk)
    )
    assert response.status_code == 302
    assert messages.SUCCESS in message_levels(response)
    enrollment = Enrollment.objects.get(pk=course.enrollment.pk)
    assert enrollment.cohort == target
    assert enrollment.status == Enrollment.Status.ACTIVE
    assert not Enrollment.objects.filter(cohort=course.cohort).exists()
    report.refresh_from_db()
    assert report.enrollment_id == enrollment.pk
    assert list(FieldReport.objects.filter(enrollment__cohort=target)) == [report]
    listed = client.get(url("cohort-reports", target.pk)).context["page"]
    assert [r.pk for r in listed] == [report.pk]
    assert (
        list(client.get(url("cohort-reports", course.cohort.pk)).context["page"]) == []
    )


def test_a_learner_cannot_move_to_a_cohort_of_another_course(client, course):
    elsewhere = CohortFactory(course=other_course(course), trainers=[course.trainer])
    client.force_login(course.trainer)
    before = state()
    response = act(
        client, course.cohort, course.enrollment, "move", target=str(elsewhere.pk)
    )
    assert response.status_code == 302
    assert messages.ERROR in message_levels(response)
    assert state() == before


def test_a_learner_cannot_move_where_they_already_are(client, course):
    target = CohortFactory(course=course.page, trainers=[course.trainer])
    EnrollmentFactory(
        cohort=target, learner=course.learner, status=Enrollment.Status.WITHDRAWN
    )
    client.force_login(course.trainer)
    before = state()
    response = act(
        client, course.cohort, course.enrollment, "move", target=str(target.pk)
    )
    assert response.status_code == 302
    assert messages.ERROR in message_levels(response)
    assert state() == before


def test_a_learner_cannot_move_to_a_cohort_the_trainer_does_not_run(
    client, course, other_trainer
):
    theirs = CohortFactory(course=course.page, trainers=[other_trainer])
    client.force_login(course.trainer)
    before = state()
    for target in [str(theirs.pk), "999999", "", "abc"]:
        response = act(client, course.cohort, course.enrollment, "move", target=target)
        assert response.status_code == 302
        assert messages.ERROR in message_levels(response), target
    assert state() == before


def test_an_enrolment_of_another_cohort_is_404(client, course, other_trainer):
    mine = CohortFactory(course=course.page, trainers=[course.trainer])
    theirs = CohortFactory(course=course.page, trainers=[other_trainer])
    foreign = EnrollmentFactory(cohort=theirs)
    client.force_login(course.trainer)
    before = state()
    # Another of my cohorts' enrolment, through the wrong cohort.
    assert act(client, mine, course.enrollment, "withdraw").status_code == 404
    # Someone else's learner, through my cohort.
    assert act(client, course.cohort, foreign, "withdraw").status_code == 404
    assert act(client, mine, foreign, "move", target=str(mine.pk)).status_code == 404
    assert state() == before


def test_an_unknown_or_impossible_action_changes_nothing(client, course):
    client.force_login(course.trainer)
    before = state()
    for action in ["delete", "", "APPROVE", "approve", "reinstate"]:
        response = act(client, course.cohort, course.enrollment, action)
        assert response.status_code == 302
        assert messages.ERROR in message_levels(response), action
    assert state() == before


# -- Query budgets -------------------------------------------------------------------


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_cohort_list_costs_the_same_for_1_or_30_cohorts(
    client, course, django_assert_max_num_queries
):
    unit = course.units[0]
    FieldReport.objects.create(
        enrollment=course.enrollment,
        unit=unit,
        assignment_id=assignment_of(unit).id,
        assignment_title="Une marche",
        body="Compte rendu.",
        status=FieldReport.Status.SUBMITTED,
    )
    client.force_login(course.trainer)
    client.get(url("cohorts"))  # warm the caches (site, locales)
    one = count_queries(client, url("cohorts"))
    for _ in range(29):
        cohort = CohortFactory(course=course.page, trainers=[course.trainer])
        EnrollmentFactory(cohort=cohort)
        EnrollmentFactory(cohort=cohort, status=Enrollment.Status.PENDING)
    thirty = count_queries(client, url("cohorts"))
    assert thirty == one
    with django_assert_max_num_queries(16):
        response = client.get(url("cohorts"))
    assert len(response.context["page"]) == 20
    with django_assert_max_num_queries(16):
        assert len(client.get(url("cohorts", page=2)).context["page"]) == 10


def test_the_cohort_page_costs_the_same_for_3_or_60_learners(
    client, course, django_assert_max_num_queries
):
    CohortFactory(course=course.page, trainers=[course.trainer])  # move targets
    for _ in range(2):
        EnrollmentFactory(cohort=course.cohort)
    client.force_login(course.trainer)
    path = url("cohort", course.cohort.pk)
    client.get(path)
    three = count_queries(client, path)
    for status in [Enrollment.Status.PENDING] * 20 + [Enrollment.Status.ACTIVE] * 37:
        EnrollmentFactory(cohort=course.cohort, status=status)
    sixty = count_queries(client, path)
    assert sixty == three
    with django_assert_max_num_queries(21):
        response = client.get(path)
    assert len(response.context["page"]) == 50


# -- Learner list: pages, filter and search -------------------------------------------


def test_the_learner_list_has_pages_a_status_filter_and_a_search(client, course):
    for n in range(59):
        EnrollmentFactory(
            cohort=course.cohort,
            learner=UserFactory(
                email=f"apprenant{n:02}@example.org",
                first_name=f"Prénom{n:02}",
                last_name=f"Nom{n:02}",
                role="Learner",
            ),
            status=Enrollment.Status.WITHDRAWN if n < 3 else Enrollment.Status.ACTIVE,
        )
    EnrollmentFactory(cohort=CohortFactory(course=course.page))  # not listed
    everyone = set(course.cohort.enrollments.values_list("pk", flat=True))
    assert len(everyone) == 60
    client.force_login(course.trainer)

    first = client.get(url("cohort", course.cohort.pk)).context["page"]
    second = client.get(url("cohort", course.cohort.pk, page=2)).context["page"]
    assert first.paginator.num_pages == 2
    assert len(first) == 50 and len(second) == 10
    assert {e.pk for e in first} | {e.pk for e in second} == everyone
    assert not {e.pk for e in first} & {e.pk for e in second}

    response = client.get(url("cohort", course.cohort.pk, status="withdrawn"))
    withdrawn = response.context["page"]
    assert {e.learner.email for e in withdrawn} == {
        f"apprenant{n:02}@example.org" for n in range(3)
    }
    assert response.context["counts"] == {"active": 57, "withdrawn": 3}

    by_name = client.get(url("cohort", course.cohort.pk, q="nom42")).context["page"]
    assert [e.learner.email for e in by_name] == ["apprenant42@example.org"]
    by_first = client.get(url("cohort", course.cohort.pk, q="Prénom07")).context["page"]
    assert [e.learner.email for e in by_first] == ["apprenant07@example.org"]
    by_email = client.get(url("cohort", course.cohort.pk, q=course.learner.email))
    assert [e.learner for e in by_email.context["page"]] == [course.learner]
    both = client.get(url("cohort", course.cohort.pk, q="apprenant0", status="active"))
    assert {e.learner.email for e in both.context["page"]} == {
        f"apprenant{n:02}@example.org" for n in range(3, 10)
    }
    nobody = client.get(url("cohort", course.cohort.pk, q="personne"))
    assert list(nobody.context["page"]) == []


def test_the_cohort_page_in_english_shows_the_join_link(client, course):
    client.force_login(course.trainer)
    with translation.override("en"):
        path = url("cohort", course.cohort.pk)
    assert path.startswith("/en/learning/")
    response = client.get(path)
    body = response.content.decode()
    assert course.cohort.join_code in body
    assert response.context["join_url"].endswith(
        f"/learning/join/{course.cohort.join_code}/"
    )


def test_a_trainer_adds_and_removes_a_co_trainer(client, course, other_trainer):
    client.force_login(course.trainer)
    target = url("cohort-trainers", course.cohort.pk)

    client.post(target, {"action": "add", "email": other_trainer.email.upper()})
    assert set(course.cohort.trainers.all()) == {course.trainer, other_trainer}

    # A learner, or an unknown address, cannot be made a trainer.
    for email in [course.learner.email, "personne@example.org", "pas-une-adresse"]:
        response = client.post(target, {"action": "add", "email": email})
        assert response.status_code == 302
        assert messages.ERROR in message_levels(response)
    assert course.cohort.trainers.count() == 2

    client.post(target, {"action": "remove", "trainer": other_trainer.pk})
    assert list(course.cohort.trainers.all()) == [course.trainer]
    # The last trainer stays.
    response = client.post(target, {"action": "remove", "trainer": course.trainer.pk})
    assert messages.ERROR in message_levels(response)
    assert list(course.cohort.trainers.all()) == [course.trainer]


def test_only_the_cohorts_trainers_change_its_trainers(client, course, other_trainer):
    client.force_login(other_trainer)
    target = url("cohort-trainers", course.cohort.pk)
    response = client.post(target, {"action": "add", "email": other_trainer.email})
    assert response.status_code == 403
    response = client.post(target, {"action": "remove", "trainer": course.trainer.pk})
    assert response.status_code == 403
    assert list(course.cohort.trainers.all()) == [course.trainer]


def test_an_invitation_can_be_sent_again_until_the_account_is_opened(
    client, course, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(course.trainer)
    with django_capture_on_commit_callbacks(execute=True):
        add(client, course.cohort, "tardive@example.org")
    enrollment = Enrollment.objects.get(learner__email="tardive@example.org")
    target = url("enrollment-action", course.cohort.pk, enrollment.pk)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(target, {"action": "resend"})
    assert [m.to for m in mailoutbox] == [["tardive@example.org"]] * 2
    assert "/accounts/password/reset/key/" in mailoutbox[1].body

    # Once the person chose a password, there is nothing to send again.
    learner = enrollment.learner
    learner.set_password("un-mot-de-passe-solide")
    learner.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(target, {"action": "resend"})
    assert messages.ERROR in message_levels(response)
    assert len(mailoutbox) == 2


def test_the_same_cohort_form_posted_twice_opens_one_cohort(client, course):
    client.force_login(course.trainer)
    form = client.get(url("cohort-create")).context["form"]
    key = form.initial["form_key"]
    data = {
        **cohort_data(course.page, course.cohort.partner, name="Lyon"),
        "form_key": str(key),
    }
    first = client.post(url("cohort-create"), data)
    second = client.post(url("cohort-create"), data)
    assert Cohort.objects.filter(name="Lyon").count() == 1
    assert first["Location"] == second["Location"]


def test_a_learner_follows_a_course_in_one_cohort_at_a_time(
    client, course, django_capture_on_commit_callbacks
):
    other = CohortFactory(course=course.page, trainers=[course.trainer], name="B")
    client.force_login(course.trainer)
    response = add(client, other, course.learner.email)
    assert messages.ERROR in message_levels(response)
    assert not Enrollment.objects.filter(cohort=other).exists()

    # Joining with the other cohort's code is refused the same way.
    client.force_login(course.learner)
    response = client.post(reverse("lms:join", kwargs={"code": other.join_code}))
    assert messages.ERROR in message_levels(response)
    assert not Enrollment.objects.filter(cohort=other).exists()

    # Once withdrawn from the first cohort, the learner may be added.
    course.enrollment.status = Enrollment.Status.WITHDRAWN
    course.enrollment.save()
    client.force_login(course.trainer)
    add(client, other, course.learner.email)
    assert Enrollment.objects.get(cohort=other).status == Enrollment.Status.ACTIVE
