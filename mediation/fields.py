"""``ChoiceListField``: several codes from one vocabulary, in one column.

A resource has several audiences and several accessibility features.  They
are stored as a JSON list of codes (the same on SQLite and PostgreSQL) and
edited as checkboxes; the catalogue does not filter on this column but on
the facet rows written at publication (``mediation.facets``), so no
database-specific JSON lookup is needed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = list(choices_list)
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The vocabulary lives in code: a new term needs no migration.
        kwargs.pop("choices_list", None)
        if kwargs.get("default") is list:
            del kwargs["default"]
        if kwargs.get("blank") is True:
            del kwargs["blank"]
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValidationError(_("Expected a list of codes."), code="invalid")
        known = {code for code, _label in self.choices_list}
        unknown = [code for code in value if code not in known]
        if unknown:
            raise ValidationError(
                _("Unknown value: %(values)s."),
                code="invalid_choice",
                params={"values": ", ".join(unknown)},
            )

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.choices_list,
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
            **{k: v for k, v in kwargs.items() if k in ("initial", "disabled")},
        )

    def labels(self, value) -> list[str]:
        """Labels of the codes in ``value``, in the vocabulary's order."""
        chosen = set(value or ())
        return [str(label) for code, label in self.choices_list if code in chosen]
