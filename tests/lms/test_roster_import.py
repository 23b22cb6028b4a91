"""Importing learners from a CSV file: upload, preview, confirm.

Nothing is written before the trainer confirms the preview; the confirmed
rows travel signed, for one cohort only; importing the same file twice adds
nobody twice and e-mails nobody twice.
"""

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
from lms.models import Enrollment
from lms.views import roster_import
from tests.factories import CohortFactory, EnrollmentFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
SET_PASSWORD_PATH = "/accounts/password/reset/key/"

ROSTER = (
    "email,first name,last name,language\n"
    "ana.silva@example.org,Ana,Silva,pt\n"  # line 2
    "not-an-address,Bob,Martin,\n"  # line 3: invalid e-mail
    "ANA.SILVA@example.org,Ana,Silva,\n"  # line 4: duplicate of line 2
    ",Carla,Dupont,fr\n"  # line 5: missing e-mail
    "bruno.costa@example.org,Bruno,,\n"  # line 6: missing last name
    "chloe.martin@example.org,Chloé,Martin,klingon\n"  # line 7: bad language
    "\n"
    "david.roux@example.org,David,Roux,fr\n"  # line 9
)


def import_url(cohort):
    return reverse("lms:roster-import", args=[cohort.pk])


def confirm_url(cohort):
    return reverse("lms:roster-confirm", args=[cohort.pk])


def upload(client, cohort, content, name="apprenants.csv"):
    if isinstance(content, str):
        content = content.encode("utf-8")
    return client.post(
        import_url(cohort),
        {"file": SimpleUploadedFile(name, content, content_type="text/csv")},
    )


def confirm(client, cohort, payload):
    return client.post(confirm_url(cohort), {"payload": payload})


def written():
    """Everything an import may write."""
    return {
        "users": sorted(User.objects.values_list("pk", "email")),
        "addresses": EmailAddress.objects.count(),
        "enrollments": sorted(
            Enrollment.objects.values_list("pk", "cohort_id", "learner_id", "status")
        ),
    }


def outcomes(response):
    return {item["row"].email: item["outcome"] for item in response.context["rows"]}


def message_levels(response):
    return [message.level for message in get_messages(response.wsgi_request)]


@pytest.fixture
def trainer_client(client, course):
    client.force_login(course.trainer)
    return client


# -- Preview: nothing written -----------------------------------------------------


def test_the_preview_lists_rows_and_errors_and_writes_nothing(
    trainer_client, course, mailoutbox
):
    before = written()
    response = upload(trainer_client, course.cohort, ROSTER)
    assert response.status_code == 200
    assert "lms/cohorts/import_preview.html" in [t.name for t in response.templates]
    rows = [
        (item["row"].line, item["row"].email, item["row"].language, item["outcome"])
        for item in response.context["rows"]
    ]
    assert rows == [
        (2, "ana.silva@example.org", "pt", "invite"),
        (9, "david.roux@example.org", "fr", "invite"),
    ]
    errors = [(e["error"].line, e["error"].code) for e in response.context["errors"]]
    assert errors == [
        (3, "invalid_email"),
        (4, "duplicate"),
        (5, "missing_email"),
        (6, "missing_name"),
        (7, "invalid_language"),
    ]
    assert all(str(e["message"]) for e in response.context["errors"])
    assert response.context["counts"] == {"invite": 2, "enrol": 0, "already": 0}
    body = response.content.decode()
    for shown in ["ana.silva@example.org", "david.roux@example.org", "not-an-address"]:
        assert shown in body
    assert f'value="{response.context["payload"]}"' in body
    assert written() == before
    assert mailoutbox == []


def test_the_preview_in_english_names_each_bad_line(trainer_client, course):
    with translation.override("en"):
        path = import_url(course.cohort)
    assert path.startswith("/en/learning/")
    response = trainer_client.post(
        path, {"file": SimpleUploadedFile("r.csv", ROSTER.encode(), "text/csv")}
    )
    body = response.content.decode()
    assert "Line 3: this is not a valid e-mail address" in body
    assert "Line 4: this address already appears earlier in the file" in body
    assert "Line 5: the e-mail address is missing" in body


def test_the_preview_tells_who_is_invited_enrolled_or_already_there(
    trainer_client, course
):
    withdrawn = EnrollmentFactory(
        cohort=course.cohort, status=Enrollment.Status.WITHDRAWN
    ).learner
    elsewhere = EnrollmentFactory(cohort=CohortFactory(course=course.page)).learner
    content = "email,first name,last name\n" + "".join(
        f"{email},Prénom,Nom\n"
        for email in [
            course.learner.email,
            course.outsider.email,
            withdrawn.email,
            elsewhere.email,
            "nouvelle@example.org",
        ]
    )
    response = upload(trainer_client, course.cohort, content)
    assert outcomes(response) == {
        course.learner.email: "already",
        course.outsider.email: "enrol",
        withdrawn.email: "enrol",
        elsewhere.email: "enrol",
        "nouvelle@example.org": "invite",
    }
    assert response.context["counts"] == {"invite": 1, "enrol": 3, "already": 1}


def test_the_preview_finds_accounts_stored_with_capitals(trainer_client, course):
    """The import enrols "Marie.Curie@Example.org" for "marie.curie@example.org"
    (accounts are looked up whatever the case); the preview must say so."""
    enrolled = UserFactory(email="Marie.Curie@Example.org", role=LEARNER)
    EnrollmentFactory(cohort=course.cohort, learner=enrolled)
    known = UserFactory(email="Paul.Eluard@Example.org", role=LEARNER)
    content = (
        "email,first name,last name\n"
        "marie.curie@example.org,Marie,Curie\n"
        "paul.eluard@example.org,Paul,Éluard\n"
    )
    response = upload(trainer_client, course.cohort, content)
    assert outcomes(response) == {
        "marie.curie@example.org": "already",
        "paul.eluard@example.org": "enrol",
    }
    users_before = User.objects.count()
    confirm(trainer_client, course.cohort, response.context["payload"])
    assert User.objects.count() == users_before
    assert Enrollment.objects.filter(cohort=course.cohort, learner=known).exists()


def test_the_preview_says_what_the_import_does_to_a_pending_learner(
    trainer_client, course, mailoutbox, django_capture_on_commit_callbacks
):
    """A learner waiting for approval is shown "already in the cohort": the
    import must then leave them as they are (or not show them so)."""
    pending = EnrollmentFactory(cohort=course.cohort, status=Enrollment.Status.PENDING)
    content = f"email,first name,last name\n{pending.learner.email},Léa,Roux\n"
    response = upload(trainer_client, course.cohort, content)
    shown_as_already = outcomes(response)[pending.learner.email] == "already"
    with django_capture_on_commit_callbacks(execute=True):
        confirm(trainer_client, course.cohort, response.context["payload"])
    pending.refresh_from_db()
    left_alone = pending.status == Enrollment.Status.PENDING and mailoutbox == []
    assert shown_as_already == left_alone, (pending.status, len(mailoutbox))


# -- Encodings and layouts ----------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: text.encode("utf-8-sig"), id="utf-8-bom"),
        pytest.param(lambda text: text.encode("utf-8"), id="utf-8"),
        pytest.param(lambda text: text.encode("cp1252"), id="cp1252"),
        pytest.param(lambda text: text.encode("latin-1"), id="latin-1"),
        pytest.param(
            lambda text: text.replace("\n", "\r\n").encode("cp1252"), id="cp1252-crlf"
        ),
    ],
)
def test_accented_names_survive_every_encoding(trainer_client, course, encode):
    text = (
        "email,first name,last name\n"
        "helene.dupre@example.org,Hélène,Dupré\n"
        "francois.lefevre@example.org,François,Lefèvre\n"
    )
    response = upload(trainer_client, course.cohort, encode(text))
    assert response.status_code == 200
    assert [
        (item["row"].first_name, item["row"].last_name)
        for item in response.context["rows"]
    ] == [("Hélène", "Dupré"), ("François", "Lefèvre")]
    confirm(trainer_client, course.cohort, response.context["payload"])
    helene = User.objects.get(email="helene.dupre@example.org")
    assert (helene.first_name, helene.last_name) == ("Hélène", "Dupré")
    francois = User.objects.get(email="francois.lefevre@example.org")
    assert (francois.first_name, francois.last_name) == ("François", "Lefèvre")


def test_french_excel_semicolons_and_headers(
    trainer_client, course, mailoutbox, django_capture_on_commit_callbacks
):
    content = (
        "Prénom;Nom;Courriel;Langue\n"
        "Hélène;Dupré;Helene.Dupre@Example.org;en\n"
        "Zoé;Garnier;zoe.garnier@example.org;français\n"
    ).encode("cp1252")
    response = upload(trainer_client, course.cohort, content)
    assert response.status_code == 200
    assert response.context["errors"] == []
    assert [
        (r["row"].email, r["row"].first_name, r["row"].last_name, r["row"].language)
        for r in response.context["rows"]
    ] == [
        ("helene.dupre@example.org", "Hélène", "Dupré", "en"),
        ("zoe.garnier@example.org", "Zoé", "Garnier", "fr"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        confirm(trainer_client, course.cohort, response.context["payload"])
    helene = User.objects.get(email="helene.dupre@example.org")
    assert (helene.first_name, helene.last_name) == ("Hélène", "Dupré")
    # Each invitation is written in the row's language (English is the source).
    by_recipient = {m.to[0]: m for m in mailoutbox}
    assert set(by_recipient) == {
        "helene.dupre@example.org",
        "zoe.garnier@example.org",
    }
    assert "Choose your password to open your account" in (
        by_recipient["helene.dupre@example.org"].body
    )


# -- Files that cannot be imported -------------------------------------------------


def file_error(response):
    assert response.status_code == 200
    assert "lms/cohorts/import.html" in [t.name for t in response.templates]
    assert "payload" not in response.context
    errors = response.context["form"].errors.get("file")
    assert errors, response.context["form"].errors
    return " ".join(errors)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\n\r\n  \n", id="blank-lines"),
        pytest.param(b";;;\n,,,\n", id="only-delimiters"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", id="xlsx"),
        pytest.param("email,first name\n".encode("utf-16"), id="utf-16"),
        pytest.param(b"\x00\x01\x02\x03binary\x00", id="binary"),
        pytest.param(b"prenom,nom\nAna,Silva\n", id="no-email-column"),
        pytest.param(b"email,first name\nana@example.org,Ana\n", id="no-last-name"),
        pytest.param(
            b'email,first name,last name\n"ana@example.org,Ana,S\n', id="quote"
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_on_the_form(
    trainer_client, course, content, mailoutbox
):
    before = written()
    response = upload(trainer_client, course.cohort, content)
    assert file_error(response)
    assert written() == before
    assert mailoutbox == []


def test_missing_columns_are_named(trainer_client, course):
    with translation.override("en"):
        path = import_url(course.cohort)
    response = trainer_client.post(
        path,
        {
            "file": SimpleUploadedFile(
                "r.csv", b"courriel,prenom\nana@example.org,Ana\n", "text/csv"
            )
        },
    )
    message = file_error(response)
    assert "last name" in message
    assert "e-mail" not in message


def test_a_file_over_2_mb_is_refused(trainer_client, course):
    header = b"email,first name,last name\n"
    row = b"someone@example.org,Some,One\n"
    content = header + row * (2 * 1024 * 1024 // len(row) + 1)
    assert len(content) > 2 * 1024 * 1024
    before = written()
    with translation.override("en"):
        path = import_url(course.cohort)
    response = trainer_client.post(
        path, {"file": SimpleUploadedFile("big.csv", content, "text/csv")}
    )
    assert "2 MB" in file_error(response)
    assert written() == before


def test_a_file_of_exactly_2_mb_is_read(trainer_client, course):
    header = b"email,first name,last name\nsomeone@example.org,Some,One\n"
    content = header + b" " * (2 * 1024 * 1024 - len(header))
    response = upload(trainer_client, course.cohort, content)
    assert response.status_code == 200
    assert [item["row"].email for item in response.context["rows"]] == [
        "someone@example.org"
    ]


# -- Confirm ---------------------------------------------------------------------------


def test_confirming_enrols_and_invites_new_accounts_only(
    trainer_client, course, mailoutbox, django_capture_on_commit_callbacks
):
    content = (
        "email,first name,last name\n"
        f"{course.learner.email},Déjà,Là\n"
        f"{course.outsider.email},Connu,Ailleurs\n"
        "nouvelle.personne@example.org,Élise,Nouvelle\n"
        "pas-une-adresse,X,Y\n"
    )
    preview = upload(trainer_client, course.cohort, content)
    users_before = User.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = confirm(trainer_client, course.cohort, preview.context["payload"])
    assert response.status_code == 302
    assert response["Location"] == reverse("lms:cohort", args=[course.cohort.pk])
    assert messages.SUCCESS in message_levels(response)

    assert User.objects.count() == users_before + 1
    new = User.objects.get(email="nouvelle.personne@example.org")
    assert (new.first_name, new.last_name) == ("Élise", "Nouvelle")
    assert not new.has_usable_password()
    assert list(new.groups.values_list("name", flat=True)) == [LEARNER]
    assert EmailAddress.objects.get(user=new).verified
    assert not User.objects.filter(email="pas-une-adresse").exists()

    enrolments = {
        e.learner.email: e for e in Enrollment.objects.filter(cohort=course.cohort)
    }
    assert set(enrolments) == {
        course.learner.email,
        course.outsider.email,
        "nouvelle.personne@example.org",
    }
    assert enrolments[course.learner.email].source == Enrollment.Source.ADDED
    for email in (course.outsider.email, "nouvelle.personne@example.org"):
        assert enrolments[email].source == Enrollment.Source.IMPORTED
        assert enrolments[email].status == Enrollment.Status.ACTIVE
    # An existing account is not renamed by somebody's spreadsheet.
    course.outsider.refresh_from_db()
    assert course.outsider.first_name != "Connu"

    by_recipient = {m.to[0]: m.body for m in mailoutbox}
    assert len(mailoutbox) == 2
    assert set(by_recipient) == {course.outsider.email, "nouvelle.personne@example.org"}
    assert SET_PASSWORD_PATH in by_recipient["nouvelle.personne@example.org"]
    assert SET_PASSWORD_PATH not in by_recipient[course.outsider.email]


def test_importing_the_same_file_twice_adds_nobody_twice(
    trainer_client, course, mailoutbox, django_capture_on_commit_callbacks
):
    content = (
        "email,first name,last name\n"
        "ana.silva@example.org,Ana,Silva\n"
        f"{course.outsider.email},Connu,Ailleurs\n"
    )
    first = upload(trainer_client, course.cohort, content)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(trainer_client, course.cohort, first.context["payload"])
    after_first = written()
    sent = len(mailoutbox)
    assert sent == 2

    second = upload(trainer_client, course.cohort, content)
    assert set(outcomes(second).values()) == {"already"}
    assert second.context["counts"] == {"invite": 0, "enrol": 0, "already": 2}
    with django_capture_on_commit_callbacks(execute=True):
        confirm(trainer_client, course.cohort, second.context["payload"])
    # The same preview confirmed twice (a double click) adds nobody either.
    with django_capture_on_commit_callbacks(execute=True):
        confirm(trainer_client, course.cohort, first.context["payload"])
    assert written() == after_first
    assert len(mailoutbox) == sent


def test_a_withdrawn_learner_in_the_file_is_enrolled_again(
    trainer_client, course, django_capture_on_commit_callbacks
):
    course.enrollment.status = Enrollment.Status.WITHDRAWN
    course.enrollment.save()
    content = f"email,first name,last name\n{course.learner.email},A,B\n"
    preview = upload(trainer_client, course.cohort, content)
    assert outcomes(preview) == {course.learner.email: "enrol"}
    with django_capture_on_commit_callbacks(execute=True):
        confirm(trainer_client, course.cohort, preview.context["payload"])
    assert Enrollment.objects.filter(learner=course.learner).count() == 1
    course.enrollment.refresh_from_db()
    assert course.enrollment.status == Enrollment.Status.ACTIVE


# -- Signed payload ------------------------------------------------------------------


def test_a_tampered_preview_is_refused(trainer_client, course, mailoutbox):
    preview = upload(
        trainer_client, course.cohort, "email,first name,last name\na@example.org,A,B\n"
    )
    payload = preview.context["payload"]
    before = written()
    middle = len(payload) // 2
    for forged in [
        payload[:middle]
        + ("A" if payload[middle] != "A" else "B")
        + payload[middle + 1 :],
        payload[:-1] + ("A" if payload[-1] != "A" else "B"),
        payload + "x",
        "",
        signing.dumps(
            {"cohort": course.cohort.pk, "rows": [["b@example.org", "B", "B", ""]]},
            salt="another.salt",
            compress=True,
        ),
    ]:
        response = confirm(trainer_client, course.cohort, forged)
        assert response.status_code == 302
        assert response["Location"] == import_url(course.cohort)
        assert messages.ERROR in message_levels(response)
    assert written() == before
    assert mailoutbox == []


def test_an_expired_preview_is_refused(trainer_client, course, monkeypatch):
    preview = upload(
        trainer_client, course.cohort, "email,first name,last name\na@example.org,A,B\n"
    )
    monkeypatch.setattr(roster_import, "PREVIEW_LIFETIME", -1)
    before = written()
    response = confirm(trainer_client, course.cohort, preview.context["payload"])
    assert response["Location"] == import_url(course.cohort)
    assert messages.ERROR in message_levels(response)
    assert written() == before


def test_a_preview_made_for_another_cohort_is_refused(
    trainer_client, course, mailoutbox
):
    other = CohortFactory(course=course.page, trainers=[course.trainer])
    preview = upload(
        trainer_client, course.cohort, "email,first name,last name\na@example.org,A,B\n"
    )
    before = written()
    response = confirm(trainer_client, other, preview.context["payload"])
    assert response.status_code == 302
    assert response["Location"] == import_url(other)
    assert messages.ERROR in message_levels(response)
    assert written() == before
    assert mailoutbox == []


def test_a_trainer_who_does_not_run_the_cohort_cannot_import(client, course):
    preview_client = client
    preview_client.force_login(course.trainer)
    preview = upload(
        preview_client,
        course.cohort,
        "email,first name,last name\na@example.org,A,B\n",
    )
    payload = preview.context["payload"]
    intruder = UserFactory(role="Trainer")
    client.force_login(intruder)
    before = written()
    assert client.get(import_url(course.cohort)).status_code == 403
    response = upload(
        client, course.cohort, "email,first name,last name\nb@example.org,B,B\n"
    )
    assert response.status_code == 403
    assert confirm(client, course.cohort, payload).status_code == 403
    assert written() == before


def test_a_learner_cannot_import(client, course):
    client.force_login(course.learner)
    before = written()
    response = upload(
        client, course.cohort, "email,first name,last name\nb@example.org,B,B\n"
    )
    assert response.status_code == 403
    assert written() == before


# -- Query budget ------------------------------------------------------------------


def roster(count):
    return "email,first name,last name,language\n" + "".join(
        f"personne{n}@example.org,Prénom{n},Nom{n},fr\n" for n in range(count)
    )


def test_the_preview_costs_the_same_for_10_or_200_rows(
    trainer_client, course, django_assert_max_num_queries
):
    # Some rows are known accounts, some already enrolled, the rest new.
    for n in range(0, 200, 20):
        person = UserFactory(email=f"personne{n}@example.org", role=LEARNER)
        if n % 40 == 0:
            EnrollmentFactory(cohort=course.cohort, learner=person)
    upload(trainer_client, course.cohort, roster(3))  # warm the caches
    counts = {}
    for size in (10, 200):
        with CaptureQueriesContext(connection) as queries:
            response = upload(trainer_client, course.cohort, roster(size))
        assert response.status_code == 200
        assert len(response.context["rows"]) == size
        counts[size] = len(queries)
    assert counts[200] == counts[10]
    with django_assert_max_num_queries(18):
        upload(trainer_client, course.cohort, roster(200))
