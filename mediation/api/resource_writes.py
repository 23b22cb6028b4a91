"""Writing a mediation resource through the API, as the admin's page form
would: the same vocabularies, the same model validation, the same Wagtail
actions (a draft revision, the partner's moderation workflow).
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.actions import EditPageAction
from wagtail.models import Page, PageSubscription, WorkflowState

from cms.api.filters import MAX_ROW_ID
from cms.api.serializers import StrictSerializerMixin
from mediation import vocabulary as vocab
from mediation.api.fields import (
    CodeListField,
    SlugField,
    StrictBooleanField,
    TextField,
    WholeNumberField,
)
from mediation.api.serializers import (
    MAX_CONTRIBUTORS,
    MAX_SMALL_INTEGER,
    MAX_THEMES,
    NO_WORKFLOW,
    SLUG_TAKEN,
    TREE_FIELDS,
    ResourceContributorSerializer,
    _help,
    _max_length,
)
from mediation.models import (
    MediationResourcePage,
    ResourceContributor,
)

# -- Writing a resource ----------------------------------------------------------


def validation_error(error: DjangoValidationError) -> serializers.ValidationError:
    """The model's validation errors as the API's field errors."""
    if hasattr(error, "error_dict"):
        return serializers.ValidationError(
            {
                "non_field_errors" if name == NON_FIELD_ERRORS else name: messages
                for name, messages in error.message_dict.items()
            }
        )
    return serializers.ValidationError({"non_field_errors": error.messages})


class ResourceWriteSerializer(StrictSerializerMixin, serializers.Serializer):
    """The fields an editor writes, with the admin's vocabularies and limits."""

    #: Plain model fields, set as given.
    model_fields = (
        "title",
        "slug",
        "summary",
        "resource_type",
        "related_works",
        "period",
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
    )

    title = TextField(
        max_length=Page._meta.get_field("title").max_length, **_help("title")
    )
    slug = SlugField(
        allow_unicode=True,
        max_length=Page._meta.get_field("slug").max_length,
        required=False,
        **_help("slug"),
    )
    summary = TextField(**_help("summary"))
    resource_type = serializers.ChoiceField(
        choices=vocab.RESOURCE_TYPES, **_help("resource_type")
    )
    themes = serializers.ListField(
        child=TextField(max_length=100),
        max_length=MAX_THEMES,
        required=False,
        **_help("themes"),
    )
    related_works = TextField(
        allow_blank=True, required=False, **_help("related_works")
    )
    period = TextField(
        allow_blank=True,
        required=False,
        max_length=_max_length("period"),
        **_help("period"),
    )
    contributors = ResourceContributorSerializer(
        many=True, required=False, max_length=MAX_CONTRIBUTORS, **_help("contributors")
    )
    rights = serializers.ChoiceField(
        choices=vocab.RIGHTS_CHOICES, required=False, **_help("rights")
    )
    credit_line = TextField(
        allow_blank=True,
        required=False,
        max_length=_max_length("credit_line"),
        **_help("credit_line"),
    )
    rights_holder = TextField(
        allow_blank=True,
        required=False,
        max_length=_max_length("rights_holder"),
        **_help("rights_holder"),
    )
    audiences = CodeListField(vocab.AUDIENCES, required=False, **_help("audiences"))
    disabilities = CodeListField(
        vocab.DISABILITIES, required=False, **_help("disabilities")
    )
    age_min = WholeNumberField(
        min_value=0,
        max_value=MAX_SMALL_INTEGER,
        allow_null=True,
        required=False,
        **_help("age_min"),
    )
    age_max = WholeNumberField(
        min_value=0,
        max_value=MAX_SMALL_INTEGER,
        allow_null=True,
        required=False,
        **_help("age_max"),
    )
    use_context = serializers.ChoiceField(
        choices=vocab.USE_CONTEXTS, required=False, **_help("use_context")
    )
    access_modes = CodeListField(
        vocab.ACCESS_MODES, required=False, **_help("access_modes")
    )
    access_modes_sufficient = CodeListField(
        vocab.ACCESS_MODES_SUFFICIENT,
        required=False,
        **_help("access_modes_sufficient"),
    )
    accessibility_features = CodeListField(
        vocab.ACCESSIBILITY_FEATURES, required=False, **_help("accessibility_features")
    )
    accessibility_hazards = CodeListField(
        vocab.ACCESSIBILITY_HAZARDS, required=False, **_help("accessibility_hazards")
    )
    accessibility_controls = CodeListField(
        vocab.ACCESSIBILITY_CONTROLS, required=False, **_help("accessibility_controls")
    )
    accessibility_summary = TextField(
        allow_blank=True, required=False, **_help("accessibility_summary")
    )
    easy_to_read = TextField(allow_blank=True, required=False, **_help("easy_to_read"))
    device_requirements = TextField(
        allow_blank=True, required=False, **_help("device_requirements")
    )
    time_needed = WholeNumberField(
        min_value=0,
        max_value=MAX_SMALL_INTEGER,
        allow_null=True,
        required=False,
        **_help("time_needed"),
    )
    submit_for_moderation = StrictBooleanField(
        default=False,
        write_only=True,
        help_text=_(
            "true to submit the saved version for moderation, as the admin's "
            "“Submit for moderation” does: a moderator of the partner (or a "
            "network coordinator) approves it in the admin, which publishes it."
        ),
    )

    def apply_to(self, page: MediationResourcePage) -> None:
        """Set the given values on ``page`` (in memory, children included)."""
        data = self.validated_data
        for name in self.model_fields:
            if name in data:
                setattr(page, name, data[name])
        if "themes" in data:
            page.themes.set(list(dict.fromkeys(data["themes"])))
        if "contributors" in data:
            page.contributors = [
                ResourceContributor(name=item["name"], role=item["role"], sort_order=n)
                for n, item in enumerate(data["contributors"])
            ]

    @staticmethod
    def full_clean(page: MediationResourcePage, **kwargs) -> None:
        """The model's own rules (ages, hazards, slug…), as field errors."""
        try:
            page.full_clean(**kwargs)
        except DjangoValidationError as error:
            raise validation_error(error) from None


def partner_field() -> WholeNumberField:
    return WholeNumberField(
        min_value=1,
        max_value=MAX_ROW_ID,
        required=False,
        help_text=_(
            "The partner institution the resource is for: the id of any of its "
            "translations (GET /api/v1/partners/; GET /api/v1/me/ names yours). "
            "May be left out by someone who adds resources for one partner only."
        ),
    )


def language_field() -> serializers.ChoiceField:
    return serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text=_(
            "The resource's language (a code); the site's default language if "
            "not given. The partner needs a page in that language."
        ),
    )


class ResourcePlaceSerializer(serializers.Serializer):
    """Where a new resource goes, read before the rest of the body: a
    partner's space, in one language."""

    partner = partner_field()
    language = language_field()


class ResourceCreateSerializer(ResourceWriteSerializer):
    """A new resource, saved as a draft in the partner's space."""

    partner = partner_field()
    language = language_field()

    def create(self, validated_data):
        user = validated_data["user"]
        parent = validated_data["parent"]
        submit = validated_data.get("submit_for_moderation", False)
        workflow = parent.get_workflow() if submit else None
        if submit and workflow is None:
            raise serializers.ValidationError({"submit_for_moderation": [NO_WORKFLOW]})
        page = MediationResourcePage(
            owner=user,
            locale_id=parent.locale_id,
            partner_id=parent.partner_id,
            live=False,
        )
        self.apply_to(page)
        # Before the page is in the tree, its slug is checked here (the
        # model's check needs the parent); a missing slug is made from the
        # title when it joins the tree.
        self.full_clean(page, exclude=[*TREE_FIELDS, *([] if page.slug else ["slug"])])
        if page.slug and not Page._slug_is_available(page.slug, parent):
            raise serializers.ValidationError({"slug": [SLUG_TAKEN]})
        try:
            # What the admin's create view does: the page joins the tree
            # ("Created" in its history), then its first revision is saved
            # (and logged) by the person.
            parent.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
        except DjangoValidationError as error:
            raise validation_error(error) from None
        PageSubscription.objects.update_or_create(
            page=page, user=user, defaults={"comment_notifications": True}
        )
        if submit:
            workflow.start(page, user)
        return page


class ResourceUpdateSerializer(ResourceWriteSerializer):
    """Changes to a resource, saved as a new revision."""

    def update(self, page, validated_data):
        user = validated_data["user"]
        submit = validated_data.get("submit_for_moderation", False)
        # Changes requested: submitting again resumes the same workflow, as
        # in the admin; saving alone leaves it waiting for the resubmission.
        state = page.current_workflow_state
        resume = (
            submit
            and state is not None
            and state.status == WorkflowState.STATUS_NEEDS_CHANGES
        )
        workflow = page.get_workflow() if submit and not resume else None
        if submit and not resume and workflow is None:
            raise serializers.ValidationError({"submit_for_moderation": [NO_WORKFLOW]})
        self.apply_to(page)
        self.full_clean(page)
        # The admin's edit view: a page never published is saved as well;
        # a live one keeps its published version until a moderator
        # publishes the new revision.
        EditPageAction(page, user=user).execute()
        if resume:
            state.resume(user)
        elif submit:
            workflow.start(page, user)
        return page
