"""The Wagtail admin's user forms, with the fields only an administrator sets.

The partner institution decides which figures a partner coordinator sees,
so it is set by an administrator, never by the person.  The
fewer-opportunities reasons are deliberately absent: they are self-declared
with consent on the person's own profile page, and nobody else sees them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from mediation.models import PartnerInstitution

ADMIN_PROFILE_FIELDS = ("partner", "country", "organisation", "territorial_role")


class PartnerChoicesMixin:
    """Partners exist once per language; the user points at the default one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        partner = self.fields["partner"]
        partner.queryset = PartnerInstitution.objects.filter(
            locale=Locale.get_default()
        ).order_by("name")
        partner.empty_label = _("No partner institution")


class ProfileUserCreationForm(PartnerChoicesMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | set(ADMIN_PROFILE_FIELDS)


class ProfileUserEditForm(PartnerChoicesMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | set(ADMIN_PROFILE_FIELDS)


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return ProfileUserEditForm if for_update else ProfileUserCreationForm
