"""The blocks a unit is made of.

A unit alternates short lessons (text, images, video, documents,
testimonies) with what the learner *does*: answer a reflection question for
themselves, tick a checklist, play an H5P activity, explore a partner
museum's mediation resource, and carry out a field assignment in their own
territory.  Blocks the learner acts on carry their own UUID (Wagtail's
block id), which names them for good: answers, field reports and activity
IRIs point to it.

To add a block type, append it to ``UNIT_BLOCKS`` and run
``makemigrations``: the unit body is built from that list.
"""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from cms.blocks import DocumentBlock, HeadingBlock
from lms import activity

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class TestimonyBlock(blocks.StructBlock):
    """Words of a resident, a facilitator or a partner, with who said them."""

    text = blocks.TextBlock(label=_("Testimony"))
    person = blocks.CharBlock(label=_("Person"), required=False, max_length=120)
    role = blocks.CharBlock(
        label=_("Role or place"),
        required=False,
        max_length=160,
        help_text=_("For example: resident relay, Marseille 14e."),
    )

    class Meta:
        icon = "openquote"
        template = "lms/blocks/testimony_block.html"
        label = _("Testimony")


class CaptionTrackBlock(blocks.StructBlock):
    """A WebVTT file of captions, subtitles or audio description for a video."""

    file = DocumentChooserBlock(
        label=_("WebVTT file"), help_text=_("A .vtt document from the library.")
    )
    language = blocks.ChoiceBlock(
        label=_("Language"),
        choices=[
            ("fr", _("French")),
            ("en", _("English")),
            ("pt", _("Portuguese")),
            ("es", _("Spanish")),
            ("it", _("Italian")),
        ],
    )
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("captions", _("Captions (speech and sounds)")),
            ("subtitles", _("Subtitles (translation)")),
            ("descriptions", _("Audio description")),
        ],
        default="captions",
    )

    def clean(self, value):
        value = super().clean(value)
        document = value.get("file")
        if document and not document.filename.lower().endswith(".vtt"):
            raise StructBlockValidationError(
                {"file": ValidationError(_("Choose a WebVTT file (.vtt)."))}
            )
        return value


class VideoBlock(blocks.StructBlock):
    """A video played in the page, with its caption tracks and a transcript.

    Captions are required by WCAG 2.1 AA for pre-recorded speech; the block
    refuses a video without at least one caption track.
    """

    video = DocumentChooserBlock(
        label=_("Video file"),
        help_text=_("An MP4 or WebM document from the library."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    tracks = blocks.ListBlock(CaptionTrackBlock(), label=_("Caption tracks"), min_num=1)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), required=False, features=RICH_TEXT_FEATURES
    )

    def clean(self, value):
        value = super().clean(value)
        video = value.get("video")
        if video and not video.filename.lower().endswith((".mp4", ".webm")):
            raise StructBlockValidationError(
                {"video": ValidationError(_("Choose an MP4 or WebM video."))}
            )
        return value

    class Meta:
        icon = "media"
        template = "lms/blocks/video_block.html"
        label = _("Video")


class ReflectionQuestionBlock(blocks.StructBlock):
    """A question the learner answers for themselves; only they read the answer."""

    question = blocks.CharBlock(label=_("Question"), max_length=300)
    guidance = blocks.TextBlock(
        label=_("Guidance"),
        required=False,
        help_text=_("A hint on how to think about the question."),
    )

    class Meta:
        icon = "help"
        template = "lms/blocks/reflection_block.html"
        label = _("Reflection question")


class ChecklistBlock(blocks.StructBlock):
    """Steps to get ready for an action; the learner ticks them, privately."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(
        blocks.CharBlock(label=_("Item"), max_length=300),
        label=_("Items"),
        min_num=1,
    )

    class Meta:
        icon = "tasks"
        template = "lms/blocks/checklist_block.html"
        label = _("Checklist")


class FieldAssignmentBlock(blocks.StructBlock):
    """An action carried out in the learner's own territory and reported back.

    The due date is counted from the start of the learner's cohort, so the
    same course serves cohorts that start months apart.
    """

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    instructions = blocks.RichTextBlock(
        label=_("Instructions"), features=RICH_TEXT_FEATURES
    )
    expected_evidence = blocks.RichTextBlock(
        label=_("Expected evidence"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What the report should contain: notes, figures, photos..."),
    )
    due_offset_days = blocks.IntegerBlock(
        label=_("Due (days after the cohort starts)"),
        min_value=0,
        max_value=730,
        default=14,
    )
    required = blocks.BooleanBlock(
        label=_("Required to complete the unit"),
        required=False,
        default=True,
        help_text=_(
            "The unit is complete once a trainer accepts the learner's report. "
            "Untick to make the assignment optional."
        ),
    )

    class Meta:
        icon = "site"
        template = "lms/blocks/field_assignment_block.html"
        label = _("Field assignment")


def learner_in_page(request, block_id, prefix: str) -> dict:
    """The signed-in reader's xAPI agent and the id of the JSON script that
    carries it, for a block whose script sends statements: the page names
    the learner exactly as the LRS stores them (it forces that actor
    anyway).  Empty for an anonymous reader of an open course, whose
    viewing is not recorded."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not block_id:
        return {}
    from lms.xapi.agents import learner_agent

    return {
        "agent": learner_agent(user),
        "agent_script_id": f"{prefix}-agent-{block_id}",
    }


def ready_h5p_packages():
    """The packages an editor may choose: ready ones, by title.  Called when
    the form is drawn, so a package unpacked a minute ago is offered."""
    from media.h5p_models import H5PPackage

    packages = H5PPackage.objects.filter(status=H5PPackage.Status.READY).order_by(
        "title"
    )
    return [(str(pk), title) for pk, title in packages.values_list("pk", "title")]


class H5PActivityBlock(blocks.StructBlock):
    """An H5P activity played in the unit, tracked as an activity of its own.

    The player runs in a sandboxed frame of its own (``media/h5p_player``);
    the page passes its statements and saved state to the learning record
    store (``lms/static/lms/js/h5p-bridge.js``).  The block's UUID names the
    activity for good: choosing another package keeps the same IRI.
    """

    # A plain <select> of ready packages: H5P packages have an admin
    # ModelViewSet but no chooser, and a select is keyboard- and
    # screen-reader-friendly as it is.
    package = blocks.ChoiceBlock(
        label=_("H5P package"),
        choices=ready_h5p_packages,
        search_index=False,
        help_text=_("Only packages that were checked and unpacked are listed."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        max_length=200,
        help_text=_(
            "Shown above the activity and read out by screen readers as the "
            "frame's name."
        ),
    )
    required = blocks.BooleanBlock(
        label=_("Required to complete the unit"),
        required=False,
        default=True,
        help_text=_("Untick to make the activity optional."),
    )
    passing_score = blocks.IntegerBlock(
        label=_("Passing score (%)"),
        required=False,
        min_value=0,
        max_value=100,
        help_text=_(
            "The best score the learner must reach. Leave empty to count the "
            "activity as done once completed without failing."
        ),
    )

    def get_context(self, value, parent_context=None):
        from media.h5p_models import H5PPackage
        from media.h5p_player import player_url, request_origin

        context = super().get_context(value, parent_context=parent_context)
        request = context.get("request")
        block_id = context.get("block_id")
        try:
            package_id = uuid.UUID(str(value.get("package") or ""))
        except ValueError:
            package_id = None
        # A package rejected or deleted since the unit was published shows
        # a notice instead of a broken player.
        package = (
            H5PPackage.objects.filter(
                pk=package_id, status=H5PPackage.Status.READY
            ).first()
            if package_id
            else None
        )
        h5p = {"package": package, "block_id": block_id}
        if package is not None and request is not None:
            h5p["player_url"] = player_url(package.pk, request_origin(request))
        if block_id:
            h5p["activity_iri"] = activity.activity_iri(activity.H5P, block_id)
        h5p.update(learner_in_page(request, block_id, "h5p"))
        context["h5p"] = h5p
        return context

    class Meta:
        icon = "code"
        template = "lms/blocks/h5p_activity_block.html"
        label = _("H5P activity")


class MediationResourceBlock(blocks.StructBlock):
    """A partner's mediation resource shown in the unit: its card, then its
    viewers (360°, 3D, image, audio, video...) in the page itself.

    The activity is the embedding, named by the block's UUID, not the
    resource: the same resource in two units, or twice in one, is two
    activities with their own progress.  Opening a viewer sends an
    ``experienced`` statement about it; viewing is tracked, never required,
    so the unit's completion rules do not count it.
    """

    resource = blocks.PageChooserBlock(
        page_type="mediation.MediationResourcePage",
        label=_("Mediation resource"),
        help_text=_("A published resource from a partner's space."),
    )
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_(
            "Shown above the resource, e.g. what to look for. Leave empty to "
            "show the resource's own title only."
        ),
    )

    def clean(self, value):
        value = super().clean(value)
        resource = value.get("resource")
        problem = None
        if resource is not None and not resource.live:
            problem = _("Choose a published resource: this one is not live.")
        elif resource is not None and resource.get_view_restrictions().exists():
            problem = _(
                "This resource is reserved to some visitors: a unit cannot show it."
            )
        if problem:
            raise StructBlockValidationError({"resource": ValidationError(problem)})
        return value

    def get_context(self, value, parent_context=None):
        from django.middleware.csrf import get_token
        from django.urls import reverse

        context = super().get_context(value, parent_context=parent_context)
        request = context.get("request")
        block_id = context.get("block_id")
        resource = shown_resource(value.get("resource"))
        mediation = {
            "resource": resource,
            "title": value.get("title") or "",
            "language": language_of_part(resource),
        }
        if block_id:
            mediation["activity_iri"] = activity.activity_iri(
                activity.MEDIATION_RESOURCE, block_id
            )
        learner = learner_in_page(request, block_id, "mediation")
        if resource is not None and learner:
            mediation["agent"] = learner["agent"]
            mediation["xapi"] = {
                "statements_url": reverse("xapi:statements"),
                "csrf_token": get_token(request),
                "agent_script_id": learner["agent_script_id"],
            }
        context["mediation"] = mediation
        return context

    class Meta:
        icon = "image"
        template = "lms/blocks/mediation_resource_block.html"
        label = _("Mediation resource")


def shown_resource(chosen):
    """The chosen resource as the reader should see it: its translation in
    the page's language when there is a live one, else the chosen page;
    ``None`` when neither is live and public (unpublished or restricted
    since the unit was written: a unit must not show what its partner
    withdrew or reserved)."""
    if chosen is None:
        return None
    from wagtail.models import Locale

    from mediation.models import MediationResourcePage

    active = Locale.get_active()
    found = {
        page.locale_id: page
        for page in MediationResourcePage.objects.live()
        .public()
        .filter(
            translation_key=chosen.translation_key,
            locale_id__in={active.pk, chosen.locale_id},
        )
        .select_related("partner", "locale")
    }
    return found.get(active.pk) or found.get(chosen.locale_id)


def language_of_part(resource) -> str:
    """The shown resource's language when the page around it speaks another
    (no translation in the unit's language), else ``""``: marked on the
    resource's part of the page, screen readers read it in its own
    language (WCAG 3.1.2, language of parts)."""
    if resource is None:
        return ""
    language = resource.locale.language_code
    return "" if language == get_language() else language


#: Every block a unit may hold, in the order editors see them.
UNIT_BLOCKS = [
    ("heading", HeadingBlock()),
    (
        "paragraph",
        blocks.RichTextBlock(
            label=_("Paragraph"), features=[*RICH_TEXT_FEATURES, "h3", "h4"]
        ),
    ),
    ("image", ImageBlock(label=_("Image"))),
    ("video", VideoBlock()),
    ("document", DocumentBlock()),
    ("testimony", TestimonyBlock()),
    ("reflection", ReflectionQuestionBlock()),
    ("checklist", ChecklistBlock()),
    ("field_assignment", FieldAssignmentBlock()),
    ("h5p_activity", H5PActivityBlock()),
    ("mediation_resource", MediationResourceBlock()),
]


#: Blocks whose learner-side state is stored against their block id.
TRACKED_BLOCK_TYPES = ("reflection", "checklist", "field_assignment")
