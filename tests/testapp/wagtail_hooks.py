from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tests.testapp.models import Recording


class RecordingViewSet(SnippetViewSet):
    model = Recording
    icon = "media"


register_snippet(RecordingViewSet)
