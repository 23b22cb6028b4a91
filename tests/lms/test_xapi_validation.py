"""The xAPI 2.0 statement rules (lms/xapi/validation.py), section by section."""

import copy

import pytest

from lms.xapi.validation import (
    StatementError,
    timestamp_to_utc,
    validate_statement,
    validate_statements,
)

UNIT = (
    "https://chainon.example/xapi/activities/unit/5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f"
)
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"


def statement(**changes):
    base = {
        "actor": {"objectType": "Agent", "mbox": "mailto:lucas@chainon.example"},
        "verb": {"id": COMPLETED, "display": {"fr-FR": "a terminé"}},
        "object": {"id": UNIT, "definition": {"name": {"fr": "Pourquoi aller vers ?"}}},
    }
    base.update(copy.deepcopy(changes))
    return base


def refused(value, path):
    with pytest.raises(StatementError) as error:
        validate_statement(value)
    assert error.value.path == path, str(error.value)


# -- 2.4 Statement properties ------------------------------------------------------


def test_a_minimal_statement_is_accepted_as_sent():
    checked = validate_statement(statement())
    assert checked == statement()


def test_unknown_properties_are_refused_everywhere():
    refused(statement(colour="blue"), "colour")
    refused(statement(verb={"id": COMPLETED, "name": "x"}), "verb.name")
    refused(
        statement(result={"score": {"scaled": 1, "percent": 100}}),
        "result.score.percent",
    )


@pytest.mark.parametrize("missing", ["actor", "verb", "object"])
def test_actor_verb_and_object_are_required(missing):
    value = statement()
    del value[missing]
    refused(value, missing)


def test_null_values_are_refused_except_inside_extensions():
    refused(statement(result={"success": None}), "result.success")
    extensions = {"https://chainon.example/ext/note": None}
    assert validate_statement(statement(result={"extensions": extensions}))


def test_ids_are_uuids_and_come_back_lower_case():
    checked = validate_statement(statement(id="5F0C8A1E-7A3B-4C2D-9E8F-1A2B3C4D5E6F"))
    assert checked["id"] == "5f0c8a1e-7a3b-4c2d-9e8f-1a2b3c4d5e6f"
    refused(statement(id="not-a-uuid"), "id")
    refused(statement(id="5f0c8a1e7a3b4c2d9e8f1a2b3c4d5e6f"), "id")


@pytest.mark.parametrize("version", ["1.0.0", "1.0.3", "2.0.0", "2.0"])
def test_versions_1_0_and_2_0_are_accepted(version):
    assert validate_statement(statement(version=version))["version"] == version


@pytest.mark.parametrize("version", ["0.95", "3.0.0", "2.0.0-beta", "1"])
def test_other_versions_are_refused(version):
    refused(statement(version=version), "version")


# -- Actors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "actor",
    [
        {"mbox": "mailto:lucas@chainon.example"},
        {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"},
        {"openid": "http://openid.example.org/12345"},
        {"account": {"homePage": "https://chainon.example", "name": "42"}},
    ],
)
def test_an_agent_is_identified_by_exactly_one_ifi(actor):
    assert validate_statement(statement(actor=actor))["actor"] == actor


@pytest.mark.parametrize(
    ("actor", "path"),
    [
        ({"name": "Lucas"}, "actor"),
        ({"mbox": "mailto:a@b.org", "openid": "http://x.org/1"}, "actor"),
        ({"mbox": "lucas@chainon.example"}, "actor.mbox"),
        ({"mbox_sha1sum": "xyz"}, "actor.mbox_sha1sum"),
        ({"openid": "not an iri"}, "actor.openid"),
        ({"account": {"name": "42"}}, "actor.account"),
        ({"account": {"homePage": "chainon", "name": "42"}}, "actor.account.homePage"),
        ({"objectType": "Person", "mbox": "mailto:a@b.org"}, "actor.objectType"),
    ],
)
def test_malformed_agents_are_refused(actor, path):
    refused(statement(actor=actor), path)


def test_groups_anonymous_need_members_and_hold_agents_only():
    members = [{"mbox": "mailto:a@b.org"}, {"mbox": "mailto:c@d.org"}]
    anonymous = {"objectType": "Group", "member": members}
    assert validate_statement(statement(actor=anonymous))["actor"] == anonymous
    identified = {
        "objectType": "Group",
        "account": {"homePage": "https://x.org", "name": "g"},
    }
    assert validate_statement(statement(actor=identified))
    refused(statement(actor={"objectType": "Group"}), "actor.member")
    nested = {"objectType": "Group", "member": [anonymous]}
    refused(statement(actor=nested), "actor.member.0.objectType")


# -- Verbs and objects -----------------------------------------------------------


def test_verbs_need_an_iri_and_a_valid_language_map():
    refused(statement(verb={"display": {"fr": "x"}}), "verb.id")
    refused(statement(verb={"id": "completed"}), "verb.id")
    refused(
        statement(verb={"id": COMPLETED, "display": {"not a tag": "x"}}),
        "verb.display.not a tag",
    )
    refused(statement(verb={"id": COMPLETED, "display": {"fr": 3}}), "verb.display.fr")


def test_activities_need_an_iri_and_a_well_formed_definition():
    refused(statement(object={"definition": {}}), "object.id")
    refused(statement(object={"id": "unit 1"}), "object.id")
    refused(
        statement(object={"id": UNIT, "definition": {"type": "quiz"}}),
        "object.definition.type",
    )
    refused(
        statement(object={"id": UNIT, "definition": {"moreInfo": "ftp://x.org/a"}}),
        "object.definition.moreInfo",
    )
    refused(
        statement(object={"id": UNIT, "definition": {"extensions": {"color": 1}}}),
        "object.definition.extensions.color",
    )


def test_interaction_definitions_follow_their_type():
    choice = {
        "interactionType": "choice",
        "correctResponsesPattern": ["marche"],
        "choices": [{"id": "marche", "description": {"fr": "Le marché"}}],
    }
    assert validate_statement(statement(object={"id": UNIT, "definition": choice}))
    refused(
        statement(
            object={"id": UNIT, "definition": {"correctResponsesPattern": ["a"]}}
        ),
        "object.definition.interactionType",
    )
    refused(
        statement(
            object={"id": UNIT, "definition": {**choice, "interactionType": "quiz"}}
        ),
        "object.definition.interactionType",
    )
    refused(
        statement(
            object={"id": UNIT, "definition": {**choice, "interactionType": "likert"}}
        ),
        "object.definition.choices",
    )
    twice = {**choice, "choices": [{"id": "a"}, {"id": "a"}]}
    refused(
        statement(object={"id": UNIT, "definition": twice}),
        "object.definition.choices.1.id",
    )


def test_agents_as_objects_name_their_type_and_statement_refs_hold_a_uuid():
    agent = {"objectType": "Agent", "mbox": "mailto:a@b.org"}
    assert validate_statement(statement(object=agent))["object"] == agent
    refused(statement(object={"objectType": "StatementRef", "id": "x"}), "object.id")
    refused(statement(object={"objectType": "Thing", "id": UNIT}), "object.objectType")


def test_substatements_have_no_id_stored_version_or_authority_and_do_not_nest():
    inner = {
        "objectType": "SubStatement",
        "actor": {"mbox": "mailto:a@b.org"},
        "verb": {"id": COMPLETED},
        "object": {"id": UNIT},
    }
    assert validate_statement(statement(object=inner))
    for forbidden in ("id", "stored", "version", "authority"):
        refused(statement(object={**inner, forbidden: "x"}), f"object.{forbidden}")
    refused(statement(object={**inner, "object": inner}), "object.object")


# -- Result ------------------------------------------------------------------------


def test_scores_stay_in_range():
    assert validate_statement(
        statement(result={"score": {"scaled": -1, "raw": 0, "min": 0, "max": 5}})
    )
    refused(statement(result={"score": {"scaled": 1.5}}), "result.score.scaled")
    refused(
        statement(result={"score": {"raw": 6, "min": 0, "max": 5}}), "result.score.raw"
    )
    refused(statement(result={"score": {"min": 5, "max": 5}}), "result.score.max")
    refused(statement(result={"score": {"raw": "5"}}), "result.score.raw")
    refused(statement(result={"success": "yes"}), "result.success")


@pytest.mark.parametrize(
    "duration", ["PT1H30M", "P1D", "PT0.5S", "P3Y6M4DT12H30M5S", "P2W"]
)
def test_iso_8601_durations_are_accepted(duration):
    assert validate_statement(statement(result={"duration": duration}))


@pytest.mark.parametrize("duration", ["1h30", "PT", "P", "PT1.5", "P1.5D", "T1H"])
def test_malformed_durations_are_refused(duration):
    refused(statement(result={"duration": duration}), "result.duration")


# -- Context -----------------------------------------------------------------------


def test_context_activities_become_lists():
    context = {
        "contextActivities": {"parent": {"id": UNIT}, "grouping": [{"id": UNIT}]}
    }
    checked = validate_statement(statement(context=context))
    assert checked["context"]["contextActivities"] == {
        "parent": [{"id": UNIT}],
        "grouping": [{"id": UNIT}],
    }
    refused(
        statement(context={"contextActivities": {"sibling": [{"id": UNIT}]}}),
        "context.contextActivities.sibling",
    )


def test_revision_and_platform_only_for_activities_and_team_is_a_group():
    agent_object = {"objectType": "Agent", "mbox": "mailto:a@b.org"}
    refused(
        statement(object=agent_object, context={"revision": "2"}), "context.revision"
    )
    refused(
        statement(object=agent_object, context={"platform": "H5P"}), "context.platform"
    )
    assert validate_statement(
        statement(context={"platform": "Chaînon", "language": "pt-PT"})
    )
    refused(
        statement(context={"team": {"mbox": "mailto:a@b.org"}}),
        "context.team.objectType",
    )
    refused(statement(context={"registration": "x"}), "context.registration")
    refused(statement(context={"language": "français"}), "context.language")


def test_context_agents_and_groups_of_xapi_2():
    context = {
        "contextAgents": [
            {
                "objectType": "contextAgent",
                "agent": {"mbox": "mailto:formatrice@chainon.example"},
                "relevantTypes": ["https://chainon.example/roles/trainer"],
            }
        ]
    }
    assert validate_statement(statement(context=context))
    wrong = {
        "contextAgents": [{"objectType": "agent", "agent": {"mbox": "mailto:a@b.org"}}]
    }
    refused(statement(context=wrong), "context.contextAgents.0.objectType")


# -- Timestamps and attachments -----------------------------------------------------


def test_timestamps_are_normalised_to_utc_keeping_their_precision():
    checked = validate_statement(statement(timestamp="2026-11-30T06:15:00.123+01:00"))
    assert checked["timestamp"] == "2026-11-30T05:15:00.123Z"
    assert timestamp_to_utc("2026-11-30T05:15:00Z") == "2026-11-30T05:15:00Z"


@pytest.mark.parametrize(
    "moment",
    [
        "2026-11-30",
        "2026-11-30T06:15:00",
        "2026-02-30T06:15:00Z",
        "yesterday",
        "2026-11-30T06:15:00-00:00",
    ],
)
def test_timestamps_without_a_time_zone_or_impossible_are_refused(moment):
    refused(statement(timestamp=moment), "timestamp")


def test_attachments_declare_usage_type_content_type_length_and_hash():
    attachment = {
        "usageType": "http://adlnet.gov/expapi/attachments/signature",
        "display": {"en": "Signature"},
        "contentType": "application/octet-stream",
        "length": 4235,
        "sha2": "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634",
    }
    assert validate_statement(statement(attachments=[attachment]))
    for key in ("usageType", "display", "contentType", "length", "sha2"):
        partial = {k: v for k, v in attachment.items() if k != key}
        refused(statement(attachments=[partial]), f"attachments.0.{key}")
    refused(
        statement(attachments=[{**attachment, "length": -1}]), "attachments.0.length"
    )
    refused(
        statement(attachments=[{**attachment, "sha2": "abc"}]), "attachments.0.sha2"
    )


# -- Batches -----------------------------------------------------------------------


def test_a_batch_is_refused_whole_and_names_the_bad_statement():
    good, bad = statement(), statement(verb={"id": "nope"})
    assert len(validate_statements([good, good])) == 2
    with pytest.raises(StatementError) as error:
        validate_statements([good, bad])
    assert error.value.path == "[1].verb.id"
    assert len(validate_statements(good)) == 1
