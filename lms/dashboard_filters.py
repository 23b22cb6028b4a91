"""The dashboards' filters: what a query string may ask, and what it may not.

A dashboard is read from bookmarks and shared links, so a filter it does
not understand (an unknown name, a malformed date, a cohort that is not
the reader's) is dropped with a visible message and the page is drawn
without it, never refused with an error page.
"""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lms.cohort_matrix import LEARNER_STATUSES

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

#: Query parameters every dashboard accepts besides its filters.
COMMON_PARAMETERS = {"page", "format"}


class DashboardFilterForm(forms.Form):
    """A GET form whose invalid fields are ignored, each with a message."""

    def __init__(self, data, *args, **kwargs):
        self.unknown = sorted(set(data) - set(self.base_fields) - COMMON_PARAMETERS)
        super().__init__(data, *args, **kwargs)

    def values(self) -> dict:
        """The valid filters (empty ones dropped), the invalid ones ignored."""
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "", [], False)
        }

    def problems(self) -> list[str]:
        """What was ignored, in words for the page's messages."""
        self.is_valid()
        notes = [
            gettext("The filter “%(name)s” is unknown and was ignored.")
            % {"name": name[:40]}
            for name in self.unknown
        ]
        for name, errors in self.errors.items():
            label = self.fields[name].label if name in self.fields else name
            notes.append(
                gettext("“%(label)s” was ignored: %(error)s")
                % {"label": label, "error": errors[0]}
            )
        return notes


class CohortMatrixFilters(DashboardFilterForm):
    module = forms.TypedChoiceField(
        label=_("Module"), required=False, coerce=int, empty_value=None
    )
    status = forms.ChoiceField(
        label=_("Progress"),
        required=False,
        choices=[
            ("", _("All")),
            (LEARNER_STATUSES[0], _("Not started")),
            (LEARNER_STATUSES[1], _("In progress")),
            (LEARNER_STATUSES[2], _("Course completed")),
        ],
    )
    stalled = forms.BooleanField(label=_("Stalled only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("Name (A–Z)")),
            ("-name", _("Name (Z–A)")),
            ("-progress", _("Most advanced first")),
            ("progress", _("Least advanced first")),
            ("last", _("Longest without activity first")),
            ("-last", _("Most recent activity first")),
        ],
    )

    def __init__(self, data, groups, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.fields["module"].choices = [("", _("All modules"))] + [
            (group.page_id, group.title) for group in groups
        ]


class NetworkFilters(DashboardFilterForm):
    """The coordinator's filters; the choices are those of the reader's scope."""

    partner = forms.ChoiceField(label=_("Partner"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    course = forms.ChoiceField(label=_("Course"), required=False)
    cohort = forms.TypedChoiceField(
        label=_("Cohort"), required=False, coerce=int, empty_value=None
    )
    start = forms.DateField(label=_("From"), required=False, widget=DATE_INPUT)
    end = forms.DateField(label=_("To"), required=False, widget=DATE_INPUT)

    def __init__(self, data, choices, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        every = [("", _("All"))]
        self.fields["partner"].choices = every + choices["partners"]
        self.fields["country"].choices = every + choices["countries"]
        self.fields["course"].choices = every + choices["courses"]
        self.fields["cohort"].choices = every + choices["cohorts"]

    def _plausible(self, name):
        """A date the network could have figures for: from 2000 to five
        years ahead (a year 9999 or 0001 is a typing slip, not a period)."""
        value = self.cleaned_data.get(name)
        if value is None:
            return value
        today = timezone.localdate()
        if not date(2000, 1, 1) <= value <= date(today.year + 5, 12, 31):
            raise forms.ValidationError(
                gettext("Choose a date between 2000 and %(year)s.")
                % {"year": today.year + 5}
            )
        return value

    def clean_start(self):
        return self._plausible("start")

    def clean_end(self):
        return self._plausible("end")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", gettext("The period ends before it starts."))
        return cleaned
