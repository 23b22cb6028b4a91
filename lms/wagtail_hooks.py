import json
import uuid

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.roles import TRAINER
from lms.lrs_admin import LRSClientViewSet
from lms.models import Cohort, Credential, UnitPage


class CohortViewSet(SnippetViewSet):
    """Cohorts in the admin, for coordinators; trainers run theirs on the site."""

    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "course", "partner", "language", "start_date", "end_date"]
    list_filter = ["language", "partner"]
    search_fields = ["name", "territory"]


register_snippet(CohortViewSet)


class CredentialViewSet(SnippetViewSet):
    """Attestations of completion: issued by the platform, never made by
    hand; a coordinator may only revoke one (set its revocation date)."""

    model = Credential
    icon = "success"
    menu_label = _("Attestations")
    menu_order = 311
    add_to_admin_menu = True
    list_display = [
        "course_title",
        "learner",
        "completed_at",
        "issued_at",
        "revoked_at",
    ]
    panels = [FieldPanel("revoked_at")]


register_snippet(CredentialViewSet)


register_snippet(LRSClientViewSet)


class MyCohortsMenuItem(MenuItem):
    def is_shown(self, request):
        user = request.user
        return user.is_superuser or user.groups.filter(name=TRAINER).exists()


@hooks.register("register_admin_menu_item")
def register_my_cohorts_link():
    """Trainers run their cohorts on the site; the admin links there."""
    return MyCohortsMenuItem(
        _("My cohorts (site)"),
        reverse("lms:cohorts"),
        icon_name="user",
        order=320,
    )


def _cohorts_under(pages):
    """Cohorts following a course in these pages' subtrees, translations included."""
    keys = {page.translation_key for page in pages}
    condition = Q()
    for tree in Page.objects.filter(translation_key__in=keys):
        condition |= Q(course__path__startswith=tree.path)
    if not condition:
        return []
    return list(Cohort.objects.filter(condition).order_by("name")[:5])


def _refuse_deletion(request, cohorts):
    messages.error(
        request,
        _(
            "These pages hold a course that cohorts follow (%(cohorts)s): "
            "close or move the cohorts first, or unpublish the course instead."
        )
        % {"cohorts": ", ".join(cohort.name for cohort in cohorts)},
    )


@hooks.register("before_delete_page")
def keep_courses_that_cohorts_follow(request, page):
    cohorts = _cohorts_under([page])
    if cohorts:
        _refuse_deletion(request, cohorts)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("before_bulk_action")
def keep_courses_that_cohorts_follow_in_bulk(request, action_type, objects, view):
    if action_type != "delete" or not objects or not isinstance(objects[0], Page):
        return None
    cohorts = _cohorts_under(objects)
    if cohorts:
        _refuse_deletion(request, cohorts)
        return redirect("wagtailadmin_explore", objects[0].get_parent().pk)
    return None


@hooks.register("after_copy_page")
def give_copied_units_their_own_block_ids(request, page, new_page):
    """A copy is a new unit: its answers, reports and IRIs must not be the
    original's, so each of its blocks gets a new id (translations, made by
    wagtail-localize, keep theirs)."""
    for unit in UnitPage.objects.descendant_of(new_page, inclusive=True):
        body = [{**item, "id": str(uuid.uuid4())} for item in unit.body.raw_data]
        unit.body = body
        unit.save(update_fields=["body"])
        revision = unit.latest_revision
        if revision is not None and "body" in revision.content:
            stored = revision.content["body"]
            revision.content["body"] = (
                json.dumps(body) if isinstance(stored, str) else body
            )
            revision.save(update_fields=["content"])
