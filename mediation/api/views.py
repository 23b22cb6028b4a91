"""The partner institutions and their mediation resources.

Partners, for anyone: the network's public directory. A partner exists
once per language; a list shows one translation of each, in the site's
default language unless ``?language=`` asks for another.

Resources, for anyone to read when live and public; their partner's
editors also read their drafts, create resources in their partner's space
and change them, under Wagtail's page permissions, exactly as in the
admin: who may add under a partner's index page may create there, who may
edit a page may change it (each change a new revision, the published
version staying until a moderator publishes), and a page waiting in
moderation is locked to all but its reviewers. Deleting stays in the admin.
"""

from functools import cached_property, reduce
from operator import or_

from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission
from rest_framework.response import Response
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import WorkflowState
from wagtail.permissions import page_permission_policy

from cms.api.errors import PROBLEM_CONTENT_TYPE, Conflict
from cms.api.views import ApiViewSetMixin
from mediation.api.filters import ResourceFilter
from mediation.api.resource_writes import (
    ResourceCreateSerializer,
    ResourcePlaceSerializer,
    ResourceUpdateSerializer,
)
from mediation.api.serializers import PartnerSerializer, ResourceSerializer
from mediation.models import (
    MediationResourcePage,
    PartnerIndexPage,
    PartnerInstitution,
    ResourceTag,
)

# Wagtail's page ids are 32-bit: a longer number is the router's 404, not
# a database overflow.
PAGE_ID = "[0-9]{1,9}"


class PartnerFilter(filters.FilterSet):
    language = filters.ChoiceFilter(
        field_name="locale__language_code",
        choices=settings.LANGUAGES,
        help_text=_(
            "The language of the translations listed; the site's default "
            "language if not given."
        ),
    )
    translation_key = filters.UUIDFilter(
        help_text=_("Only the translations of one partner (its translation key).")
    )

    class Meta:
        model = PartnerInstitution
        fields = ["language", "translation_key"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("language"):
            data = data.copy()
            data["language"] = get_supported_content_language_variant(
                settings.LANGUAGE_CODE
            )
        super().__init__(data, *args, **kwargs)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the partner institutions"),
        description=_(
            "The network's partners, one translation each, in the site's "
            "default language unless another is asked for. Anyone may read them."
        ),
    ),
    retrieve=extend_schema(
        summary=_("Read a partner institution"),
        description=_("One partner institution, in the language of its id."),
    ),
)
class PartnerViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [AllowAny]
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    # 64-bit ids: a longer number is the router's 404, not a database overflow.
    lookup_value_regex = "[0-9]{1,18}"
    ordering = ["pk"]
    ordering_fields = ["id", "name"]

    def get_queryset(self):
        return PartnerInstitution.objects.select_related("locale")


# -- Mediation resources ---------------------------------------------------------

WRITE_ACTIONS = ("create", "update", "partial_update")


def _schema_only(view) -> bool:
    """drf-spectacular builds the schema with no real reader."""
    return getattr(view, "swagger_fake_view", False)


def default_language() -> str:
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


class EditRights:
    """Where a person may add and edit pages, read once per request from
    their groups' page permissions, by the rules of Wagtail's
    ``PagePermissionTester``: "change" on a page or above it allows editing
    it, "add" allows adding under it and editing the pages one owns; a
    superuser may do everything. A partner's editors and moderators hold
    them on the partner's index pages (``mediation.spaces``), network
    coordinators on the whole tree.
    """

    def __init__(self, user):
        self.user = user
        active = bool(user and user.is_authenticated and user.is_active)
        self.everything = active and user.is_superuser
        self.change_paths: list[str] = []
        self.add_paths: list[str] = []
        if active and not self.everything:
            for grant in page_permission_policy.get_cached_permissions_for_user(user):
                action = grant.permission.codename.rsplit("_", 1)[0]
                if action == "change":
                    self.change_paths.append(grant.page.path)
                elif action == "add":
                    self.add_paths.append(grant.page.path)

    def may_edit(self, page) -> bool:
        if self.everything:
            return True
        if any(page.path.startswith(path) for path in self.change_paths):
            return True
        return (
            self.user.pk is not None
            and page.owner_id == self.user.pk
            and any(page.path.startswith(path) for path in self.add_paths)
        )

    def editable_q(self) -> Q | None:
        """The pages ``may_edit`` allows, as a filter (None: none at all)."""
        conditions = [Q(path__startswith=path) for path in self.change_paths]
        conditions += [
            Q(path__startswith=path, owner=self.user) for path in self.add_paths
        ]
        return reduce(or_, conditions) if conditions else None

    def index_pages(self):
        """The partner index pages a new resource may be added under."""
        pages = PartnerIndexPage.objects.filter(alias_of__isnull=True)
        if self.everything:
            return pages
        if not self.add_paths:
            return pages.none()
        return pages.filter(
            reduce(or_, (Q(path__startswith=path) for path in self.add_paths))
        )


def resources_visible_to(rights: EditRights):
    """Live, public resources, and those the person may edit (drafts
    included). Aliases, placeholders in another locale that nobody edits,
    are left out."""
    pages = MediationResourcePage.objects.filter(alias_of__isnull=True)
    if rights.everything:
        return pages
    public = pages.live().public()
    editable = rights.editable_q()
    if editable is None:
        return public
    return public | pages.filter(editable)


class ResourcePermission(BasePermission):
    """Writing needs a person, and creating a right to add under some
    partner's page; the methods the API does not offer are a 405 for all."""

    message = _(
        "You may not create mediation resources: only a partner's editors "
        "may, in their partner's space."
    )

    def has_permission(self, request, view):
        if view.action not in WRITE_ACTIONS:
            return True  # unsupported methods: a 405 for everybody
        if not (request.user and request.user.is_authenticated):
            return False
        if view.action == "create":
            return view.rights.index_pages().exists()
        return True


class ResourceLocked(Conflict):
    default_detail = _(
        "This resource is waiting for moderation (or locked in the admin): "
        "only its reviewers may change it until then."
    )
    default_code = "locked"


class ResourceInModeration(Conflict):
    default_detail = _("This resource is already waiting for moderation.")
    default_code = "in_moderation"


CONFLICT = OpenApiResponse(
    response={"$ref": "#/components/schemas/Problem"},
    description=_(
        "The resource is waiting for moderation (or locked in the admin), so "
        "only its reviewers may change it; or it is already submitted."
    ),
)
RESOURCE_FIELDS_NOTE = _(
    "Media items are uploaded and attached in the admin. A draft must be "
    "complete: the same rules as the admin's form apply (vocabularies, "
    "rights statement, ages, hazards, a slug unique in the partner's space)."
)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the mediation resources"),
        description=_(
            "Every live, public resource, in every language unless ?language= "
            "asks for one; a partner's editors also see their partner's "
            "drafts (status says where each stands). Lists show each resource "
            "as stored: the published version of a live resource, whose newer "
            "draft (has_unpublished_changes) its editors read on its own URL."
        ),
    ),
    retrieve=extend_schema(
        summary=_("Read a mediation resource"),
        description=_(
            "A live, public resource; or, for who may edit it, its latest "
            "version, draft included. Any other id is not found (404)."
        ),
    ),
    create=extend_schema(
        summary=_("Create a mediation resource"),
        description=_(
            "A partner's editor creates a resource in their partner's space, "
            "as a draft (never published directly), in the language asked. "
            "With submit_for_moderation it goes to the partner's moderation "
            "workflow, where a moderator approves (publishes) it in the admin. "
            "Creating for another partner is refused (403)."
        )
        + " "
        + RESOURCE_FIELDS_NOTE,
        request=ResourceCreateSerializer,
        responses={status.HTTP_201_CREATED: ResourceSerializer},
    ),
    update=extend_schema(
        summary=_("Replace a mediation resource's fields"),
        description=_(
            "Who may edit the resource saves a new version, as a draft: a "
            "live resource stays as published until a moderator publishes "
            "the new version. The required fields must all be given; the "
            "others left out keep their value. A resource waiting for "
            "moderation is locked to all but its reviewers (409); one you "
            "may read but not edit is refused (403)."
        )
        + " "
        + RESOURCE_FIELDS_NOTE,
        request=ResourceUpdateSerializer,
        responses={
            status.HTTP_200_OK: ResourceSerializer,
            (status.HTTP_409_CONFLICT, PROBLEM_CONTENT_TYPE): CONFLICT,
        },
    ),
    partial_update=extend_schema(
        summary=_("Change some of a mediation resource's fields"),
        description=_(
            "As the full replacement, with only the fields given: a new "
            "version saved as a draft, submitted for moderation if asked."
        ),
        request=ResourceUpdateSerializer,
        responses={
            status.HTTP_200_OK: ResourceSerializer,
            (status.HTTP_409_CONFLICT, PROBLEM_CONTENT_TYPE): CONFLICT,
        },
    ),
)
class ResourceViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [ResourcePermission]
    serializer_class = ResourceSerializer
    filterset_class = ResourceFilter
    lookup_value_regex = PAGE_ID
    ordering = ["pk"]
    ordering_fields = ["id", "title"]

    def get_permissions(self):
        # Reading is open (the queryset decides what), which the schema
        # learns from ``AllowAny``: no credentials needed.
        if self.request is not None and self.request.method in SAFE_METHODS:
            return [AllowAny()]
        return super().get_permissions()

    @cached_property
    def rights(self) -> EditRights:
        return EditRights(self.request.user)

    def get_queryset(self):
        if _schema_only(self):  # ``public()`` reads the view restrictions
            return MediationResourcePage.objects.none()
        pages = (
            resources_visible_to(self.rights)
            .select_related("locale", "partner")
            .prefetch_related(
                Prefetch("tagged_items", ResourceTag.objects.select_related("tag")),
                "contributors",
                "media_items",
            )
        )
        if self.rights.everything or self.rights.editable_q() is not None:
            # What ``prefetch_workflow_states()`` does for ``Page`` querysets;
            # on a page type's own manager it reads the relation keyed by the
            # base content type and finds nothing, so name the specific one.
            pages = pages.prefetch_related(
                Prefetch(
                    "_specific_workflow_states",
                    WorkflowState.objects.active().select_related(
                        "current_task_state__task"
                    ),
                    to_attr="_current_workflow_states",
                )
            )
        return pages

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "rights": self.rights}

    def get_serializer_class(self):
        if self.action == "create":
            return ResourceCreateSerializer
        if self.action in ("update", "partial_update"):
            return ResourceUpdateSerializer
        return ResourceSerializer

    def get_object(self):
        page = self._as_shown(super().get_object())
        self._object_read = page
        return page

    def _as_shown(self, page):
        """The latest version, draft included, for who may edit the page
        (what the admin's editor opens); the stored page for anyone else."""
        if not (self.rights.may_edit(page) and page.has_unpublished_changes):
            return page
        latest = page.get_latest_revision_as_object()
        if hasattr(page, "_current_workflow_states"):
            latest._current_workflow_states = page._current_workflow_states
        return latest

    def _shown(self, pk: int, **kwargs) -> Response:
        page = self._as_shown(self.get_queryset().get(pk=pk))
        data = ResourceSerializer(page, context=self.get_serializer_context()).data
        return Response(data, **kwargs)

    def create(self, request, *args, **kwargs):
        parent, place_errors = self._place(request.data)
        serializer = ResourceCreateSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        errors = {} if serializer.is_valid() else dict(serializer.errors)
        errors.update(place_errors)
        if errors:
            raise exceptions.ValidationError(errors)
        page = serializer.save(user=request.user, parent=parent)
        location = request.build_absolute_uri(
            reverse("mediation-api:resource-detail", args=[page.pk])
        )
        return self._shown(
            page.pk, status=status.HTTP_201_CREATED, headers={"Location": location}
        )

    def _place(self, data) -> tuple[PartnerIndexPage | None, dict]:
        """The partner index page a new resource goes under, or the field
        errors saying why there is none. Checked before the rest of the
        body, as the admin refuses the form of another partner's page
        before reading it: someone else's partner is a 403."""
        if not isinstance(data, dict):
            return None, {}
        place = ResourcePlaceSerializer(
            data={key: data[key] for key in ("partner", "language") if key in data}
        )
        if not place.is_valid():
            return None, {}  # the whole body's validation names these errors
        language = place.validated_data.get("language") or default_language()
        partner_id = place.validated_data.get("partner")
        pages = PartnerIndexPage.objects.filter(alias_of__isnull=True).order_by("path")
        if partner_id is None:
            mine = self.rights.index_pages().filter(locale__language_code=language)
            keys = set(mine.values_list("partner__translation_key", flat=True))
            if len(keys) != 1:
                message = (
                    _(
                        "Say which partner the resource is for: you add resources "
                        "for several."
                    )
                    if keys
                    else _("You may add resources for no partner in this language.")
                )
                return None, {"partner": [message]}
            parent = mine.order_by("path").first()
        else:
            partner = PartnerInstitution.objects.filter(pk=partner_id).first()
            if partner is None:
                return None, {"partner": [_("No partner institution has this id.")]}
            pages = pages.filter(partner__translation_key=partner.translation_key)
            parent = pages.filter(locale__language_code=language).first()
            if parent is None:
                if pages.exists():
                    message = _("This partner has no page in this language.")
                    return None, {"language": [message]}
                message = _("This partner has no page to publish resources under.")
                return None, {"partner": [message]}
        permissions = parent.permissions_for_user(self.request.user)
        if not (
            permissions.can_add_subpage()
            and MediationResourcePage in parent.creatable_subpage_models()
            and MediationResourcePage.can_create_at(parent)
        ):
            raise exceptions.PermissionDenied(
                _("You may not add resources in this partner's space.")
            )
        return parent, {}

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        page = self.get_object()
        permissions = page.permissions_for_user(request.user)
        if not permissions.can_edit():
            raise exceptions.PermissionDenied(
                _("You may read this resource but not change it.")
            )
        if permissions.page_locked():
            raise ResourceLocked()
        serializer = ResourceUpdateSerializer(
            page,
            data=request.data,
            partial=partial,
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        if serializer.validated_data.get("submit_for_moderation") and (
            page.workflow_in_progress
        ):
            raise ResourceInModeration()
        serializer.save(user=request.user)
        return self._shown(page.pk)

    def partial_update(self, request, *args, **kwargs):
        return self.update(request, *args, partial=True, **kwargs)
