"""The LRS's HTTP surface: ``/xapi/about`` and ``/xapi/statements``.

Plain Django views rather than DRF: the xAPI protocol fixes status codes,
headers and body shapes precisely (400 never 422, 204 on PUT, the version
headers), and a thin view says so most directly.
"""

import json
import uuid
from urllib.parse import urlencode

from django.http import HttpResponse, JsonResponse
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from lms.models import Statement

from . import attachments, queries
from .access import learner_may_write_about
from .agents import actor_ifi, learner_agent
from .multipart import attachment_hashes, build_mixed, media_type, parse_mixed
from .protocol import TooLarge, error, read_body, without_body, xapi_headers, xapi_view
from .store import Conflict, store_statements
from .validation import StatementError


@csrf_exempt
def about(request):
    return xapi_headers(JsonResponse({"version": ["1.0.3", "2.0.0"], "extensions": {}}))


@xapi_view
def statements(request, caller):
    if request.method in ("PUT", "POST"):
        return _write(request, caller)
    if request.method in ("GET", "HEAD"):
        return _read(request, caller)
    return error(405, "Method not allowed.")


def _body(request):
    """The statements sent and their attachment parts (by hash).

    JSON alone, or ``multipart/mixed`` with the statements first and one
    part per attachment; any other content type is refused.
    """
    raw = read_body(request)
    kind = media_type(request.headers.get("Content-Type"))
    if kind == "multipart/mixed":
        return parse_mixed(request.headers["Content-Type"], raw)
    if kind not in ("", "application/json"):
        raise StatementError(
            "Content-Type", "must be application/json or multipart/mixed"
        )
    try:
        return json.loads(raw or b"null"), {}
    except ValueError:
        raise StatementError("body", "is not valid JSON") from None


def _write(request, caller):
    if not caller.may_write():
        return error(403, "This client may not write statements.")
    try:
        body, parts = _body(request)
    except TooLarge:
        return error(413, "The request body is too large.")
    except StatementError as problem:
        return error(400, str(problem))
    allowed = {"statementId"} if request.method == "PUT" else set()
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        return error(400, f"{unknown[0]}: is not a parameter of this request.")
    if request.method == "PUT":
        statement_id = request.GET.get("statementId", "")
        try:
            statement_id = str(uuid.UUID(statement_id))
        except ValueError:
            return error(400, "PUT needs a statementId parameter holding a UUID.")
        if not isinstance(body, dict):
            return error(400, "PUT takes one statement.")
        if "id" in body and str(body["id"]).lower() != statement_id:
            return error(400, "The statement's id differs from statementId.")
        body = {**body, "id": statement_id}
    force_actor = learner_agent(caller.user) if caller.user is not None else None
    if caller.user is not None and not _learner_may_write(caller.user, body):
        return error(403, "You may not record statements about this activity.")
    try:
        ids = store_statements(
            body,
            authority=caller.authority,
            client=caller.client,
            user=caller.user,
            force_actor=force_actor,
            parts=parts,
        )
    except StatementError as problem:
        return error(400, str(problem))
    except Conflict:
        return error(409, "A different statement already has this id.")
    if caller.user is not None:
        from lms.course_progress import settle_after_h5p

        settle_after_h5p(caller.user, _object_iris(body))
    if request.method == "PUT":
        return xapi_headers(HttpResponse(status=204))
    return xapi_headers(JsonResponse(ids, safe=False))


def _languages(request):
    return queries.accepted_languages(request.headers.get("Accept-Language", ""))


def _visible(caller):
    rows = Statement.objects.all()
    if caller.may_read_all():
        return rows
    if caller.user is not None:
        return rows.filter(actor_ifi=actor_ifi(learner_agent(caller.user)))
    return rows.filter(client=caller.client)


def _object_iris(body) -> list[str]:
    statements = body if isinstance(body, list) else [body]
    return [
        statement["object"]["id"]
        for statement in statements
        if statement.get("object", {}).get("objectType", "Activity") == "Activity"
    ]


def _learner_may_write(user, body) -> bool:
    statements = body if isinstance(body, list) else [body]
    for statement in statements:
        target = statement.get("object") if isinstance(statement, dict) else None
        if isinstance(target, dict) and target.get("objectType", "Activity") == (
            "Activity"
        ):
            iri = target.get("id")
            if isinstance(iri, str) and not learner_may_write_about(user, iri):
                return False
    return True


def _read(request, caller):
    params = request.GET.dict()
    statement_id = params.pop("statementId", None)
    voided_id = params.pop("voidedStatementId", None)
    if statement_id or voided_id:
        return _read_one(request, caller, statement_id, voided_id, params)
    try:
        if "more" in params:
            if len(params) > 1:
                raise StatementError("more", "comes alone")
            query, cursor = queries.resume(params["more"])
        else:
            query, cursor = queries.parse(params), None
    except StatementError as problem:
        return error(400, str(problem))
    page, more = queries.run(query, _visible(caller), cursor)
    definitions = (
        queries.canonical_definitions(page) if query["format"] == "canonical" else {}
    )
    body = {
        "statements": [
            queries.shaped(row.data, query["format"], _languages(request), definitions)
            for row in page
        ],
        "more": f"{request.path}?{urlencode({'more': more})}" if more else "",
    }
    response = _result(body, [row.data for row in page], query["attachments"])
    if page:
        newest = max(row.stored for row in page)
        response["Last-Modified"] = http_date(newest.timestamp())
    return without_body(request, response)


def _result(body, statements, with_attachments: bool):
    """JSON, or with ``attachments=true`` the spec's multipart/mixed: the
    JSON first, then one part per attachment whose data the LRS holds."""
    if not with_attachments:
        return JsonResponse(body, safe=False)
    parts = attachments.load(attachment_hashes(statements))
    content_type, payload = build_mixed(body, parts)
    return HttpResponse(payload, content_type=content_type)


def _read_one(request, caller, statement_id, voided_id, params):
    if statement_id and voided_id:
        return error(400, "Give statementId or voidedStatementId, not both.")
    allowed = {"format", "attachments"}
    if set(params) - allowed:
        return error(400, "Only format and attachments go with a statement id.")
    try:
        wanted = uuid.UUID(statement_id or voided_id)
        single = queries.parse({k: v for k, v in params.items() if k in allowed})
        fmt, wants_attachments = single["format"], single["attachments"]
    except ValueError:
        return error(400, "The id is not a UUID.")
    except StatementError as problem:
        return error(400, str(problem))
    row = _visible(caller).filter(pk=wanted, voided=bool(voided_id)).first()
    if row is None:
        return error(404, "No such statement.")
    definitions = queries.canonical_definitions([row]) if fmt == "canonical" else {}
    response = _result(
        queries.shaped(row.data, fmt, _languages(request), definitions),
        [row.data],
        wants_attachments,
    )
    response["Last-Modified"] = http_date(row.stored.timestamp())
    return without_body(request, response)
