"""Statement comparison for idempotent resends (xAPI 2.0, 2.3.1)."""

import copy

from lms.xapi.comparison import same_statement
from lms.xapi.validation import validate_statement

UNIT = (
    "https://chainon.example/xapi/activities/unit/5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f"
)


def statement(**changes):
    base = {
        "id": "5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f",
        "actor": {"mbox": "mailto:lucas@chainon.example"},
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/completed",
            "display": {"fr": "a terminé"},
        },
        "object": {"id": UNIT, "definition": {"name": {"fr": "Pourquoi ?"}}},
        "result": {"duration": "PT1H"},
        "timestamp": "2026-11-30T06:00:00.100+01:00",
    }
    base.update(copy.deepcopy(changes))
    return validate_statement(base)


def test_a_resend_with_what_the_lrs_assigns_is_the_same_statement():
    stored = statement(
        stored="2026-11-30T05:00:01Z",
        authority={"mbox": "mailto:lrs@chainon.example"},
        version="2.0.0",
    )
    assert same_statement(stored, statement())


def test_display_texts_definitions_member_order_and_mail_domain_case_are_ignored():
    first = statement(
        actor={
            "objectType": "Group",
            "member": [{"mbox": "mailto:a@x.org"}, {"mbox": "mailto:b@X.ORG"}],
        }
    )
    second = statement(
        actor={
            "objectType": "Group",
            "member": [{"mbox": "mailto:b@x.org"}, {"mbox": "mailto:a@x.org"}],
        },
        verb={"id": "http://adlnet.gov/expapi/verbs/completed", "display": {"en": "x"}},
        object={"id": UNIT},
    )
    assert same_statement(first, second)


def test_timestamps_compare_as_instants():
    assert same_statement(statement(), statement(timestamp="2026-11-30T05:00:00.1Z"))
    sent_without = statement()
    del sent_without["timestamp"]  # the LRS assigned the first one's
    assert same_statement(statement(), sent_without)
    assert not same_statement(statement(), statement(timestamp="2026-11-30T05:00:01Z"))


def test_any_other_difference_makes_another_statement():
    assert not same_statement(statement(), statement(result={"duration": "PT60M"}))
    assert not same_statement(
        statement(), statement(actor={"mbox": "mailto:Lucas@chainon.example"})
    )
    assert not same_statement(statement(), statement(object={"id": UNIT + "x"}))
    assert not same_statement(
        statement(),
        statement(context={"registration": "5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e60"}),
    )
