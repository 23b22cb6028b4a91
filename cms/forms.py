"""The person's own profile form, the source of the Erasmus+ indicators.

Everything here is optional: the figures count whoever answered.  The
fewer-opportunities reasons are special categories of personal data (health,
disability...), so they are kept only with the person's explicit consent,
and withdrawing consent erases them rather than just hiding them.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models.profile import FewerOpportunity

FIRST_BIRTH_YEAR = 1900


class ProfileForm(forms.ModelForm):
    """Edits the signed-in person's own row; only the profile columns are saved."""

    fewer_opportunities = forms.MultipleChoiceField(
        label=_("Situations that make taking part harder for me"),
        choices=FewerOpportunity.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Optional. Tick only what you wish to declare."),
    )
    fewer_opportunities_consent = forms.BooleanField(
        label=_(
            "I agree that the situations I ticked are counted in the network's "
            "Erasmus+ figures"
        ),
        required=False,
        help_text=_(
            "Untick this box to withdraw your consent: your answers are erased."
        ),
    )

    class Meta:
        model = get_user_model()
        fields = [
            "country",
            "organisation",
            "territorial_role",
            "birth_year",
            "fewer_opportunities",
        ]
        widgets = {
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.last_birth_year = timezone.localdate().year
        birth_year = self.fields["birth_year"]
        birth_year.widget.attrs.update(
            {
                "min": FIRST_BIRTH_YEAR,
                "max": self.last_birth_year,
                "autocomplete": "bday-year",
                "inputmode": "numeric",
            }
        )
        # Our own range check gives one clear message instead of Django's two.
        birth_year.validators = []
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["fewer_opportunities_consent"].initial = (
            self.instance.fewer_opportunities_consent_at is not None
        )

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        if year is not None and not FIRST_BIRTH_YEAR <= year <= self.last_birth_year:
            raise forms.ValidationError(
                _("Enter a year of birth between %(first)s and %(last)s."),
                code="birth_year_range",
                params={"first": FIRST_BIRTH_YEAR, "last": self.last_birth_year},
            )
        return year

    def clean(self):
        cleaned = super().clean()
        reasons = cleaned.get("fewer_opportunities") or []
        if cleaned.get("fewer_opportunities_consent"):
            return cleaned
        if reasons:
            self.add_error(
                "fewer_opportunities_consent",
                _(
                    "Tick this box to let us count the situations you ticked, "
                    "or untick them: without your consent they are not saved."
                ),
            )
        else:
            # Withdrawn (or never given): nothing is kept.
            cleaned["fewer_opportunities"] = []
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        if self.cleaned_data["fewer_opportunities_consent"]:
            if user.fewer_opportunities_consent_at is None:
                user.fewer_opportunities_consent_at = timezone.now()
        else:
            user.fewer_opportunities = []
            user.fewer_opportunities_consent_at = None
        if commit:
            user.save(
                update_fields=[*self.Meta.fields, "fewer_opportunities_consent_at"]
            )
        return user
