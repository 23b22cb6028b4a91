"""Trainers run their cohorts here, on the site rather than in the admin.

Every view that takes a cohort checks that the person runs it (403
otherwise): a trainer never sees or changes another trainer's learners.
"""

import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.enrolment import AlreadyInCourse, MoveRefused, enrol, enrol_by_email, move
from lms.forms import AddLearnerForm, AddTrainerForm, CohortForm, MoveForm
from lms.models import Cohort, Enrollment, FieldReport
from lms.notifications import notify, send_enrolment_email
from lms.permissions import is_trainer

LEARNERS_PER_PAGE = 50
COHORTS_PER_PAGE = 20


def trainer_required(view):
    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def cohort_run_by(request, cohort_id) -> Cohort:
    """The cohort, if this person runs it: 404 when missing, 403 when not theirs."""
    cohort = get_object_or_404(
        Cohort.objects.select_related("course", "partner"), pk=cohort_id
    )
    if not cohort.is_run_by(request.user):
        raise PermissionDenied
    return cohort


@trainer_required
def cohort_list(request):
    cohorts = (
        Cohort.objects.managed_by(request.user)
        .with_counts()
        .select_related("course", "partner")
        .order_by("-start_date", "name")
    )
    page = Paginator(cohorts, COHORTS_PER_PAGE).get_page(request.GET.get("page"))
    awaiting = dict(
        FieldReport.objects.for_trainer(request.user)
        .awaiting_review()
        .values_list("enrollment__cohort")
        .annotate(count=Count("pk"))
    )
    for cohort in page:
        cohort.reports_awaiting = awaiting.get(cohort.pk, 0)
    return render(request, "lms/cohorts/list.html", {"page": page})


@trainer_required
def cohort_create(request):
    form = CohortForm(request.POST or None, initial={"form_key": uuid.uuid4()})
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["form_key"]
        opened = Cohort.objects.filter(form_key=key).first() if key else None
        if opened is not None:  # the same form, posted again
            return redirect("lms:cohort", cohort_id=opened.pk)
        try:
            with transaction.atomic():
                cohort = form.save(commit=False)
                cohort.form_key = key
                cohort.save()
                cohort.trainers.add(request.user)
        except IntegrityError:
            opened = Cohort.objects.get(form_key=key)
            return redirect("lms:cohort", cohort_id=opened.pk)
        messages.success(request, _("The cohort is open."))
        return redirect("lms:cohort", cohort_id=cohort.pk)
    return render(request, "lms/cohorts/form.html", {"form": form})


@trainer_required
def cohort_edit(request, cohort_id):
    cohort = cohort_run_by(request, cohort_id)
    form = CohortForm(request.POST or None, instance=cohort)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The cohort was saved."))
        return redirect("lms:cohort", cohort_id=cohort.pk)
    return render(
        request,
        "lms/cohorts/form.html",
        {
            "form": form,
            "cohort": cohort,
            "trainers": cohort.trainers.order_by("last_name", "first_name"),
            "trainer_form": AddTrainerForm(),
        },
    )


@trainer_required
@require_POST
def cohort_trainers(request, cohort_id):
    """Add a co-trainer by e-mail, or remove one; a cohort keeps at least one."""
    cohort = cohort_run_by(request, cohort_id)
    if request.POST.get("action") == "remove":
        trainers = list(cohort.trainers.all())
        leaving = next(
            (t for t in trainers if str(t.pk) == request.POST.get("trainer")), None
        )
        if leaving is None:
            messages.error(request, _("This person does not run the cohort."))
        elif len(trainers) == 1:
            messages.error(request, _("A cohort needs at least one trainer."))
        else:
            cohort.trainers.remove(leaving)
            messages.success(
                request,
                _("%(name)s no longer runs the cohort.")
                % {"name": leaving.display_name},
            )
            if leaving == request.user and not request.user.is_superuser:
                return redirect("lms:cohorts")
        return redirect("lms:cohort-edit", cohort_id=cohort.pk)
    form = AddTrainerForm(request.POST)
    if form.is_valid():
        trainer = form.cleaned_data["email"]
        cohort.trainers.add(trainer)
        messages.success(
            request,
            _("%(name)s now runs the cohort too.") % {"name": trainer.display_name},
        )
    else:
        messages.error(request, form.errors["email"][0])
    return redirect("lms:cohort-edit", cohort_id=cohort.pk)


@trainer_required
@require_POST
def cohort_new_code(request, cohort_id):
    cohort = cohort_run_by(request, cohort_id)
    cohort.regenerate_join_code()
    messages.success(
        request, _("A new join code was made; the old one no longer works.")
    )
    return redirect("lms:cohort", cohort_id=cohort.pk)


def _enrollments(cohort, request):
    enrollments = cohort.enrollments.select_related("learner")
    status = request.GET.get("status", "")
    if status in Enrollment.Status.values:
        enrollments = enrollments.filter(status=status)
    query = request.GET.get("q", "").strip()[:100]
    if query:
        enrollments = enrollments.filter(
            Q(learner__email__icontains=query)
            | Q(learner__first_name__icontains=query)
            | Q(learner__last_name__icontains=query)
        )
    return enrollments, status, query


@trainer_required
def cohort_detail(request, cohort_id):
    cohort = cohort_run_by(request, cohort_id)
    add_form = AddLearnerForm(request.POST or None)
    if request.method == "POST" and add_form.is_valid():
        try:
            result = enrol_by_email(
                cohort,
                add_form.cleaned_data["email"],
                first_name=add_form.cleaned_data["first_name"],
                last_name=add_form.cleaned_data["last_name"],
            )
        except AlreadyInCourse as error:
            messages.error(request, error.message())
            return redirect("lms:cohort", cohort_id=cohort.pk)
        if not result.enrolled:
            messages.info(request, _("This person is already in the cohort."))
        elif result.invited:
            messages.success(
                request,
                _("An invitation was sent to %(email)s.")
                % {"email": result.enrollment.learner.email},
            )
        else:
            messages.success(
                request,
                _("%(name)s was added to the cohort.")
                % {"name": result.enrollment.learner.display_name},
            )
        return redirect("lms:cohort", cohort_id=cohort.pk)
    enrollments, status, query = _enrollments(cohort, request)
    page = Paginator(enrollments, LEARNERS_PER_PAGE).get_page(request.GET.get("page"))
    other_cohorts = (
        Cohort.objects.managed_by(request.user)
        .filter(course__translation_key=cohort.course.translation_key)
        .exclude(pk=cohort.pk)
    )
    counts = dict(cohort.enrollments.values_list("status").annotate(count=Count("pk")))
    return render(
        request,
        "lms/cohorts/detail.html",
        {
            "cohort": cohort,
            "page": page,
            "add_form": add_form,
            "move_form": MoveForm(cohorts=other_cohorts),
            "has_other_cohorts": other_cohorts.exists(),
            "status": status,
            "query": query,
            "counts": counts,
            "statuses": Enrollment.Status.choices,
            "join_url": request.build_absolute_uri(
                reverse("lms:join", kwargs={"code": cohort.join_code})
            ),
            "reports_awaiting": FieldReport.objects.filter(enrollment__cohort=cohort)
            .awaiting_review()
            .count(),
        },
    )


@trainer_required
@require_POST
def enrollment_action(request, cohort_id, enrollment_id):
    """Approve, withdraw, reinstate or move one learner of the cohort."""
    cohort = cohort_run_by(request, cohort_id)
    enrollment = get_object_or_404(cohort.enrollments, pk=enrollment_id)
    action = request.POST.get("action")
    name = enrollment.learner.display_name
    try:
        return _enrollment_action(request, cohort, enrollment, action, name)
    except AlreadyInCourse as error:
        messages.error(request, error.message())
        return redirect("lms:cohort", cohort_id=cohort.pk)


def _enrollment_action(request, cohort, enrollment, action, name):
    if action == "approve" and enrollment.status == Enrollment.Status.PENDING:
        enrol(cohort, enrollment.learner, source=enrollment.source)
        messages.success(request, _("%(name)s is now enrolled.") % {"name": name})
    elif (
        action == "resend"
        and enrollment.status == Enrollment.Status.ACTIVE
        and not enrollment.learner.has_usable_password()
    ):
        notify(send_enrolment_email, enrollment.pk, True, "")
        messages.success(
            request,
            _("The invitation was sent again to %(email)s.")
            % {"email": enrollment.learner.email},
        )
    elif action == "withdraw" and enrollment.status != Enrollment.Status.WITHDRAWN:
        enrollment.status = Enrollment.Status.WITHDRAWN
        enrollment.save(update_fields=["status", "updated_at"])
        messages.success(request, _("%(name)s was withdrawn.") % {"name": name})
    elif action == "reinstate" and enrollment.status == Enrollment.Status.WITHDRAWN:
        enrol(
            cohort, enrollment.learner, source=enrollment.source, notify_learner=False
        )
        messages.success(request, _("%(name)s is enrolled again.") % {"name": name})
    elif action == "move":
        others = Cohort.objects.managed_by(request.user).exclude(pk=cohort.pk)
        form = MoveForm(request.POST, cohorts=others)
        if not form.is_valid():
            messages.error(request, _("Choose one of your other cohorts."))
        else:
            target = form.cleaned_data["target"]
            try:
                move(enrollment, target)
            except MoveRefused as refusal:
                messages.error(
                    request,
                    _("This learner is already in that cohort.")
                    if str(refusal) == "already_there"
                    else _("A learner can only move to a cohort of the same course."),
                )
            else:
                messages.success(
                    request,
                    _("%(name)s moved to %(cohort)s.")
                    % {"name": name, "cohort": target.name},
                )
    else:
        messages.error(request, _("This action is not possible for this learner."))
    return redirect("lms:cohort", cohort_id=cohort.pk)
