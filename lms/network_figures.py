"""The network's figures for coordinators: counts, never people.

Everything is read in a fixed number of queries whatever the size of the
network (enrolments, progress, reports, profiles: one query each, folded
in Python), then every count of people goes through
``reporting.privacy`` so that a figure of 1 to 4 (which could single
someone out) is shown as "<5" on the page and in the exports alike.

A cohort belongs to the period when its dates overlap it; a completion
when it happened within it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.models.profile import FewerOpportunity, TerritorialRole
from lms.activity import MEDIATION_RESOURCE, activity_iri
from lms.models import (
    ActivityProgress,
    Contribution,
    CoursePage,
    Credential,
    Enrollment,
    FieldReport,
    UnitPage,
)
from lms.permissions import cohorts_for_figures
from lms.progress import moment_of
from lms.progress_rules import COMPLETED_STATUS
from lms.reporting.figures import AGE_BANDS, age_band, month_buckets
from lms.reporting.privacy import (
    SMALLEST_SHOWN,
    SUPPRESSED,
    breakdown_total,
    is_suppressed,
    rounded,
    share,
    suppress,
    suppress_breakdown,
    suppressed_median,
)
from mediation import vocabulary as vocab
from mediation.models import MediationResourcePage, PartnerInstitution

ACTIVE_DAYS = 30
COUNTED = (Enrollment.Status.ACTIVE, Enrollment.Status.WITHDRAWN)


def filter_choices(scope) -> dict:
    """What the coordinator may filter on, within their scope (four queries)."""
    locale = Locale.get_default()
    cohorts = cohorts_for_figures(scope).select_related("partner")
    partners = PartnerInstitution.objects.filter(locale=locale)
    if not scope.all_partners:
        partners = partners.filter(translation_key__in=scope.partner_keys)
    partners = list(partners.order_by("name"))
    return {
        "partners": [(str(p.translation_key), p.name) for p in partners],
        "countries": sorted(
            {(p.country.code, p.country.name) for p in partners if p.country},
            key=lambda pair: str(pair[1]),
        ),
        "courses": [
            (str(c.translation_key), c.title)
            for c in CoursePage.objects.filter(locale=locale).order_by("title")
        ],
        "cohorts": [(c.pk, c.name) for c in cohorts.order_by("name")],
    }


def filtered_cohorts(scope, chosen: dict):
    cohorts = cohorts_for_figures(scope)
    if chosen.get("partner"):
        cohorts = cohorts.filter(partner__translation_key=chosen["partner"])
    if chosen.get("country"):
        cohorts = cohorts.filter(partner__country=chosen["country"])
    if chosen.get("course"):
        cohorts = cohorts.filter(course__translation_key=chosen["course"])
    if chosen.get("cohort"):
        cohorts = cohorts.filter(pk=chosen["cohort"])
    if chosen.get("start"):
        cohorts = cohorts.filter(end_date__gte=chosen["start"])
    if chosen.get("end"):
        cohorts = cohorts.filter(start_date__lte=chosen["end"])
    return cohorts


@dataclass
class CohortLine:
    cohort_id: int
    name: str
    partner: str
    territory: str
    enrolled: object
    active: object
    inactive: object
    completed: object
    rate: object


@dataclass
class NetworkFigures:
    enrolled: object
    active: object
    completed: object
    rate: object
    median_days: object
    completions_by_month: list
    cohorts: list
    resources: list  # (partner name, published, learners who used them)
    territories: list  # (territory, reports, people reached, contributions)
    period: tuple = field(default=(None, None))


def _in_period(moment: datetime, start, end) -> bool:
    day = moment.date()
    return (start is None or day >= start) and (end is None or day <= end)


class Enrolments(list):
    """The counted enrolments as rows, and their learners as a subquery:
    the next queries filter on that subquery rather than on thousands of
    ids sent back to the database as parameters."""

    learners = None


def _enrolments(cohorts) -> Enrolments:
    counted = Enrollment.objects.filter(cohort__in=cohorts, status__in=COUNTED)
    rows = Enrolments(
        counted.values_list(
            "learner_id",
            "cohort_id",
            "created_at",
            "cohort__name",
            "cohort__territory",
            "cohort__partner__name",
            "cohort__partner__country",
            "cohort__course__translation_key",
            named=True,
        )
    )
    rows.learners = counted.order_by().values("learner_id")
    return rows


def _course_completions(enrolments, start, end) -> dict:
    """When each (learner, course key) completed, within the period."""
    keys = {e.cohort__course__translation_key for e in enrolments}
    iris = {activity_iri("course", key): key for key in keys}
    rows = ActivityProgress.objects.filter(
        learner_id__in=enrolments.learners,
        activity__in=list(iris),
        status=COMPLETED_STATUS,
    ).values_list("learner_id", "activity", "first_at")
    done = {}
    for learner_id, iri, first_at in rows:
        moment = moment_of(first_at)
        if moment is not None and _in_period(moment, start, end):
            done[(learner_id, iris[iri])] = moment
    return done


def _active_learners(learners, now) -> set:
    cutoff = (now - timedelta(days=ACTIVE_DAYS)).strftime("%Y-%m-%dT%H:%M:%S")
    return set(
        ActivityProgress.objects.filter(learner_id__in=learners, last_at__gte=cutoff)
        .values_list("learner_id", flat=True)
        .distinct()
    )


def _resources(scope, chosen, enrolments) -> list:
    """Resources published per partner (each resource once, whatever its
    translations) and how many learners opened them in a unit."""
    published = defaultdict(set)
    names, resource_partner = {}, {}
    pages = MediationResourcePage.objects.live()
    if chosen.get("partner"):
        pages = pages.filter(partner__translation_key=chosen["partner"])
    if chosen.get("country"):
        pages = pages.filter(partner__country=chosen["country"])
    pages = pages.values_list(
        "pk", "translation_key", "partner__translation_key", "partner__name"
    )
    for pk, key, partner_key, partner_name in pages:
        if not scope.all_partners and partner_key not in scope.partner_keys:
            continue
        published[partner_key].add(key)
        names.setdefault(partner_key, partner_name)
        resource_partner[pk] = partner_key
    block_partner = {}
    for body in UnitPage.objects.live().values_list("body", flat=True):
        for block in body.raw_data:
            if block.get("type") != "mediation_resource" or not block.get("id"):
                continue
            partner_key = resource_partner.get(
                (block.get("value") or {}).get("resource")
            )
            if partner_key is not None:
                block_partner[activity_iri(MEDIATION_RESOURCE, block["id"])] = (
                    partner_key
                )
    users = defaultdict(set)
    for iri, learner_id in ActivityProgress.objects.filter(
        activity__in=list(block_partner), learner_id__in=enrolments.learners
    ).values_list("activity", "learner_id"):
        users[block_partner[iri]].add(learner_id)
    return sorted(
        (
            (names[key], len(published[key]), suppress(len(users.get(key, ()))))
            for key in published
        ),
        key=lambda line: str(line[0]),
    )


def _territories(enrolments, start, end) -> list:
    territory_of_learner = {}
    for e in enrolments:
        territory_of_learner.setdefault(e.learner_id, e.cohort__territory)
    reports = FieldReport.objects.filter(
        enrollment__in=Enrollment.objects.filter(
            cohort_id__in={e.cohort_id for e in enrolments}, status__in=COUNTED
        ),
        status__in=[FieldReport.Status.SUBMITTED, FieldReport.Status.ACCEPTED],
    )
    if start:
        reports = reports.filter(submitted_at__date__gte=start)
    if end:
        reports = reports.filter(submitted_at__date__lte=end)
    count, reached = Counter(), Counter()
    for territory, people in reports.values_list(
        "enrollment__cohort__territory", "people_reached"
    ):
        count[territory] += 1
        reached[territory] += people or 0
    keys = {e.cohort__course__translation_key for e in enrolments}
    contributions = Counter()
    query = Contribution.objects.filter(
        author_id__in=enrolments.learners, course_key__in=keys
    )
    if start:
        query = query.filter(created_at__date__gte=start)
    if end:
        query = query.filter(created_at__date__lte=end)
    for author_id in query.values_list("author_id", flat=True):
        contributions[territory_of_learner[author_id]] += 1
    return [
        (
            territory,
            suppress(count[territory]),
            reached[territory],
            suppress(contributions[territory]),
        )
        for territory in sorted(set(count) | set(contributions))
    ]


def _enrolled_active_inactive(enrolled: int, active: int) -> tuple:
    """Active and inactive add up to the enrolled: hidden together, so that
    neither can be found again by subtraction."""
    parts = {"active": active, "inactive": enrolled - active}
    shown = suppress_breakdown(parts)
    return breakdown_total(parts), shown["active"], shown["inactive"]


def _latest_enrolment(enrolments) -> dict:
    """The cohort that counts a learner's completion of a course: their
    latest enrolment in it (a learner moved to another cohort keeps a
    withdrawn enrolment in the first; the completion is the new cohort's)."""
    latest = {}
    for e in sorted(enrolments, key=lambda e: e.created_at):
        latest[(e.learner_id, e.cohort__course__translation_key)] = e.cohort_id
    return latest


def network_figures(scope, chosen: dict, now=None) -> NetworkFigures:
    now = now or timezone.now()
    start, end = chosen.get("start"), chosen.get("end")
    enrolments = _enrolments(filtered_cohorts(scope, chosen))
    learners = {e.learner_id for e in enrolments}
    active = _active_learners(enrolments.learners, now) if learners else set()
    completions = _course_completions(enrolments, start, end) if enrolments else {}
    counting_cohort = _latest_enrolment(enrolments)
    durations = []
    per_cohort = defaultdict(lambda: {"learners": set(), "done": 0})
    meta = {}
    for e in enrolments:
        pair = (e.learner_id, e.cohort__course__translation_key)
        line = per_cohort[e.cohort_id]
        line["learners"].add(e.learner_id)
        meta[e.cohort_id] = (
            e.cohort__name,
            e.cohort__partner__name,
            e.cohort__territory,
        )
        moment = completions.get(pair)
        if moment is None or counting_cohort[pair] != e.cohort_id:
            continue
        line["done"] += 1
        if moment >= e.created_at:
            durations.append((moment - e.created_at).total_seconds() / 86400)
    # Each cohort's enrolled count is a part of the network's: hidden
    # together so that no hidden one is the total minus the others.
    enrolled_by_cohort = {
        cohort_id: len(line["learners"]) for cohort_id, line in per_cohort.items()
    }
    enrolled_shown = suppress_breakdown(enrolled_by_cohort)
    cohort_lines = []
    for cohort_id, line in per_cohort.items():
        enrolled = len(line["learners"])
        total, active_here, inactive = _enrolled_active_inactive(
            enrolled, len(line["learners"] & active)
        )
        if is_suppressed(enrolled_shown[cohort_id]):
            total = SUPPRESSED
        name, partner, territory = meta[cohort_id]
        cohort_lines.append(
            CohortLine(
                cohort_id,
                name,
                partner,
                territory,
                total,
                active_here,
                inactive,
                suppress(line["done"]),
                share(line["done"], enrolled),
            )
        )
    cohort_lines.sort(key=lambda line: (line.partner, line.name))
    pairs = len(counting_cohort)
    completed = len(completions)
    dates = sorted(timezone.localtime(m).date() for m in completions.values())
    # Every month of the period (its dates are bounded by the filters).
    months = month_buckets(dates, start, end) if dates else []
    enrolled_total, active_total, _inactive = _enrolled_active_inactive(
        len(learners), len(active & learners)
    )
    if is_suppressed(breakdown_total(enrolled_by_cohort)):
        enrolled_total = SUPPRESSED
    # The months add up to the completions: hidden with them when they would
    # tell, and then the rate too, which would give the total back.
    completed_shown = breakdown_total(dict(months)) if months else suppress(completed)
    rate = SUPPRESSED if is_suppressed(completed_shown) else share(completed, pairs)
    return NetworkFigures(
        enrolled=enrolled_total,
        active=active_total,
        completed=completed_shown,
        rate=rate,
        median_days=suppressed_median(durations),
        completions_by_month=list(suppress_breakdown(dict(months)).items()),
        cohorts=cohort_lines,
        resources=_resources(scope, chosen, enrolments),
        territories=_territories(enrolments, start, end) if enrolments else [],
        period=(start, end),
    )


# -- Erasmus+ indicators -------------------------------------------------------------


@dataclass
class Indicators:
    participants: object
    by_country: list
    by_organisation: list
    by_declared_organisation: list
    by_role: list
    by_age: list
    fewer_opportunities: list
    completions: object
    credentials: object
    resources: list  # (partner, language, type, count)


def indicators(scope, chosen: dict, now=None) -> Indicators:
    """The figures Erasmus+ reporting asks for, every count of people
    suppressed below five; a breakdown also hides a second cell when one
    alone is hidden, so no cell can be recomputed from the total."""
    from django_countries import countries

    now = now or timezone.now()
    start, end = chosen.get("start"), chosen.get("end")
    enrolments = _enrolments(filtered_cohorts(scope, chosen))
    organisation, partner_country = {}, {}
    for e in enrolments:
        organisation.setdefault(e.learner_id, e.cohort__partner__name)
        partner_country.setdefault(e.learner_id, e.cohort__partner__country)
    profiles = get_user_model_profiles(enrolments.learners)
    on = end or now.date()
    by_declared_org = Counter()
    by_country, by_org, by_role, by_age, reasons = (
        Counter(),
        Counter(),
        Counter(),
        Counter(),
        Counter(),
    )
    role_labels = dict(TerritorialRole.choices)
    undeclared = age_band_labels()["unknown"]
    for learner_id, org in organisation.items():
        country, declared_org, role, birth_year, declared, consent = profiles[
            learner_id
        ]
        by_declared_org[declared_org.strip() or undeclared] += 1
        code = country or partner_country[learner_id] or ""
        by_country[str(countries.name(code)) if code else undeclared] += 1
        by_org[org] += 1
        by_role[str(role_labels.get(role, undeclared))] += 1
        by_age[age_band(birth_year, on)] += 1
        if consent is not None:
            for reason in set(declared or ()):
                if reason in FewerOpportunity.values:
                    reasons[reason] += 1
    age_labels = age_band_labels()
    types = {key: str(label) for key, label in vocab.RESOURCE_TYPES}
    language_names = {
        code: str(translation.gettext(name)) for code, name in settings.LANGUAGES
    }
    completions = _course_completions(enrolments, start, end) if enrolments else {}
    resources = Counter()
    for (
        partner,
        key,
        language,
        kind,
    ) in MediationResourcePage.objects.live().values_list(
        "partner__name",
        "partner__translation_key",
        "locale__language_code",
        "resource_type",
    ):
        if scope.all_partners or key in scope.partner_keys:
            resources[(partner, language, kind)] += 1
    by_declared_org = _small_ones_together(by_declared_org, _("Other organisations"))
    breakdowns = (by_country, by_org, by_declared_org, by_role, by_age)
    participants = suppress(len(organisation))
    if any(is_suppressed(breakdown_total(dict(b))) for b in breakdowns if b):
        participants = SUPPRESSED  # else a hidden cell is the total minus the rest
    return Indicators(
        participants=participants,
        by_country=_sorted_breakdown(by_country),
        by_organisation=_sorted_breakdown(by_org),
        by_declared_organisation=_sorted_breakdown(by_declared_org),
        by_role=_sorted_breakdown(by_role),
        by_age=[
            (age_labels[band], value)
            for band, value in suppress_breakdown(
                {band: by_age.get(band, 0) for band in AGE_BANDS}
            ).items()
        ],
        fewer_opportunities=[
            (label, rounded(reasons.get(value, 0)))
            for value, label in FewerOpportunity.choices
        ],
        completions=suppress(len(completions)),
        credentials=suppress(_credentials_issued(enrolments, start, end)),
        resources=[
            (partner, language_names.get(language, language), types.get(kind, kind), n)
            for (partner, language, kind), n in sorted(resources.items())
        ],
    )


def _credentials_issued(enrolments, start, end) -> int:
    """Attestations issued (not revoked) to these learners for these courses."""
    issued = Credential.objects.filter(
        cohort_id__in={e.cohort_id for e in enrolments},
        revoked_at__isnull=True,
    )
    if start:
        issued = issued.filter(completed_at__date__gte=start)
    if end:
        issued = issued.filter(completed_at__date__lte=end)
    return issued.count()


def _small_ones_together(counter: Counter, label) -> Counter:
    """A free-text breakdown with its small groups (1 to 4) merged into one:
    typed by each person, most organisations have one or two members, and
    hiding each of them would hide the total with them."""
    merged = Counter()
    for key, count in counter.items():
        merged[str(label) if 0 < count < SMALLEST_SHOWN else key] += count
    return merged


def _sorted_breakdown(counter: Counter) -> list:
    return sorted(suppress_breakdown(dict(counter)).items(), key=lambda p: str(p[0]))


def get_user_model_profiles(ids) -> dict:
    from django.contrib.auth import get_user_model

    return {
        row[0]: row[1:]
        for row in get_user_model()
        .objects.filter(pk__in=ids)
        .values_list(
            "pk",
            "country",
            "organisation",
            "territorial_role",
            "birth_year",
            "fewer_opportunities",
            "fewer_opportunities_consent_at",
        )
    }


def age_band_labels() -> dict:
    return {
        "under_18": _("Under 18"),
        "18_29": _("18 to 29"),
        "30_44": _("30 to 44"),
        "45_59": _("45 to 59"),
        "60_plus": _("60 and over"),
        "unknown": _("Not declared"),
    }
