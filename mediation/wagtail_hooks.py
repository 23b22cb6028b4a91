from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerInstitution


class PartnerInstitutionViewSet(SnippetViewSet):
    model = PartnerInstitution
    icon = "group"
    menu_label = _("Partners")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "kind", "country", "city"]
    list_filter = ["kind", "country"]
    search_fields = ["name", "city"]


register_snippet(PartnerInstitutionViewSet)
