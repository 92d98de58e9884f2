"""API conventions shared by every app: pagination and one error shape.

Every error under /api/ is JSON of the form
``{"detail": "<message>", "code": "<code>", "errors": {<field>: [<message>, ...]}}``;
``errors`` is present for validation errors only.
"""

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext
from rest_framework import exceptions, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from .exceptions import ApplicationError


class StandardPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "Request body too large."
    default_code = "payload_too_large"


def _first_code(codes):
    """The first error code in DRF's nested get_codes() structure."""
    while isinstance(codes, dict | list) and codes:
        codes = next(iter(codes.values())) if isinstance(codes, dict) else codes[0]
    return codes if isinstance(codes, str) else "invalid"


def exception_handler(exc, context):
    """The one place errors become responses: DRF's own and every ``ApplicationError``."""
    if isinstance(exc, ApplicationError):
        set_rollback()
        body = {"detail": exc.detail, "code": exc.code, **exc.extra}
        return Response(body, status=exc.status, headers=exc.headers or None)
    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()

    response = drf_exception_handler(exc, context)
    if response is None:
        return None  # unhandled: Django's handler500 answers with JSON

    if isinstance(exc, exceptions.ValidationError):
        errors = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "detail": gettext("Invalid input."),
            "code": _first_code(exc.get_codes()),
            "errors": errors,
        }
    else:
        data = response.data if isinstance(response.data, dict) else {}
        detail = data.get("detail", getattr(exc, "detail", str(exc)))
        body = {"detail": str(detail), "code": getattr(detail, "code", None) or "error"}
        # simplejwt's token errors carry extra keys worth keeping.
        body.update({k: v for k, v in data.items() if k not in ("detail", "code")})
        response.data = body
    return response
