from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import PartnerInstitution
from .spaces import hide_other_partners_drafts

# Wagtail's page chooser lists drafts to every admin user: a partner's
# editors must not read another partner's unpublished titles there.
hooks.register("construct_page_chooser_queryset", hide_other_partners_drafts)


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
