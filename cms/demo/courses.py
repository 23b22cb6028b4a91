"""The demo course as Wagtail pages, and its two cohorts.

Block ids are derived from the course, unit and block position, so every
translation of a unit carries the same ids as the French original, as
wagtail-localize would make them: answers, field reports and activity IRIs
name the same block in every language.
"""

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.html import escape

from cms.roles import LEARNER
from lms.models import Cohort, CourseIndexPage, CoursePage, ModulePage, UnitPage
from mediation.models import PartnerInstitution

from .course import COHORTS, COURSE

SOURCE_LANGUAGE = "fr"
DEMO_NAMESPACE = uuid.UUID("6f1c1a52-8a6c-4f55-9d0e-3d2f5c1b7a10")

# The demo's H5P activity (cms.demo.h5p) closes this unit; the activity
# itself is in French, as the block titles of the other languages say.
H5P_UNIT_SLUG = "role-des-habitants-relais"
H5P_BLOCK_TITLES = {
    "fr": "Vrai ou faux : une sortie au musée avec des habitant·es-relais",
    "en": "True or false: a museum outing with resident relays (in French)",
    "pt": "Verdadeiro ou falso: uma saída ao museu com moradores-relé (em francês)",
    "es": "Verdadero o falso: una salida al museo con vecinos-enlace (en francés)",
    "it": "Vero o falso: un'uscita al museo con abitanti-ponte (in francese)",
}

CATALOGUE = {
    "fr": {"title": "Formations", "slug": "formations"},
    "en": {"title": "Courses", "slug": "courses"},
    "pt": {"title": "Formações", "slug": "formacoes"},
    "es": {"title": "Formaciones", "slug": "formaciones"},
    "it": {"title": "Corsi", "slug": "corsi"},
}
CATALOGUE_INTRO = {
    "fr": "Les parcours de formation-action du réseau Digital Culture Link.",
    "en": "The action-based training courses of the Digital Culture Link network.",
    "pt": "Os percursos de formação-ação da rede Digital Culture Link.",
    "es": "Los itinerarios de formación-acción de la red Digital Culture Link.",
    "it": "I percorsi di formazione-azione della rete Digital Culture Link.",
}


def _block_id(*parts) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(p) for p in parts)))


def _block(block_type, value, block_id):
    if block_type == "heading":
        return "heading", {"text": value, "level": "h2"}
    if block_type == "quote":
        person, _sep, role = value["attribution"].partition(", ")
        return "testimony", {"text": value["text"], "person": person, "role": role}
    if block_type == "checklist":
        # List items in Wagtail's own format (with ids), which wagtail-localize
        # offers for translation one by one.
        items = [
            {"type": "item", "value": item, "id": _block_id(block_id, n)}
            for n, item in enumerate(value["items"])
        ]
        return "checklist", {**value, "items": items}
    return block_type, value


def unit_body(unit_slug, blocks):
    body = []
    for position, (block_type, value) in enumerate(blocks):
        block_id = _block_id(COURSE["slug"], unit_slug, position)
        block_type, value = _block(block_type, value, block_id)
        body.append(
            {
                "type": block_type,
                "value": value,
                "id": block_id,
            }
        )
    return body


def _publish(page):
    page.save_revision().publish()
    return page


def _translated(source, locale, build):
    """The translation of ``source`` in ``locale``, created from ``build()``."""
    existing = source.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    parent = source.get_parent().specific
    if not parent.is_root():
        parent = parent.get_translation(locale)
    page = build()
    page.locale = locale
    page.translation_key = source.translation_key
    parent.add_child(instance=page)
    return _publish(page)


def _course_fields(code):
    texts = COURSE["texts"][code]
    objectives = "".join(f"<li>{escape(item)}</li>" for item in texts["objectives"])
    return {
        "title": texts["title"],
        "slug": texts["slug"],
        "intro": texts["intro"],
        "objectives": f"<ul>{objectives}</ul>",
        "audience": texts["audience"],
        "prerequisites": texts["prerequisites"],
        "duration_hours": COURSE["duration_hours"],
        "licence": COURSE["licence"],
    }


def ensure_catalogue(home_pages, locales):
    """The catalogue under each home page, and the course tree in five languages."""
    home = home_pages[SOURCE_LANGUAGE]
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue is None:
        catalogue = CourseIndexPage(
            show_in_menus=True,
            intro=CATALOGUE_INTRO[SOURCE_LANGUAGE],
            **CATALOGUE[SOURCE_LANGUAGE],
        )
        home.add_child(instance=catalogue)
        _publish(catalogue)
    lead = PartnerInstitution.objects.filter(
        slug=COURSE["lead_partner_slug"], locale=home.locale
    ).first()

    course = CoursePage.objects.child_of(catalogue).filter(slug=COURSE["slug"]).first()
    if course is None:
        course = CoursePage(lead_partner=lead, **_course_fields(SOURCE_LANGUAGE))
        catalogue.add_child(instance=course)
        _publish(course)
    modules = []
    for module_data in COURSE["modules"]:
        texts = module_data["texts"][SOURCE_LANGUAGE]
        module = ModulePage.objects.child_of(course).filter(slug=texts["slug"]).first()
        if module is None:
            module = ModulePage(title=texts["title"], slug=texts["slug"])
            module.intro = texts["intro"]
            course.add_child(instance=module)
            _publish(module)
        units = []
        for unit_data in module_data["units"]:
            units.append((unit_data, _ensure_unit(module, unit_data)))
        modules.append((module_data, module, units))

    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            continue
        _translated(
            catalogue,
            locale,
            lambda code=code: CourseIndexPage(
                show_in_menus=True, intro=CATALOGUE_INTRO[code], **CATALOGUE[code]
            ),
        )
        _translated(
            course,
            locale,
            lambda code=code, locale=locale: CoursePage(
                lead_partner=_partner_in(lead, locale), **_course_fields(code)
            ),
        )
        for module_data, module, units in modules:
            texts = module_data["texts"][code]
            _translated(
                module,
                locale,
                lambda texts=texts: ModulePage(
                    title=texts["title"], slug=texts["slug"], intro=texts["intro"]
                ),
            )
            for unit_data, unit in units:
                _translated(unit, locale, lambda u=unit_data, c=code: _unit_page(u, c))
    return course


def _partner_in(partner, locale):
    if partner is None:
        return None
    return partner.get_translation_or_none(locale) or partner


def _unit_page(unit_data, code):
    texts = unit_data["texts"][code]
    return UnitPage(
        title=texts["title"],
        slug=texts["slug"],
        intro=texts["intro"],
        duration_minutes=unit_data["duration_minutes"],
        body=unit_body(unit_data["slug"], texts["body"]),
    )


def _ensure_unit(module, unit_data):
    slug = unit_data["texts"][SOURCE_LANGUAGE]["slug"]
    unit = UnitPage.objects.child_of(module).filter(slug=slug).first()
    if unit is None:
        unit = _unit_page(unit_data, SOURCE_LANGUAGE)
        module.add_child(instance=unit)
        _publish(unit)
    return unit


def h5p_block_id() -> str:
    """The demo H5P activity's block id, the same in every language."""
    return _block_id(COURSE["slug"], H5P_UNIT_SLUG, "h5p_activity")


def _h5p_block(package, code):
    return {
        "type": "h5p_activity",
        "value": {
            "package": str(package.pk),
            "title": H5P_BLOCK_TITLES.get(code, H5P_BLOCK_TITLES[SOURCE_LANGUAGE]),
            # Optional: the demo learners' progress stays what it was.
            "required": False,
            "passing_score": None,
        },
        "id": h5p_block_id(),
    }


def ensure_h5p_activity(course, package):
    """The H5P activity at the end of the unit on habitant·es-relais, in
    every language of the unit; a translation that already has it (or had
    it moved or changed by an editor) is left alone.  Returns the French
    unit and the codes of the languages it was added in, or None when the
    unit is gone."""
    unit = UnitPage.objects.descendant_of(course).filter(slug=H5P_UNIT_SLUG).first()
    if unit is None:
        return None
    added = []
    pages = UnitPage.objects.filter(translation_key=unit.translation_key)
    for page in pages.select_related("locale").order_by("pk"):
        if any(item.get("id") == h5p_block_id() for item in page.body.raw_data):
            continue
        code = page.locale.language_code
        page.body = [*page.body.raw_data, _h5p_block(package, code)]
        _publish(page)
        added.append(code)
    return unit, added


def create_cohort(course, data, name, today, **extra):
    """A demo cohort from its description: partner slug, language,
    territory, start (days from today) and length in days."""
    start = today + timedelta(days=data["start_offset_days"])
    return Cohort.objects.create(
        name=name,
        course=course,
        partner=PartnerInstitution.objects.get(
            slug=data["partner_slug"], locale=course.locale
        ),
        language=data["language"],
        territory=data["territory"],
        start_date=start,
        end_date=start + timedelta(days=data["length_days"]),
        **extra,
    )


def ensure_cohorts(course, trainers, extra_learners):
    """Marseille Sud and Lisboa, with their trainers and learners."""
    from lms.models import Enrollment

    User = get_user_model()
    learner_group = Group.objects.get(name=LEARNER)
    today = timezone.localdate()
    cohorts = []
    for data in COHORTS:
        name = data["name"][data["language"]]
        cohort = Cohort.objects.filter(name=name).first()
        if cohort is None:
            cohort = create_cohort(
                course,
                data,
                name,
                today,
                join_requires_approval=data["requires_approval"],
            )
        cohort.trainers.add(*trainers[data["key"]])
        people = list(extra_learners.get(data["key"], []))
        for person in data["learners"]:
            user = User.objects.filter(email__iexact=person["email"]).first()
            if user is None:
                user = User(
                    email=person["email"],
                    username=person["email"],
                    first_name=person["first_name"],
                    last_name=person["last_name"],
                )
                user.set_unusable_password()
                user.save()
                user.groups.add(learner_group)
            people.append(user)
        for user in people:
            Enrollment.objects.get_or_create(
                cohort=cohort,
                learner=user,
                defaults={"source": Enrollment.Source.ADDED},
            )
        cohorts.append(cohort)
    return cohorts
