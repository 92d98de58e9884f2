"""Baseline (b) of the HTTP benchmark: a bare Django view returning a constant JSON body.

Its own settings (no apps, no middleware), served by the same gunicorn settings as the project:
what Django itself costs per request, to set the project's throughput and cached answers against.
"""

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-only-not-a-secret"  # noqa: S105  (serves one constant; never deployed)
DEBUG = False
ALLOWED_HOSTS = ["*"]
ROOT_URLCONF = __name__
INSTALLED_APPS = []
MIDDLEWARE = []
USE_TZ = True

BODY = b'{"count":0,"next":null,"previous":null,"results":[]}'


def constant(request):
    return HttpResponse(BODY, content_type="application/json")


urlpatterns = [path("health/live/", constant), path("constant/", constant)]
_handler = None


def application(environ, start_response):
    global _handler
    if _handler is None:
        from django.core.wsgi import get_wsgi_application

        _handler = get_wsgi_application()
    return _handler(environ, start_response)
