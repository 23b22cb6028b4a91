from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cms.forms import ProfileForm
from cms.models.profile import FewerOpportunity
from cms.roles import ROLE_LABELS


@login_required
def account(request):
    """The signed-in person's own page: who they are, their roles, their links.

    Only the person ever reaches it, so it is the one place where their
    declared situations are shown back to them.
    """
    roles = [
        ROLE_LABELS[name]
        for name in request.user.groups.values_list("name", flat=True)
        if name in ROLE_LABELS
    ]
    labels = dict(FewerOpportunity.choices)
    reasons = [labels[value] for value in request.user.declared_reasons()]
    return render(
        request, "cms/account.html", {"roles": roles, "declared_reasons": reasons}
    )


@login_required
def account_profile(request):
    """The person edits their own profile; the row is always the signed-in one.

    No id travels in the address or the form, and a fresh copy of the row is
    bound so a refused form leaves ``request.user`` untouched.
    """
    own_row = get_user_model().objects.get(pk=request.user.pk)
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, instance=own_row)
    if form.is_bound and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("cms:account")
    return render(request, "cms/account_profile.html", {"form": form})
