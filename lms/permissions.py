"""Who may see which figures: one answer for the dashboards, their exports
and (later) the API, so the same person never sees more through one door
than through another.

Trainers see the people of the cohorts they run, by name.  Coordinators see
counts only: a Network coordinator the whole network, a Partner coordinator
their own institution (named on their account).  Learners see themselves.
"""

from dataclasses import dataclass

from django.http import Http404

from lms.models import Cohort


@dataclass(frozen=True)
class FiguresScope:
    """The partners whose figures a person may see: all, or some by
    translation key (a partner exists once per language)."""

    all_partners: bool
    partner_keys: frozenset = frozenset()

    def allows_partner(self, partner) -> bool:
        return self.all_partners or partner.translation_key in self.partner_keys


def figures_scope(user) -> FiguresScope | None:
    """The person's scope on the network's figures, ``None`` if they have none."""
    if not user.is_authenticated:
        return None
    if user.is_superuser or user.has_perm("lms.view_network_figures"):
        return FiguresScope(all_partners=True)
    if user.has_perm("lms.view_partner_figures") and user.partner_id:
        return FiguresScope(
            all_partners=False,
            partner_keys=frozenset([user.partner.translation_key]),
        )
    return None


def cohorts_for_figures(user, scope: FiguresScope):
    """The cohorts whose counts a scope covers."""
    cohorts = Cohort.objects.all()
    if not scope.all_partners:
        cohorts = cohorts.filter(partner__translation_key__in=scope.partner_keys)
    return cohorts


def trained_cohort_or_404(user, cohort_id) -> Cohort:
    """A cohort the person runs, else 404: someone else's cohort is not
    confirmed to exist (its dashboard and exports name people)."""
    cohort = (
        Cohort.objects.managed_by(user)
        .select_related("course", "partner")
        .filter(pk=cohort_id)
        .first()
    )
    if cohort is None:
        raise Http404
    return cohort
