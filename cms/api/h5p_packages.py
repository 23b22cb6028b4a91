"""H5P packages through the API: a script uploads a package and follows its check.

The rules are the Wagtail admin's (``media.h5p_admin``), asked through the
same permission policy: the same people, the same collections, the same
packages. A package is created from a finished direct upload (``/api/media/
uploads/``, the admin's upload widget's endpoints, which take API tokens
too), saved as "processing" and handed to the same background task as the
admin's form; the client then reads it until it is ready or rejected.

The view lives in ``cms`` because ``media`` may import nothing of ours.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from wagtail.actions import action_registry

from cms.api.serializers import StrictSerializerMixin
from cms.api.views import ApiViewSetMixin
from media.h5p_admin import packages_visible_to, permission_policy, process_on_commit
from media.h5p_models import H5PPackage
from media.models import Upload
from media.uploads.service import UploadFailed, redeem

# Any one path segment reaches the view, which answers a malformed id as it
# answers an unknown one (404, or 401/403 first): Django's catch-all for
# unknown addresses would refuse a write without a CSRF token before that.
PACKAGE_ID = "[^/]+"
# The unit body's block that plays a package (``lms.blocks.H5PActivityBlock``).
EMBED_BLOCK_TYPE = "h5p_activity"
# A BCP 47 language tag as H5P writes them (``fr``, ``pt-br``, ``und``).
LANGUAGE_TAG = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$"
ADMIN_ACCESS = "wagtailadmin.access_admin"
# What the admin's H5P index and inspect views ask (any one of them).
ADMIN_SCREENS = ["add", "change", "delete", "view"]
MAX_COLLECTION_ID = 2**31 - 1  # Wagtail's collection ids are 32-bit


def upload_target() -> str:
    """What a direct upload for a package names as its target."""
    return H5PPackage._meta.get_field("file").target


def addable_collections(user):
    """Where ``user`` may add packages: the admin form's collection choices."""
    return permission_policy.collections_user_has_permission_for(user, "add")


def _schema_only(view) -> bool:
    """drf-spectacular builds the schema with no real reader."""
    return getattr(view, "swagger_fake_view", False)


class PackageProcessing(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = _(
        "The package is still being checked and unpacked; change it once it "
        "is ready or rejected."
    )
    default_code = "processing"


class MayWorkWithH5PPackages(BasePermission):
    """The admin's doors: its H5P screens need admin access and a right on
    packages in some collection (adding needs "add"); changing a package
    needs the right to change that one (its collection's, or owning it
    with "add" there)."""

    message = _(
        "Your account may not work with H5P packages (ask for rights on a "
        "collection in the admin)."
    )

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        if view.action is None:
            return True  # a method the endpoint does not have: its 405
        if not user.has_perm(ADMIN_ACCESS):
            return False
        if view.action == "create":
            return permission_policy.user_has_permission(user, "add")
        return permission_policy.user_has_any_permission(user, ADMIN_SCREENS)

    def has_object_permission(self, request, view, obj):
        if view.action == "partial_update":
            return permission_policy.user_has_permission_for_instance(
                request.user, "change", obj
            )
        return True


# --- Serializers ------------------------------------------------------------------


class ReasonSerializer(serializers.Serializer):
    path = serializers.CharField(
        read_only=True,
        help_text=_(
            "The file inside the package the rule is about; empty for the "
            "package as a whole."
        ),
    )
    rule = serializers.CharField(
        read_only=True,
        help_text=_(
            "A stable code for the broken rule (path.dotdot, "
            "library.not_installed, content.extension…), for scripts to key on."
        ),
    )
    message = serializers.CharField(
        read_only=True, help_text=_("The reason, as one English sentence.")
    )


class EmbedSerializer(serializers.Serializer):
    block_type = serializers.CharField(
        read_only=True,
        help_text=_("The block of a unit's body that plays a package: h5p_activity."),
    )
    package = serializers.UUIDField(
        read_only=True,
        help_text=_("The value of that block's package field: this package's id."),
    )


class H5PPackageSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """An H5P package and where its check has got to."""

    reasons = ReasonSerializer(
        many=True,
        read_only=True,
        help_text=_(
            "Every rule the package breaks, when it is rejected; empty otherwise."
        ),
    )
    collection = serializers.IntegerField(
        source="collection_id",
        read_only=True,
        help_text=_("The id of the collection the package belongs to."),
    )
    embed = serializers.SerializerMethodField(
        help_text=_(
            "How to play the package in a unit, once it is ready: the block "
            "type and the value of its package field. Null until then."
        )
    )

    class Meta:
        model = H5PPackage
        fields = [
            "id",
            "title",
            "status",
            "reasons",
            "collection",
            "size",
            "checksum",
            "main_library",
            "licence",
            "language",
            "created_at",
            "updated_at",
            "embed",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The package's id (a UUID).")},
            "title": {"help_text": _("The title editors see when they choose it.")},
            "status": {
                "help_text": _(
                    "processing: being checked and unpacked; ready: usable in "
                    "units; rejected: refused (see reasons)."
                )
            },
            "size": {
                "help_text": _("The .h5p file's size in bytes, once it was read.")
            },
            "checksum": {
                "help_text": _("The .h5p file's SHA-256, in hexadecimal, once read.")
            },
            "main_library": {
                "help_text": _(
                    "The content type, as a library name and version "
                    "(H5P.TrueFalse 1.6), once the package is ready."
                )
            },
            "licence": {
                "help_text": _("The licence the package declares (h5p.json's license).")
            },
            "language": {"help_text": _("The language the package declares.")},
            "created_at": {"help_text": _("When the package was uploaded.")},
            "updated_at": {"help_text": _("When the package last changed.")},
        }

    @extend_schema_field(EmbedSerializer(allow_null=True))
    def get_embed(self, package):
        if package.status != H5PPackage.Status.READY:
            return None
        return {"block_type": EMBED_BLOCK_TYPE, "package": str(package.pk)}


class H5PPackageCreateSerializer(StrictSerializerMixin, serializers.Serializer):
    """What the admin's upload form asks: a title, the file, a collection."""

    #: Fields the package itself states: refused here with a hint, not a
    #: bare "unknown field", because a client may well expect to send them.
    read_from_package = ("licence", "language")
    read_from_package_message = _(
        "Read from the package's h5p.json when it is processed; change it "
        "with PATCH once the package is ready."
    )

    title = serializers.CharField(
        max_length=255,
        help_text=_("The title editors will see when they choose the package."),
    )
    upload = serializers.CharField(
        max_length=2000,
        help_text=_(
            "The token of a finished direct upload: the token field of "
            "POST /api/media/uploads/<id>/complete/'s answer, for an upload "
            "you made with the target media.h5ppackage.file. It is spent "
            "once the package is saved."
        ),
    )
    collection = serializers.IntegerField(
        min_value=1,
        max_value=MAX_COLLECTION_ID,
        required=False,
        help_text=_(
            "The id of a collection you may add packages to. Needed only if "
            "you may add packages to more than one."
        ),
    )

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError as error:
            if isinstance(error.detail, dict):
                for name in self.read_from_package:
                    if name in error.detail:
                        error.detail[name] = [
                            exceptions.ErrorDetail(
                                str(self.read_from_package_message), code="read_only"
                            )
                        ]
            raise

    @property
    def _user(self):
        return self.context["request"].user

    def validate_upload(self, token):
        target, user = upload_target(), self._user
        try:
            upload = redeem(token, target, user)
            # Locked until the package is saved (the request is one
            # transaction), then read again: a second request with the same
            # token waits here meanwhile, then finds the upload claimed.
            list(
                Upload.objects.select_for_update()
                .filter(pk=upload.pk)
                .values_list("pk", flat=True)
            )
            return redeem(token, target, user)
        except UploadFailed as error:
            raise serializers.ValidationError(error.message, code="upload") from None

    def validate_collection(self, value):
        collection = addable_collections(self._user).filter(pk=value).first()
        if collection is None:
            raise serializers.ValidationError(
                _("No collection with this id that you may add packages to."),
                code="invalid_choice",
            )
        return collection

    def validate(self, data):
        if "collection" not in data:
            choices = list(addable_collections(self._user)[:2])
            if len(choices) != 1:
                raise serializers.ValidationError(
                    {
                        "collection": [
                            _(
                                "You may add packages to more than one "
                                "collection: say which one."
                            )
                        ]
                    },
                    code="required",
                )
            data["collection"] = choices[0]
        return data


class H5PPackageUpdateSerializer(StrictSerializerMixin, serializers.Serializer):
    """What may change through the API; the file and collection stay the
    admin's."""

    title = serializers.CharField(
        max_length=255,
        help_text=_("The title editors will see when they choose the package."),
    )
    licence = serializers.CharField(
        max_length=40,
        allow_blank=True,
        help_text=_("The package's licence, such as CC BY-SA 4.0; empty for none."),
    )
    language = serializers.RegexField(
        LANGUAGE_TAG,
        max_length=35,
        allow_blank=True,
        help_text=_(
            "The package's language as a BCP 47 tag (fr, pt-BR, und); empty for none."
        ),
    )


class H5PPackageFilter(filters.FilterSet):
    status = filters.ChoiceFilter(
        choices=H5PPackage.Status.choices,
        help_text=_("Only the packages in this state."),
    )

    class Meta:
        model = H5PPackage
        fields = ["status"]


# --- The viewset ------------------------------------------------------------------

FLOW = _(
    "Uploading a package from a script takes five requests, each with your "
    "API token (Authorization: Bearer chn_…):\n\n"
    '1. POST /api/media/uploads/ with {"target": "media.h5ppackage.file", '
    '"filename": "quiz.h5p", "size": <bytes>, "content_type": '
    '"application/zip"}. The answer (201) has the upload\'s url, its '
    "complete_url, and how to send the file: put (a URL and the headers to "
    'send with it) or, for a large file on S3, parts_url (POST {"numbers": '
    "[1, 2, …]} to it for one signed URL per part of part_size bytes).\n"
    "2. PUT the bytes to put.url with exactly put.headers. On the site's own "
    "storage that URL is /api/media/uploads/<id>/content/ and takes your "
    "token; a signed S3 URL takes none.\n"
    "3. POST complete_url. The site checks what arrived (size, type, "
    "content) and answers with token, the proof that you finished this "
    "upload.\n"
    '4. POST /api/v1/h5p-packages/ with {"title": "…", "upload": "<token>"} '
    '(and "collection" if you may add packages to more than one). The '
    "package is saved with status processing and checked and unpacked in the "
    "background, as when it is uploaded in the admin; the answer (201) is the "
    "package, its address in the Location header.\n"
    "5. GET /api/v1/h5p-packages/<id>/ every few seconds until status is "
    "ready (embed then says how to play it in a unit) or rejected (reasons "
    "then names every broken rule: fix them all and upload again).\n\n"
    'The upload endpoints answer errors as {"detail": "…"}, not as '
    "problem documents. A token is yours alone, for this target only, and "
    "good for one package, for as long as the site keeps unfinished uploads "
    "(a day by default)."
)
ACCESS = _(
    "You see the packages the admin's H5P packages screen shows you: those "
    "of the collections where you may change or choose packages, and those "
    "you uploaded where you may add them. Without any right on H5P packages "
    "(or without access to the admin) every request is refused (403), as the "
    "admin's screens refuse it."
)


PACKAGE_ID_PARAMETER = OpenApiParameter(
    "id",
    OpenApiTypes.UUID,
    OpenApiParameter.PATH,
    description=_("The package's id."),
)


@extend_schema_view(
    list=extend_schema(
        summary=_("List the H5P packages you may see"),
        description=format_lazy("{}\n\n{}", ACCESS, FLOW),
    ),
    retrieve=extend_schema(
        parameters=[PACKAGE_ID_PARAMETER],
        summary=_("Read an H5P package and its state"),
        description=_(
            "One package you may see, with where its check has got to: poll "
            "this after uploading until status is ready or rejected. Any "
            "other id is not found (404)."
        ),
    ),
    create=extend_schema(
        summary=_("Create an H5P package from a finished upload"),
        description=FLOW,
        request=H5PPackageCreateSerializer,
        responses={201: H5PPackageSerializer},
        examples=[
            OpenApiExample(
                "A package from an upload",
                value={
                    "title": "Quiz : le marché",
                    "upload": "eyJpZCI6IjQ…:1uQ…:Xy…",
                },
                request_only=True,
            )
        ],
    ),
    partial_update=extend_schema(
        parameters=[PACKAGE_ID_PARAMETER],
        summary=_("Change an H5P package's title, licence or language"),
        description=_(
            "Needs the right to change this package (its collection's, or "
            "having uploaded it where you may add packages); one you may only "
            "see is refused (403). A package still being processed cannot be "
            "changed yet (409): its check would overwrite the change. The file "
            "and the collection are changed, and packages deleted, in the admin."
        ),
        request=H5PPackageUpdateSerializer,
        responses={
            200: H5PPackageSerializer,
            (409, "application/problem+json"): OpenApiResponse(
                response={"$ref": "#/components/schemas/Problem"},
                description=_("The package is still being processed."),
            ),
        },
    ),
)
class H5PPackageViewSet(
    ApiViewSetMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [MayWorkWithH5PPackages]
    serializer_class = H5PPackageSerializer
    filterset_class = H5PPackageFilter
    lookup_value_regex = PACKAGE_ID
    # Oldest first: a new package lands after the last page.
    ordering = ["created_at"]
    ordering_fields = ["created_at"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        if _schema_only(self):
            return H5PPackage.objects.none()
        return packages_visible_to(self.request.user)

    def get_serializer_class(self):
        if self.action == "create":
            return H5PPackageCreateSerializer
        if self.action == "partial_update":
            return H5PPackageUpdateSerializer
        return H5PPackageSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        package = H5PPackage(
            title=data["title"], collection=data["collection"], owner=request.user
        )
        package.file = data["upload"].name
        self._run("create", package)
        process_on_commit(package)
        body = H5PPackageSerializer(package, context=self.get_serializer_context())
        location = self.reverse_action("detail", args=[package.pk])
        return Response(
            body.data, status=status.HTTP_201_CREATED, headers={"Location": location}
        )

    def partial_update(self, request, *args, **kwargs):
        package = self.get_object()
        serializer = self.get_serializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        if package.status == H5PPackage.Status.PROCESSING:
            raise PackageProcessing()
        changes = {
            name: value
            for name, value in serializer.validated_data.items()
            if getattr(package, name) != value
        }
        if changes:
            for name, value in changes.items():
                setattr(package, name, value)
            self._run("edit", package)
        body = H5PPackageSerializer(package, context=self.get_serializer_context())
        return Response(body.data)

    def _run(self, action: str, package: H5PPackage) -> None:
        """Save as the admin does (Wagtail's action: checks, the history's
        log entry)."""
        action_class = action_registry.get_action_class(H5PPackage, action)
        try:
            action_class(package, user=self.request.user).execute()
        except DjangoValidationError as error:
            raise serializers.ValidationError(
                serializers.as_serializer_error(error)
            ) from None
