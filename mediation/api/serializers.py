"""What the API shows of partners and mediation resources.

Partners are read-only: their public description. A resource is read as
its page shows it (its drafts, to those who may edit it); writing one is
``resource_writes``.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.models import WorkflowState

from cms.api.serializers import StrictSerializerMixin
from mediation import vocabulary as vocab
from mediation.api.fields import (
    CodeListField,
    LivePageUrlField,
    StoredFileUrlField,
    TextField,
)
from mediation.models import (
    MediationResourcePage,
    PartnerInstitution,
    ResourceContributor,
)


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class OptionalUrlField(serializers.URLField):
    """An address or null: an empty string is not a URL to a client."""

    def to_representation(self, value):
        return value or None


class PartnerSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A partner institution of the network, in one language."""

    language = serializers.CharField(
        source="locale.language_code",
        read_only=True,
        help_text=_("The language of this translation of the partner."),
    )
    country = serializers.CharField(
        source="country.code",
        read_only=True,
        help_text=_("The partner's country (ISO 3166-1 alpha-2 code)."),
    )
    website = OptionalUrlField(
        read_only=True, help_text=_("The partner's website, if it has one.")
    )

    class Meta:
        model = PartnerInstitution
        fields = [
            "id",
            "name",
            "slug",
            "kind",
            "country",
            "city",
            "website",
            "language",
            "translation_key",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The partner's id in this language.")},
            "name": {"help_text": _("The institution's name.")},
            "slug": {"help_text": _("The partner's slug, the same in every language.")},
            "kind": {"help_text": _("What kind of institution it is.")},
            "city": {"help_text": _("The partner's city or region.")},
            "translation_key": {
                "help_text": _("Shared by the partner's translations.")
            },
        }


# -- Mediation resources ---------------------------------------------------------
# A resource is shown as its page shows it; its editors also see where it
# stands (``status``) and write it through ``ResourceCreateSerializer`` and
# ``ResourceUpdateSerializer``, which save it the way the admin does: a new
# page under the partner's index page, then a revision for every change.

RESOURCE_STATUSES = [
    ("draft", _("Draft: saved, not submitted")),
    ("in_moderation", _("In moderation: waiting for a moderator")),
    ("changes_requested", _("Changes requested by a moderator")),
    ("live", _("Live: the latest version is the published one")),
]
NO_WORKFLOW = _("No moderation workflow covers this partner's resources.")
SLUG_TAKEN = _("Another resource of this partner already has this slug.")
#: Set when a page joins the tree, so not checked before.
TREE_FIELDS = ("path", "depth", "numchild", "url_path")
MAX_SMALL_INTEGER = 32767
#: As many themes and contributors as a page may sensibly credit.
MAX_THEMES = 50
MAX_CONTRIBUTORS = 50


def _max_length(name: str) -> int:
    return MediationResourcePage._meta.get_field(name).max_length


class ResourcePartnerSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """The partner institution a resource belongs to."""

    class Meta:
        model = PartnerInstitution
        fields = ["id", "name", "slug", "translation_key"]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The partner's id (GET /api/v1/partners/{id}/).")},
            "name": {"help_text": _("The institution's name.")},
            "slug": {"help_text": _("The partner's slug, the same in every language.")},
            "translation_key": {
                "help_text": _("Shared by the partner's translations.")
            },
        }


class ResourceContributorSerializer(StrictSerializerMixin, serializers.Serializer):
    """A person or studio credited for the resource."""

    name = TextField(
        max_length=ResourceContributor._meta.get_field("name").max_length,
        help_text=_("The person's or studio's name, as it is credited."),
    )
    role = serializers.ChoiceField(
        choices=vocab.CONTRIBUTOR_ROLES,
        default="creator",
        help_text=_("What they did (creator if not given)."),
    )


class ResourceMediaItemSerializer(StrictSerializerMixin, serializers.Serializer):
    """One file of the resource, in the order visitors meet them. Files are
    uploaded and attached in the admin; the API only points at them."""

    id = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_("The media item's id (null for one only in a draft)."),
    )
    kind = serializers.ChoiceField(
        choices=vocab.MEDIA_KINDS,
        read_only=True,
        help_text=_("What kind of file it is."),
    )
    title = serializers.CharField(
        read_only=True, help_text=_("The caption shown under the media.")
    )
    file = StoredFileUrlField(
        help_text=_("The file's address (null for an H5P activity).")
    )
    h5p_package = serializers.IntegerField(
        source="h5p_package_id",
        read_only=True,
        allow_null=True,
        help_text=_("For an H5P activity, the id of the package it plays."),
    )
    text_alternative = serializers.CharField(
        read_only=True,
        help_text=_("What the image or object shows, for people who cannot see it."),
    )
    language = serializers.CharField(
        read_only=True,
        help_text=_("The language spoken or written in the file, if any (a code)."),
    )
    mime_type = serializers.CharField(
        read_only=True, help_text=_("The file's type, e.g. video/mp4.")
    )
    size = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("The file's size in bytes.")
    )
    width = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("The width in pixels.")
    )
    height = serializers.IntegerField(
        read_only=True, allow_null=True, help_text=_("The height in pixels.")
    )
    duration = serializers.FloatField(
        read_only=True,
        allow_null=True,
        help_text=_("The duration in seconds, for audio and video."),
    )
    sign_language_video = StoredFileUrlField(
        help_text=_("A sign-language video of the content, if there is one.")
    )
    audio_description = StoredFileUrlField(
        help_text=_("An audio-description track, if there is one.")
    )


# Help texts shared by the resource read and write serializers: the fields
# mean the same on the way in and on the way out.
HELP = {
    "title": _("The resource's title."),
    "slug": _(
        "The last part of the page's address; made from the title if not given. "
        "Unique among the partner's resources in a language."
    ),
    "summary": _("Two or three sentences: what a visitor does with it."),
    "resource_type": _("What the resource is."),
    "themes": _("Subjects and themes, e.g. portrait, Mediterranean, weaving."),
    "related_works": _(
        "Related artworks or places, one per line, e.g. “André Masson, "
        "Antibes, 1932 – Musée Cantini”."
    ),
    "period": _("e.g. 20th century, 1920–1940."),
    "rights": _(
        "The rights statement, as its canonical URI: one of the statements "
        "Europeana accepts."
    ),
    "credit_line": _("As it must be shown, e.g. “© Musée Cantini, photo J. Dupont”."),
    "rights_holder": _("Who holds the rights."),
    "audiences": _("Who the resource is for."),
    "disabilities": _("When the resource is designed for people with disabilities."),
    "age_min": _("The minimum age, in years."),
    "age_max": _("The maximum age, in years (not below the minimum)."),
    "use_context": _("Where the resource is used."),
    "access_modes": _(
        "The senses the resource's content is perceived with (schema.org accessMode)."
    ),
    "access_modes_sufficient": _(
        "Each combination that is enough on its own to use the resource "
        "(schema.org accessModeSufficient, modes joined by commas)."
    ),
    "accessibility_features": _(
        "The accessibility features it offers (schema.org accessibilityFeature)."
    ),
    "accessibility_hazards": _(
        "Hazards present or absent (schema.org accessibilityHazard); a hazard "
        "cannot be both. Flashing or motion simulation shows a warning before "
        "the viewer starts."
    ),
    "accessibility_controls": _(
        "What it can be used with (schema.org accessibilityControl)."
    ),
    "accessibility_summary": _(
        "In plain words: what is accessible, and what is not yet."
    ),
    "easy_to_read": _(
        "The resource told in easy-to-read language: short sentences, common words."
    ),
    "device_requirements": _("e.g. a recent smartphone with a camera, headphones."),
    "time_needed": _("The time needed, in minutes."),
    "contributors": _("The people or studios credited, in order."),
}


def _help(name: str, **kwargs) -> dict:
    return {"help_text": HELP[name], **kwargs}


class ResourceSerializer(StrictSerializerMixin, serializers.ModelSerializer):
    """A mediation resource in one language, as its page shows it.

    Those who may edit the resource read its latest version, draft
    included, with ``status`` and ``has_unpublished_changes``; everyone
    else reads the published version, and null in those two fields.
    """

    # Not a SlugField: Wagtail's slugs may hold any letter, which the
    # schema's ASCII ``\w`` pattern would wrongly refuse.
    slug = serializers.CharField(read_only=True, **_help("slug"))
    language = serializers.CharField(
        source="locale.language_code",
        read_only=True,
        help_text=_("The language of this translation of the resource."),
    )
    url = LivePageUrlField(
        help_text=_("The resource page's address on the site (null until it is live).")
    )
    partner = ResourcePartnerSerializer(
        read_only=True,
        help_text=_("The partner institution whose space the resource is in."),
    )
    themes = serializers.SerializerMethodField(help_text=HELP["themes"])
    contributors = ResourceContributorSerializer(
        many=True, read_only=True, help_text=HELP["contributors"]
    )
    audiences = CodeListField(vocab.AUDIENCES, read_only=True, **_help("audiences"))
    disabilities = CodeListField(
        vocab.DISABILITIES, read_only=True, **_help("disabilities")
    )
    access_modes = CodeListField(
        vocab.ACCESS_MODES, read_only=True, **_help("access_modes")
    )
    access_modes_sufficient = CodeListField(
        vocab.ACCESS_MODES_SUFFICIENT,
        read_only=True,
        **_help("access_modes_sufficient"),
    )
    accessibility_features = CodeListField(
        vocab.ACCESSIBILITY_FEATURES, read_only=True, **_help("accessibility_features")
    )
    accessibility_hazards = CodeListField(
        vocab.ACCESSIBILITY_HAZARDS, read_only=True, **_help("accessibility_hazards")
    )
    accessibility_controls = CodeListField(
        vocab.ACCESSIBILITY_CONTROLS, read_only=True, **_help("accessibility_controls")
    )
    media_items = ResourceMediaItemSerializer(
        many=True,
        read_only=True,
        help_text=_("The resource's files, in order (added in the admin)."),
    )
    live = serializers.BooleanField(
        read_only=True,
        help_text=_("Whether a version of the resource is published."),
    )
    status = serializers.SerializerMethodField(
        help_text=_(
            "Where the latest version stands: draft, in_moderation, "
            "changes_requested or live. Null unless you may edit the resource."
        )
    )
    has_unpublished_changes = serializers.SerializerMethodField(
        help_text=_(
            "Whether the latest version differs from the published one (or "
            "none is published). Null unless you may edit the resource."
        )
    )

    class Meta:
        model = MediationResourcePage
        fields = [
            "id",
            "title",
            "slug",
            "language",
            "translation_key",
            "url",
            "partner",
            "summary",
            "resource_type",
            "themes",
            "period",
            "related_works",
            "contributors",
            "rights",
            "credit_line",
            "rights_holder",
            "audiences",
            "disabilities",
            "age_min",
            "age_max",
            "use_context",
            "access_modes",
            "access_modes_sufficient",
            "accessibility_features",
            "accessibility_hazards",
            "accessibility_controls",
            "accessibility_summary",
            "easy_to_read",
            "device_requirements",
            "time_needed",
            "media_items",
            "first_published_at",
            "last_published_at",
            "live",
            "status",
            "has_unpublished_changes",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "id": {"help_text": _("The resource page's id (one per language).")},
            "translation_key": {
                "help_text": _("Shared by the resource's translations.")
            },
            "first_published_at": {
                "help_text": _("When the resource was first published (null if never).")
            },
            "last_published_at": {
                "help_text": _("When a version was last published (null if never).")
            },
            **{
                name: _help(name)
                for name in (
                    "title",
                    "slug",
                    "summary",
                    "resource_type",
                    "period",
                    "related_works",
                    "rights",
                    "credit_line",
                    "rights_holder",
                    "age_min",
                    "age_max",
                    "use_context",
                    "accessibility_summary",
                    "easy_to_read",
                    "device_requirements",
                    "time_needed",
                )
            },
        }

    def _may_edit(self, page) -> bool:
        rights = self.context.get("rights")
        return rights is not None and rights.may_edit(page)

    def get_themes(self, page) -> list[str]:
        names = [tagged.tag.name for tagged in page.tagged_items.all()]
        return sorted(names, key=str.casefold)

    @extend_schema_field(
        serializers.ChoiceField(choices=RESOURCE_STATUSES, allow_null=True)
    )
    def get_status(self, page) -> str | None:
        if not self._may_edit(page):
            return None
        return status_of(page)

    def get_has_unpublished_changes(self, page) -> bool | None:
        if not self._may_edit(page):
            return None
        return page.has_unpublished_changes


def status_of(page) -> str:
    """Where the latest version stands (see ``RESOURCE_STATUSES``)."""
    state = page.current_workflow_state
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return "changes_requested"
        return "in_moderation"
    if page.live and not page.has_unpublished_changes:
        return "live"
    return "draft"
