"""Factories for the suite: people, pages and partners built in one line."""

import datetime
import uuid

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.models import ContentPage, HomePage
from lms.models import (
    Cohort,
    CourseIndexPage,
    CoursePage,
    Enrollment,
    ModulePage,
    UnitPage,
)
from mediation.models import PartnerInstitution

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    username = factory.LazyAttribute(lambda o: o.email)
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """``UserFactory(role="Trainer")`` puts the person in that role's group."""
        if create and extracted:
            # get_or_create: transactional tests run on a flushed database.
            self.groups.add(Group.objects.get_or_create(name=extracted)[0])

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, verified=True, primary=True
            )


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Accueil"
    slug = factory.Sequence(lambda n: f"accueil-{n}")
    intro = "Bienvenue dans le réseau."


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page de contenu."


class PartnerInstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerInstitution

    name = factory.Sequence(lambda n: f"Musée {n}")
    slug = factory.Sequence(lambda n: f"musee-{n}")
    kind = PartnerInstitution.Kind.MUSEUM
    country = "FR"
    city = "Marseille"
    locale = factory.LazyFunction(Locale.get_default)


# --- Learning (lms) -------------------------------------------------------------


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Formations"
    slug = factory.Sequence(lambda n: f"formations-{n}")


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Parcours {n}")
    intro = "Un parcours de formation-action."
    objectives = "<ul><li>Aller vers les habitant·es</li></ul>"
    audience = "Habitant·es-relais et accompagnateur·rices."
    duration_hours = 12


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ModulePage

    title = factory.Sequence(lambda n: f"Module {n}")
    intro = "Un module."


def unit_body(prefix: str = "", required_assignment: bool = False) -> list:
    """A unit body with one block of each learner-facing kind, fresh ids;
    its field assignment is optional unless asked, so the unit completes
    when marked done."""
    return [
        {"type": "heading", "value": {"text": "Pourquoi", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Aller vers les habitant·es.</p>"},
        {
            "type": "reflection",
            "value": {"question": "Qui ne vient jamais ?", "guidance": ""},
            "id": str(uuid.uuid4()),
        },
        {
            "type": "checklist",
            "value": {"title": "Avant de sortir", "items": ["Badge", "Flyers"]},
            "id": str(uuid.uuid4()),
        },
        {
            "type": "field_assignment",
            "value": {
                "title": f"{prefix}Une marche au marché",
                "instructions": "<p>Deux heures au marché.</p>",
                "expected_evidence": "<p>Un compte rendu d'une page.</p>",
                "due_offset_days": 14,
                "required": required_assignment,
            },
            "id": str(uuid.uuid4()),
        },
    ]


class UnitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = UnitPage

    title = factory.Sequence(lambda n: f"Séquence {n}")
    intro = "Une séquence."
    body = factory.LazyFunction(unit_body)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Promotion {n}")
    partner = factory.SubFactory(PartnerInstitutionFactory)
    language = "fr"
    territory = "Marseille"
    start_date = factory.LazyFunction(lambda: datetime.date.today())
    end_date = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=90)
    )

    @factory.post_generation
    def trainers(self, create, extracted, **kwargs):
        if create and extracted:
            self.trainers.add(*extracted)


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    cohort = factory.SubFactory(CohortFactory)
    learner = factory.SubFactory(UserFactory, role="Learner")
    source = Enrollment.Source.ADDED
