"""The person's personal API tokens, on their account page.

A token is shown in full once, in the answer to the form that created it,
and never again: only its digest is kept. That answer is not a redirect
(the plaintext would have to be stored to survive one) and is marked
``no-store`` so neither the browser nor a proxy keeps a copy. Every lookup
goes through the signed-in person's own tokens: another person's token id
is a 404, like an unknown one.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cms.models import ApiToken

# Enough for every script of a partner; a bound on what a stolen session
# could mint.
MAX_ACTIVE_TOKENS = 20


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Name of the new token"),
        max_length=100,
        help_text=gettext_lazy(
            "What the token is for, so you recognise it later: "
            "“Museum collection sync”, “Enrolment script”…"
        ),
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Give the token a name."))
        return name


@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    """The list of the person's tokens, and the form that creates one."""
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        active = ApiToken.objects.active().filter(user=request.user).count()
        if active >= MAX_ACTIVE_TOKENS:
            form.add_error(
                None,
                _(
                    "You already have %(count)s active tokens: revoke one you "
                    "no longer use before creating another."
                )
                % {"count": active},
            )
        else:
            token, plaintext = ApiToken.issue(request.user, form.cleaned_data["name"])
            context = {
                "form": ApiTokenForm(),
                "new_token": token,
                "plaintext": plaintext,
            }
    context["tokens"] = ApiToken.objects.filter(user=request.user)
    response = render(request, "cms/api_tokens.html", context)
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_http_methods(["GET", "POST"])
def api_token_revoke(request, pk):
    """GET asks for confirmation; POST revokes (again: harmless)."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    if request.method == "POST":
        token.revoke()
        messages.success(
            request,
            _("The token “%(name)s” is revoked: it no longer opens the API.")
            % {"name": token.name},
        )
        return redirect("cms:api-tokens")
    return render(request, "cms/api_token_revoke.html", {"token": token})
