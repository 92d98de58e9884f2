"""Django-level error handlers: JSON under /api/, HTML pages elsewhere."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.views import defaults

# A database restart or failover passes in seconds: the client should retry, it is not our bug.
RETRY_AFTER_SECONDS = 5


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
    if _database_unreachable():
        if _is_api(request):
            detail = gettext("The database is unavailable; try again shortly.")
            response = _json(detail, "database_unavailable", 503)
        else:
            text = gettext("ResuMate is briefly unavailable. Please try again in a few seconds.")
            response = HttpResponse(f"<!doctype html><title>503</title><p>{text}</p>", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if _is_api(request):
        return _json(gettext("Internal server error."), "server_error", 500)
    return defaults.server_error(request)


def _database_unreachable() -> bool:
    """Whether the exception being handled is (or was caused by) a lost database connection."""
    error = sys.exc_info()[1]
    while error is not None:
        if isinstance(error, OperationalError | InterfaceError):
            return True
        error = error.__cause__ or error.__context__
    return False
