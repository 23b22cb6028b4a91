"""Factories for the suite: people, pages and partners built in one line."""

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.models import ContentPage, HomePage
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
