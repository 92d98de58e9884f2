"""Django-level error handlers: JSON under /api/, HTML pages elsewhere."""

from django.http import JsonResponse
from django.utils.translation import gettext
from django.views import defaults


def _is_api(request):
    return request.path.startswith("/api/")


def _json(detail, code, status):
    return JsonResponse({"detail": detail, "code": code}, status=status)


def bad_request(request, exception=None):
    if _is_api(request):
        return _json(gettext("Bad request."), "bad_request", 400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception=None):
    if _is_api(request):
        return _json(gettext("You do not have permission to perform this action."), "permission_denied", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    if _is_api(request):
        return _json(gettext("Not found."), "not_found", 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _is_api(request):
        return _json(gettext("Internal server error."), "server_error", 500)
    return defaults.server_error(request)
