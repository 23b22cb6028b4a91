"""LRS clients in the Wagtail admin (settings menu).

Administrators create a client there, choosing its scopes, and see its
secret once, on the page that follows; only a hash is kept, so a lost
secret is replaced ("new secret"), never recovered.  The same rules as
``manage.py create_lrs_client``, which scripts use.
"""

from django import forms
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from lms.models import LRSClient


class LRSClientForm(WagtailAdminModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=LRSClient.Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("What the tool may do; give it no more than it needs."),
    )

    class Meta:
        model = LRSClient
        fields = ["name", "scopes", "active"]

    def clean_scopes(self):
        return sorted(set(self.cleaned_data["scopes"]))


def _credentials_page(request, client, secret):
    response = TemplateResponse(
        request,
        "lms/admin/lrs_client_credentials.html",
        {
            "client": client,
            "secret": secret,
            "endpoint": client.endpoint(),
            "index_url": reverse("wagtailsnippets_lms_lrsclient:list"),
        },
    )
    response["Cache-Control"] = "no-store"
    return response


class LRSClientCreateView(CreateView):
    def save_instance(self):
        self.secret = self.form.instance.new_credentials()
        return super().save_instance()

    def save_action(self):
        return _credentials_page(self.request, self.object, self.secret)


class LRSClientEditView(EditView):
    def get_header_more_buttons(self):
        buttons = list(super().get_header_more_buttons())
        buttons.append(
            Button(
                _("New secret"),
                url=reverse(
                    "wagtailsnippets_lms_lrsclient:new_secret", args=[self.object.pk]
                ),
                icon_name="key",
            )
        )
        return buttons


class LRSClientViewSet(SnippetViewSet):
    """Tools allowed to use the learning record store."""

    model = LRSClient
    icon = "key"
    menu_label = _("LRS clients")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["name", "key", "scopes", "active", "created_at"]
    add_view_class = LRSClientCreateView
    edit_view_class = LRSClientEditView
    panels = [FieldPanel("name"), FieldPanel("scopes"), FieldPanel("active")]

    def get_form_class(self, for_update=False):
        return LRSClientForm

    def new_secret_view(self, request, pk):
        """Replace a client's secret (POST), after a confirmation page (GET)."""
        client = get_object_or_404(LRSClient, pk=pk)
        if not self.permission_policy.user_has_permission_for_instance(
            request.user, "change", client
        ):
            return permission_denied(request)
        if request.method == "POST":
            secret = client.new_credentials()
            client.save(update_fields=["secret_hash"])
            return _credentials_page(request, client, secret)
        return TemplateResponse(
            request,
            "lms/admin/lrs_client_new_secret.html",
            {
                "client": client,
                "edit_url": reverse(
                    "wagtailsnippets_lms_lrsclient:edit", args=[client.pk]
                ),
            },
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "new-secret/<int:pk>/",
                never_cache(self.new_secret_view),
                name="new_secret",
            )
        ]
