"""Translations go live the way their source would: through review.

wagtail-localize's "Update translations" screen offers "Publish
immediately" to anyone who may submit translations, without asking
whether they may publish the page.  Trainers may translate course pages
but publish only through the course review, so for people who cannot
publish the source page the option is dropped: the translations are
updated as drafts, to be submitted like any other change.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.models import Page

GUARDED_VIEW = "wagtail_localize:update_translations"


class TranslationPublishGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            request.method != "POST"
            or match is None
            or match.view_name != GUARDED_VIEW
            or "publish_translations" not in request.POST
        ):
            return None
        from wagtail_localize.models import TranslationSource

        source = TranslationSource.objects.filter(
            pk=view_kwargs.get("translation_source_id")
        ).first()
        instance = source.get_source_instance() if source else None
        if (
            isinstance(instance, Page)
            and not instance.permissions_for_user(request.user).can_publish()
        ):
            data = request.POST.copy()
            data.pop("publish_translations")
            request.POST = data
            messages.warning(
                request,
                _(
                    "You may not publish this page: the translations were "
                    "updated as drafts, to be submitted for review."
                ),
            )
        return None
