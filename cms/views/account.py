from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from cms.roles import ROLE_LABELS


@login_required
def account(request):
    """The signed-in person's own page: who they are, their roles, their links."""
    roles = [
        ROLE_LABELS[name]
        for name in request.user.groups.values_list("name", flat=True)
        if name in ROLE_LABELS
    ]
    return render(request, "cms/account.html", {"roles": roles})
