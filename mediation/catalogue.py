"""The catalogue's query: words, facets, counts and pages, from a GET request.

``?q=portrait&type=video&type=audio_guide&language=pt&page=2``: the words
go through Wagtail's search backend (the database backend: SQLite FTS5 or
PostgreSQL full text), each facet is a set of codes (OR within a facet, AND
across facets) matched against the rows ``mediation.facets`` writes at
publication.  The page in language X lists the live, public resources of
locale X only.

Counts are those of standard faceted search: each facet's counts are for
the resources the words and the *other* facets select, so ticking a second
value of the same facet shows how many it would add, and a value that
would give nothing is not offered.  The counts are ``GROUP BY`` queries
sent as one ``UNION ALL``, so the number of queries does not grow with the
number of resources or of choices.

A malformed or unknown parameter (``?type=spaceship&page=abc``) is dropped
and said so on the page: a link typed or kept from an older version still
shows resources, never an error.
"""

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from mediation import vocabulary as vocab
from mediation.facets import DISABILITY_PREFIX, FACETS
from mediation.models import MediationResourcePage, PartnerInstitution, ResourceFacet
from mediation.models.pages import RESOURCES_PER_PAGE

MAX_QUERY_LENGTH = 200
#: Text matches considered, most relevant first: enough for any real
#: catalogue, and it keeps the SQL of the counts bounded.
MAX_MATCHES = 1000
MAX_VALUES_PER_FACET = 50
MAX_ECHOED_LENGTH = 40
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")

LEGENDS = {
    "partner": gettext_lazy("Partner"),
    "country": gettext_lazy("Country"),
    "type": gettext_lazy("Resource type"),
    "audience": gettext_lazy("Audience"),
    "feature": gettext_lazy("Accessibility feature"),
    "language": gettext_lazy("Language"),
    "licence": gettext_lazy("Licence"),
}


@dataclass
class Option:
    value: str
    label: str
    count: int
    checked: bool
    nested: bool = False


@dataclass
class Facet:
    name: str
    legend: str
    options: list[Option]


@dataclass
class Query:
    """What the visitor asked for, once checked."""

    text: str = ""
    selected: dict[str, list[str]] = field(default_factory=dict)
    page_number: int = 1
    notices: list[str] = field(default_factory=list)

    def pairs(self, drop: tuple[str, str] | None = None):
        """The query as GET pairs, without ``drop`` and without a page."""
        pairs = [("q", self.text)] if self.text else []
        for facet in FACETS:
            pairs += [
                (facet, value)
                for value in self.selected.get(facet, ())
                if (facet, value) != drop
            ]
        return pairs

    @property
    def is_filtered(self) -> bool:
        return any(self.selected.values())


# -- Labels ---------------------------------------------------------------


def partner_names(locale_id: int) -> dict[str, str]:
    """Every partner's name by translation key, in ``locale_id`` when it has
    a record there; one query for the whole network (a few dozen rows)."""
    names = {}
    rows = PartnerInstitution.objects.values_list(
        "translation_key", "locale_id", "name"
    )
    for key, record_locale_id, name in rows.order_by("pk"):
        if str(key) not in names or record_locale_id == locale_id:
            names[str(key)] = name
    return names


def vocabulary_labels(partners: dict[str, str]) -> dict[str, dict[str, str]]:
    """Each facet's known codes and their labels in the active language, in
    the order they are offered (countries and partners by name)."""
    disabilities = dict(vocab.DISABILITIES)
    audiences = {}
    for code, label in vocab.AUDIENCES:
        audiences[code] = str(label)
        if code == "disability":
            audiences |= {
                DISABILITY_PREFIX + sub: str(sub_label)
                for sub, sub_label in disabilities.items()
            }
    return {
        "partner": dict(sorted(partners.items(), key=lambda item: item[1].casefold())),
        "type": {code: str(label) for code, label in vocab.RESOURCE_TYPES},
        "audience": audiences,
        "feature": {code: str(label) for code, label in vocab.ACCESSIBILITY_FEATURES},
        "language": {code: str(name) for code, name in settings.LANGUAGES},
        "licence": {uri: str(label) for uri, label in vocab.RIGHTS.items()},
    }


def country_label(code: str) -> str:
    return str(countries.name(code)) or code


# -- Parameters -----------------------------------------------------------


def _normalise(facet: str, raw: str) -> str:
    value = raw.strip()
    if facet == "country":
        return value.upper()
    if facet == "partner":
        try:
            return str(uuid.UUID(value))
        except ValueError:
            return value
    if facet == "licence":
        return vocab.canonical_rights(value) or value
    return value


def _is_known(facet: str, value: str, labels: dict[str, dict[str, str]]) -> bool:
    if facet == "country":
        return value in countries
    return value in labels[facet]


def _echo(value: str) -> str:
    value = " ".join(CONTROL_CHARACTERS.sub(" ", value).split())
    if len(value) > MAX_ECHOED_LENGTH:
        value = value[: MAX_ECHOED_LENGTH - 1] + "…"
    return f"“{value}”"


def parse(params, labels: dict[str, dict[str, str]]) -> Query:
    """The checked query; whatever cannot be used becomes a notice."""
    text = CONTROL_CHARACTERS.sub(" ", params.get("q", ""))
    query = Query(text=" ".join(text.split())[:MAX_QUERY_LENGTH])
    for facet in FACETS:
        chosen, unknown = [], []
        for raw in params.getlist(facet)[:MAX_VALUES_PER_FACET]:
            value = _normalise(facet, raw)
            if not value:
                continue
            if _is_known(facet, value, labels):
                if value not in chosen:
                    chosen.append(value)
            else:
                unknown.append(_echo(raw))
        if len(params.getlist(facet)) > MAX_VALUES_PER_FACET:
            query.notices.append(
                _("Only the first %(count)s values of “%(facet)s” were used.")
                % {"count": MAX_VALUES_PER_FACET, "facet": LEGENDS[facet]}
            )
        if unknown:
            query.notices.append(
                _("Ignored, not a known value of “%(facet)s”: %(values)s.")
                % {"facet": LEGENDS[facet], "values": ", ".join(unknown)}
            )
        query.selected[facet] = chosen
    raw_page = params.get("page")
    if raw_page is not None:
        raw_page = raw_page.strip()
        if raw_page.isascii() and raw_page.isdigit() and int(raw_page) >= 1:
            query.page_number = int(raw_page)
        else:
            query.notices.append(
                _("%(page)s is not a page number: the first page is shown.")
                % {"page": _echo(raw_page)}
            )
    return query


# -- Queries --------------------------------------------------------------


def _with_facet(pages, facet: str, values: list[str]):
    return pages.filter(
        pk__in=ResourceFacet.objects.filter(facet=facet, value__in=values).values(
            "page_id"
        )
    )


def _filtered(pages, selected: dict[str, list[str]], but: str | None = None):
    for facet, values in selected.items():
        if values and facet != but:
            pages = _with_facet(pages, facet, values)
    return pages


def facet_counts(candidates, selected) -> dict[str, dict[str, int]]:
    """Each facet's counts within what the other facets select, in one query.

    Facets without a choice all count within the full selection: one
    ``GROUP BY`` serves them together; each facet with a choice has its own.
    """

    def rows(pages, **where):
        return (
            ResourceFacet.objects.filter(page_id__in=pages.values("pk"), **where)
            .values_list("facet", "value")
            .annotate(n=Count("pk"))
            .order_by()
        )

    chosen = [facet for facet in FACETS if selected.get(facet)]
    others = [facet for facet in FACETS if facet not in chosen]
    parts = [
        rows(_filtered(candidates, selected, but=facet), facet=facet)
        for facet in chosen
    ]
    if others:
        parts.append(rows(_filtered(candidates, selected), facet__in=others))
    query = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    counts = defaultdict(dict)
    for facet, value, n in query:
        counts[facet][value] = n
    return counts


def _facets(query: Query, counts, labels) -> list[Facet]:
    facets = []
    for name in FACETS:
        selected = query.selected.get(name, [])
        found = counts.get(name, {})
        if name == "country":
            known = {code: country_label(code) for code in {*found, *selected}}
            known = dict(sorted(known.items(), key=lambda item: item[1].casefold()))
        else:
            known = labels[name]
        options = [
            Option(
                value=value,
                label=label,
                count=found.get(value, 0),
                checked=value in selected,
                nested=value.startswith(DISABILITY_PREFIX),
            )
            for value, label in known.items()
            if value in found or value in selected
        ]
        if options:
            facets.append(Facet(name=name, legend=str(LEGENDS[name]), options=options))
    return facets


def _active_filters(query: Query, facets: list[Facet]) -> list[dict]:
    labels = {
        (facet.name, option.value): option.label
        for facet in facets
        for option in facet.options
    }
    return [
        {
            "legend": LEGENDS[name],
            "label": labels.get((name, value), value),
            "remove_query": urlencode(query.pairs(drop=(name, value))),
        }
        for name in FACETS
        for value in query.selected.get(name, ())
    ]


def _results_page(query: Query, pages, ranked: list[int] | None):
    pages = pages.select_related("partner", "locale")
    if ranked is None:
        return Paginator(pages.order_by("title", "pk"), RESOURCES_PER_PAGE).get_page(
            query.page_number
        )
    # Words given: the backend's order of relevance, among what the facets keep.
    kept = set(pages.values_list("pk", flat=True))
    ordered = [pk for pk in ranked if pk in kept]
    results = Paginator(ordered, RESOURCES_PER_PAGE).get_page(query.page_number)
    by_pk = pages.in_bulk(list(results.object_list))
    results.object_list = [by_pk[pk] for pk in results.object_list if pk in by_pk]
    return results


def search(candidates, text: str) -> list[int]:
    """Primary keys of the resources matching ``text``, most relevant first.

    Only the words go to the backend: SQLite's FTS5 reads quotes,
    parentheses and a NUL byte as its own syntax and fails on them (a 500
    for ``?q="``), so punctuation is dropped as the indexer drops it.
    """
    words = " ".join(re.findall(r"\w+", text))
    if not words:
        return []
    return [page.pk for page in candidates.only("pk").search(words)[:MAX_MATCHES]]


def catalogue_context(page, request) -> dict:
    """Everything the catalogue template shows, under ``catalogue``."""
    names = partner_names(page.locale_id)
    labels = vocabulary_labels(names)
    query = parse(request.GET, labels)
    candidates = (
        MediationResourcePage.objects.live().public().filter(locale_id=page.locale_id)
    )
    ranked = None
    if query.text:
        ranked = search(candidates, query.text)
        candidates = candidates.filter(pk__in=ranked)
    counts = facet_counts(candidates, query.selected)
    results = _results_page(query, _filtered(candidates, query.selected), ranked)
    facets = _facets(query, counts, labels)
    return {
        "catalogue": {
            "url": page.get_url(request),
            "query": query,
            "facets": facets,
            "results": results,
            "count": results.paginator.count,
            "active_filters": _active_filters(query, facets),
            "notices": query.notices,
            "query_string": urlencode(query.pairs()),
            # Clearing the filters keeps the words.
            "words_only_query": urlencode([("q", query.text)]) if query.text else "",
        }
    }
