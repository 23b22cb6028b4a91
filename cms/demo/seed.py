"""Build the demo network: locales, pages in five languages, partners, accounts,
the demo course and its H5P activity, the partner area and its resources.

Every function creates what is missing and leaves what exists alone, so the
seed can run on every ``make run`` without duplicating rows or overwriting
what an editor changed since.
"""

import sys

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.models import ContentPage, HomePage
from mediation.models import PartnerInstitution
from mediation.spaces import add_editor, add_moderator

from .accounts import DEMO_ACCOUNTS
from .courses import ensure_catalogue, ensure_cohorts, ensure_h5p_activity
from .h5p import ensure_h5p_package
from .pages import ABOUT, ACCESSIBILITY, HOME
from .partners import PARTNERS
from .progress import ensure_demo_progress
from .resources import ensure_partner_area

SOURCE_LANGUAGE = "fr"


def _stream(blocks):
    """Turn the demo's (type, value) pairs into StreamField data."""
    data = []
    for block_type, value in blocks:
        if block_type == "heading":
            value = {"text": value, "level": "h2"}
        data.append((block_type, value))
    return data


def _fill(page, fields):
    page.title = fields["title"]
    page.slug = fields["slug"]
    page.intro = fields["intro"]
    page.body = _stream(fields["body"])


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def _publish(page):
    page.save_revision().publish()


def _ensure_translations(source, texts, locales, **extra):
    """Create the missing translations of a page from the demo texts.

    Translations are built directly (same translation key, under the parent's
    translation) rather than copied and renamed, so no redirect from a
    temporary slug is left behind.
    """
    source_parent = source.get_parent()
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE or source.has_translation(locale):
            continue
        parent = (
            source_parent
            if source_parent.is_root()
            else source_parent.get_translation(locale)
        )
        translation = source.specific_class(
            locale=locale,
            translation_key=source.translation_key,
            show_in_menus=source.show_in_menus,
            **extra,
        )
        _fill(translation, texts[code])
        parent.add_child(instance=translation)
        _publish(translation)


def ensure_home_page(locales):
    """The French home page, made the site's root; Wagtail's welcome page goes."""
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE]).first()
    if home is None:
        home = HomePage(locale=locales[SOURCE_LANGUAGE])
        _fill(home, HOME[SOURCE_LANGUAGE])
        Page.get_first_root_node().add_child(instance=home)
        _publish(home)

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    if site.root_page_id != home.pk:
        previous_root = site.root_page_id
        site.root_page = home
        site.site_name = "Chaînon"
        site.save()
        # Wagtail's installer creates a placeholder "Welcome" page; it has no
        # content of ours and its slug would clash with the English home page.
        Page.objects.filter(
            pk=previous_root,
            depth=2,
            content_type__model="page",
            content_type__app_label="wagtailcore",
        ).delete()
    return home


def ensure_content_page(home, texts, *, show_in_menus):
    page = (
        ContentPage.objects.child_of(home)
        .filter(slug=texts[SOURCE_LANGUAGE]["slug"])
        .first()
    )
    if page is None:
        page = ContentPage(show_in_menus=show_in_menus, locale=home.locale)
        _fill(page, texts[SOURCE_LANGUAGE])
        home.add_child(instance=page)
        _publish(page)
    return page


def ensure_pages(locales):
    home = ensure_home_page(locales)
    about = ensure_content_page(home, ABOUT, show_in_menus=True)
    statement = ensure_content_page(home, ACCESSIBILITY, show_in_menus=False)
    if home.accessibility_statement_id is None:
        home.accessibility_statement = statement
        _publish(home)
    _ensure_translations(
        home, HOME, locales, accessibility_statement=home.accessibility_statement
    )
    _ensure_translations(about, ABOUT, locales)
    _ensure_translations(statement, ACCESSIBILITY, locales)
    return home


def ensure_partners(locales):
    source_locale = locales[SOURCE_LANGUAGE]
    for data in PARTNERS:
        fields = {k: v for k, v in data.items() if k != "presentation"}
        partner = PartnerInstitution.objects.filter(
            slug=data["slug"], locale=source_locale
        ).first()
        if partner is None:
            partner = PartnerInstitution.objects.create(
                locale=source_locale,
                presentation=data["presentation"][SOURCE_LANGUAGE],
                **fields,
            )
        for code, locale in locales.items():
            if code == SOURCE_LANGUAGE or partner.has_translation(locale):
                continue
            translation = partner.copy_for_translation(locale)
            translation.presentation = data["presentation"][code]
            translation.save()


def ensure_accounts():
    """Demo people, one per role; their passwords are reset to the documented ones."""
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=account["email"]).first()
        if user is None:
            user = User(email=account["email"], username=account["email"])
        user.first_name = account["first_name"]
        user.last_name = account["last_name"]
        user.is_superuser = user.is_staff = account.get("superuser", False)
        user.is_active = True
        user.set_password(account["password"])
        user.save()
        if account["role"]:
            user.groups.add(Group.objects.get(name=account["role"]))
        EmailAddress.objects.update_or_create(
            user=user,
            email=account["email"],
            defaults={"verified": True, "primary": True},
        )
    return DEMO_ACCOUNTS


def ensure_partner_people(locales):
    """Each demo editor and moderator in their own partner's space only."""
    User = get_user_model()
    joins = {"editor": add_editor, "moderator": add_moderator}
    for account in DEMO_ACCOUNTS:
        if "partner" not in account:
            continue
        partner = PartnerInstitution.objects.get(
            slug=account["partner"], locale=locales[SOURCE_LANGUAGE]
        )
        user = User.objects.get(email__iexact=account["email"])
        if user.partner_id != partner.pk:  # the institution they work for
            user.partner = partner
            user.save(update_fields=["partner"])
        if account.get("space_role"):
            joins[account["space_role"]](user, partner)


def _print(line):
    sys.stdout.write(f"{line}\n")


def ensure_h5p(course, report):
    """The demo H5P package, played in one unit of the demo course."""
    package = ensure_h5p_package(report)
    if package is None:
        return
    placed = ensure_h5p_activity(course, package)
    if placed is None:
        report("Demo H5P activity not placed: its unit is not in the demo course.")
        return
    unit, added = placed
    what = f'Demo H5P activity "{package.title}"'
    where = f'in the unit "{unit.title}"'
    if added:
        report(f"{what} added {where} ({', '.join(added)}).")
    else:
        report(f"{what} already {where}.")


def ensure_learning(locales, report=_print):
    """The demo course in five languages, its H5P activity and its two cohorts."""
    User = get_user_model()
    homes = {
        code: HomePage.objects.filter(locale=locale).first()
        for code, locale in locales.items()
    }
    course = ensure_catalogue(homes, locales)
    ensure_h5p(course, report)
    marseille = User.objects.get(email="formatrice@chainon.example")
    lisboa = User.objects.get(email="formador.lisboa@chainon.example")
    learner = User.objects.get(email="apprenant@chainon.example")
    ensure_cohorts(
        course,
        trainers={"marseille-sud": [marseille, lisboa], "lisboa": [lisboa, marseille]},
        extra_learners={"marseille-sud": [learner]},
    )


@transaction.atomic
def seed_demo(report=_print):
    """Seed the demo; ``report`` receives a line about what is worth telling
    (the H5P activity: added, already there, or skipped and why)."""
    locales = ensure_locales()
    ensure_pages(locales)
    ensure_partners(locales)
    accounts = ensure_accounts()
    ensure_partner_people(locales)
    ensure_learning(locales, report)
    # After the cohorts: their participants and months of recorded progress.
    report(ensure_demo_progress().line())
    ensure_partner_area(locales, report)
    return accounts
