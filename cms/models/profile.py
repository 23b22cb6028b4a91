"""The words of the learner profile, shared by the account form and the figures.

The fewer-opportunities reasons are those of the Erasmus+ inclusion
strategy; they are counted per reason only, so a network of a few hundred
people can report them without anyone being identified.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TerritorialRole(models.TextChoices):
    TERRITORIAL_FACILITATOR = "territorial_facilitator", _("Territorial facilitator")
    RESIDENT_RELAY = "resident_relay", _("Resident relay")
    CULTURAL_MEDIATOR = "cultural_mediator", _("Cultural mediator")
    OTHER = "other", _("Other role")


class FewerOpportunity(models.TextChoices):
    DISABILITY = "disability", _("Disability")
    HEALTH = "health", _("Health problems")
    EDUCATIONAL = "educational", _("Educational difficulties")
    ECONOMIC = "economic", _("Economic obstacles")
    SOCIAL = "social", _("Social obstacles")
    CULTURAL = "cultural", _("Cultural differences")
    GEOGRAPHICAL = "geographical", _("Geographical obstacles")
