"""Chaînon's WSGI application plus ``/bare/``, a view that does nothing.

The page benchmarks serve both from the same gunicorn worker, so the bare
view's throughput is the yardstick of everything else in the run.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402

import cms.urls  # noqa: E402


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bare/", bare), *cms.urls.urlpatterns]
settings.ROOT_URLCONF = __name__
