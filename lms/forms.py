"""The front-end forms of cohorts, reports and contributions."""

import json

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.coreutils import get_supported_content_language_variant

from lms.models import (
    Cohort,
    Contribution,
    ContributionAttachment,
    CoursePage,
    FieldReport,
    ReportAttachment,
    UnitPage,
)
from lms.report_text import clean_report_html, is_blank
from media.forms import DirectUploadField
from mediation.models import PartnerInstitution

MAX_ROSTER_FILE_SIZE = 2 * 1024 * 1024
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def cohort_courses():
    """The courses a cohort may follow: live, in the default language (a
    cohort learns in any language; its course is named once)."""
    return CoursePage.objects.live().filter(locale__language_code=_default_language())


def cohort_partners():
    """The partners a cohort may belong to, named in the default language."""
    return PartnerInstitution.objects.filter(
        locale__language_code=_default_language()
    ).order_by("name")


def _default_language() -> str:
    """Wagtail's default locale, named without a query (the API's schema is
    built before any database exists)."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class CohortForm(forms.ModelForm):
    """Opening or editing a cohort: the trainer picks among live courses."""

    form_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Cohort
        fields = [
            "name",
            "course",
            "partner",
            "language",
            "territory",
            "start_date",
            "end_date",
            "join_enabled",
            "join_requires_approval",
            "stalled_after_days",
        ]
        widgets = {"start_date": DATE_INPUT, "end_date": DATE_INPUT}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = cohort_courses()
        self.fields["partner"].queryset = cohort_partners()
        if self.instance.pk and self.instance.enrollments.exists():
            # Learners' access and reports hang on the course: it stays.
            self.fields["course"].disabled = True
            self.fields["course"].help_text = _(
                "The course cannot change once learners are enrolled."
            )
        # Left empty (or absent, from an older form): the usual 14 days.
        self.fields["stalled_after_days"].required = False

    def clean_stalled_after_days(self):
        value = self.cleaned_data.get("stalled_after_days")
        if value is None:
            return Cohort._meta.get_field("stalled_after_days").default
        return value

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The cohort must end after it starts."))
        return cleaned


class AddLearnerForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)


class AddTrainerForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address of a trainer"))

    def clean_email(self):
        from django.contrib.auth import get_user_model

        from cms.roles import TRAINER

        trainer = (
            get_user_model()
            .objects.filter(
                email__iexact=self.cleaned_data["email"], groups__name=TRAINER
            )
            .first()
        )
        if trainer is None:
            raise forms.ValidationError(
                _("No trainer of the network has this address.")
            )
        return trainer


class RosterUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns: e-mail, first name, last name and, if you wish, language. "
            "Comma or semicolon separated, UTF-8 or Latin-1."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_ROSTER_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is too large: at most %(limit)s MB.")
                % {"limit": MAX_ROSTER_FILE_SIZE // (1024 * 1024)}
            )
        return upload.read()


class MoveForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("Move to cohort"), queryset=Cohort.objects.none()
    )

    def __init__(self, *args, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = cohorts


class FieldReportForm(forms.ModelForm):
    attachment = DirectUploadField(
        model_field=ReportAttachment._meta.get_field("file"),
        label=_("Add a file"),
        required=False,
        help_text=_("A photo, a recording, a document. One file per save."),
    )

    class Meta:
        model = FieldReport
        fields = [
            "body",
            "place",
            "action_date",
            "people_reached",
            "partners_involved",
        ]
        widgets = {
            "action_date": DATE_INPUT,
            "body": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, for_user=None, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        self.fields["body"].required = False
        self.fields["body"].widget.attrs["data-rich-text"] = json.dumps(
            {
                "toolbar": str(_("Text formatting")),
                "bold": str(_("Bold")),
                "italic": str(_("Italic")),
                "bullets": str(_("Bulleted list")),
                "numbers": str(_("Numbered list")),
                "link": str(_("Link")),
                "linkPrompt": str(_("Address of the link")),
            }
        )

    @property
    def media(self):
        return super().media + forms.Media(
            js=[forms.Script("lms/js/rich-text.js", type="module")]
        )

    def clean_body(self):
        return clean_report_html(self.cleaned_data.get("body", ""))

    def clean(self):
        cleaned = super().clean()
        if self.data.get("action") == "submit" and is_blank(cleaned.get("body", "")):
            self.add_error("body", _("Describe what you did before submitting."))
        return cleaned


class ReviewForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (FieldReport.Status.ACCEPTED, _("Accept the report")),
            (FieldReport.Status.NEEDS_REVISION, _("Ask for a revision")),
        ],
        widget=forms.RadioSelect,
    )
    feedback = forms.CharField(
        label=_("Feedback to the learner"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ContributionForm(forms.ModelForm):
    form_key = forms.UUIDField(widget=forms.HiddenInput)
    attachment = DirectUploadField(
        model_field=ContributionAttachment._meta.get_field("file"),
        label=_("Attach a file"),
        required=False,
    )

    class Meta:
        model = Contribution
        fields = ["kind", "title", "body", "unit"]
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, module, for_user=None, **kwargs):
        self.for_user = for_user
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = UnitPage.objects.child_of(module).live()
        self.fields["unit"].required = False
        self.fields["unit"].help_text = _("For an improvement: which unit it is about.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == Contribution.Kind.IMPROVEMENT and not cleaned.get(
            "unit"
        ):
            self.add_error("unit", _("Choose the unit your improvement is about."))
        return cleaned


class ContributionReviewForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (Contribution.Status.ACCEPTED, _("Accept and credit the author")),
            (Contribution.Status.DECLINED, _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    checked = forms.TypedMultipleChoiceField(required=False, coerce=int, choices=[])

    def __init__(self, *args, item_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checked"].choices = [(i, i) for i in range(item_count)]
