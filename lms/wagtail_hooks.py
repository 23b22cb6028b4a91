from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.roles import TRAINER
from lms.models import Cohort


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
