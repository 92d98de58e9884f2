"""Request id, one structured log line per request, size limits, JSON 404s under /api/."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import JsonResponse

from .log_format import request_id_var

logger = logging.getLogger("resumate.request")

# Accept a caller's id only when it is short and plain, so logs stay clean.
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,128}$")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _VALID_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            user = getattr(request, "user", None)
            logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request_id,
                    "user_id": user.pk if user is not None and user.is_authenticated else None,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


# Longer than any query string the pages or the API build; nginx in front allows a little more.
MAX_QUERY_STRING = 8 * 1024


class RequestSizeLimitMiddleware:
    """Refuse declared oversize bodies (413) and oversize query strings (414) before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and length > limit:
            return JsonResponse(
                {"detail": f"Request body too large (limit {limit} bytes).", "code": "payload_too_large"},
                status=413,
            )
        if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
            return JsonResponse(
                {
                    "detail": f"Query string too long (limit {MAX_QUERY_STRING} bytes).",
                    "code": "uri_too_long",
                },
                status=414,
            )
        return self.get_response(request)


class ApiNotFoundMiddleware:
    """An unknown path under /api/ is the API's JSON 404, with DEBUG on too.

    With DEBUG on, Django answers an unmatched URL with its HTML debug page and
    never calls ``handler404``; API clients must still get the error shape.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.path.startswith("/api/")
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            return JsonResponse({"detail": "Not found.", "code": "not_found"}, status=404)
        return response
