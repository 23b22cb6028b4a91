"""Co-construction: propose a contribution to a module, review it, build on it."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.rich_text import RichText

from lms.access import active_enrollment, is_course_staff
from lms.forms import ContributionForm, ContributionReviewForm
from lms.models import (
    Contribution,
    ContributionAttachment,
    ModulePage,
    UnitCoAuthor,
)
from lms.permissions import may_review_contribution
from lms.reviews import AlreadyReviewed, review_contribution
from media.responses import stored_file_response

from .cohorts import trainer_required

CONTRIBUTIONS_PER_PAGE = 30


@login_required
def contribute(request, module_id):
    module = get_object_or_404(ModulePage.objects.live(), pk=module_id)
    course = module.course
    if active_enrollment(request.user, course) is None and not is_course_staff(
        request.user, course
    ):
        raise PermissionDenied(_("Enrol in the course to contribute."))
    form = ContributionForm(
        request.POST or None,
        request.FILES or None,
        module=module,
        for_user=request.user,
        initial={"form_key": uuid.uuid4(), "kind": request.GET.get("kind")},
    )
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["form_key"]
        if Contribution.objects.filter(form_key=key).exists():
            # The same form posted twice: the first post made the contribution.
            return redirect(module.url)
        try:
            with transaction.atomic():
                contribution = form.save(commit=False)
                contribution.form_key = key
                contribution.module = module
                contribution.module_key = module.translation_key
                contribution.course_key = course.translation_key
                contribution.author = request.user
                contribution.save()
                if form.cleaned_data.get("attachment"):
                    ContributionAttachment.objects.create(
                        contribution=contribution,
                        file=form.cleaned_data["attachment"],
                    )
        except IntegrityError:
            return redirect(module.url)
        messages.success(
            request,
            _("Thank you! The course's trainers will review your contribution."),
        )
        return redirect(module.url)
    return render(
        request,
        "lms/contributions/form.html",
        {"module": module, "course": course, "form": form},
    )


@trainer_required
def contribution_list(request):
    contributions = (
        Contribution.objects.for_reviewer(request.user)
        .select_related("author", "module", "unit")
        .prefetch_related("attachments")
    )
    status = request.GET.get("status", Contribution.Status.SUBMITTED)
    if status in Contribution.Status.values:
        contributions = contributions.filter(status=status)
    page = Paginator(contributions, CONTRIBUTIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "lms/contributions/list.html",
        {"page": page, "status": status, "statuses": Contribution.Status.choices},
    )


def _reviewable(request, contribution_id) -> Contribution:
    contribution = get_object_or_404(
        Contribution.objects.select_related("author", "module", "unit"),
        pk=contribution_id,
    )
    if not may_review_contribution(request.user, contribution):
        raise PermissionDenied
    return contribution


@trainer_required
def contribution_review(request, contribution_id):
    contribution = _reviewable(request, contribution_id)
    form = ContributionReviewForm(request.POST or None)
    if (
        request.method == "POST"
        and contribution.status != Contribution.Status.SUBMITTED
    ):
        messages.error(request, _("This contribution was already reviewed."))
        return redirect("lms:contribution-review", contribution_id=contribution.pk)
    if request.method == "POST" and form.is_valid():
        try:
            review_contribution(
                contribution,
                request.user,
                form.cleaned_data["status"],
                form.cleaned_data["note"],
            )
        except AlreadyReviewed:
            messages.error(request, _("This contribution was already reviewed."))
            return redirect("lms:contribution-review", contribution_id=contribution.pk)
        messages.success(request, _("The author was told of your decision."))
        return redirect("lms:contributions")
    can_build = (
        contribution.status == Contribution.Status.ACCEPTED
        and contribution.unit is not None
        and contribution.unit.permissions_for_user(request.user).can_edit()
    )
    return render(
        request,
        "lms/contributions/review.html",
        {"contribution": contribution, "form": form, "can_build": can_build},
    )


@trainer_required
@require_POST
def contribution_to_unit(request, contribution_id):
    """Start a draft of the unit from an accepted contribution, author credited.

    The live unit is untouched: the draft goes through the course workflow
    like any other change.
    """
    contribution = _reviewable(request, contribution_id)
    unit = contribution.unit
    if contribution.status != Contribution.Status.ACCEPTED or unit is None:
        messages.error(
            request,
            _("Only an accepted contribution about a unit can start a draft of it."),
        )
        return redirect("lms:contribution-review", contribution_id=contribution.pk)
    if not unit.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if contribution.draft_revision_id is not None:
        messages.info(request, _("A draft was already started from it."))
        return redirect(reverse("wagtailadmin_pages:edit", args=[unit.pk]))
    draft = unit.get_latest_revision_as_object()
    if not any(a.person_id == contribution.author_id for a in draft.co_authors.all()):
        draft.co_authors.add(UnitCoAuthor(person=contribution.author))
    attribution = contribution.author.public_name
    draft.body.append(
        (
            "paragraph",
            RichText(
                f"<p><b>{escape(contribution.title)}</b> ({escape(attribution)})</p>"
                + "".join(
                    f"<p>{escape(line)}</p>"
                    for line in contribution.body.splitlines()
                    if line.strip()
                )
            ),
        )
    )
    revision = draft.save_revision(user=request.user, log_action=True)
    contribution.draft_revision = revision
    contribution.save(update_fields=["draft_revision"])
    messages.success(
        request,
        _("A draft of the unit now holds the contribution; review and submit it."),
    )
    return redirect(reverse("wagtailadmin_pages:edit", args=[unit.pk]))


def contribution_attachment(request, attachment_id):
    """A contribution's file: public once accepted, else its author's and
    the course trainers' only."""
    attachment = get_object_or_404(
        ContributionAttachment.objects.select_related("contribution"),
        pk=attachment_id,
    )
    contribution = attachment.contribution
    user = request.user
    allowed = contribution.status == Contribution.Status.ACCEPTED or (
        user.is_authenticated
        and (
            contribution.author_id == user.pk
            or Contribution.objects.for_reviewer(user)
            .filter(pk=contribution.pk)
            .exists()
        )
    )
    if not allowed:
        raise Http404
    return stored_file_response(request, attachment.file.storage, attachment.file.name)
