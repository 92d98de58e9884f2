"""``/mcp/``: the SDK's Streamable HTTP transport answered by an ordinary DRF view.

No second server: the SDK's ASGI handler runs per request under ``async_to_sync`` inside the
web process (WSGI), stateless and answering JSON rather than an event stream, so each POST is one
request and one response, as any API call. DRF authenticates the personal access token and
throttles like the rest of the API; the scope is checked per tool, because every MCP call is a POST.
"""

from asgiref.sync import async_to_sync
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from mcp.server.streamable_http_manager import StreamableHTTPSessionManager
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from accounts.tokens.authentication import PersonalTokenAuthentication

from .server import current_request, server


class MCPTokenAuthentication(PersonalTokenAuthentication):
    """Only personal access tokens; the scope is the tools' business, not the HTTP method's."""

    def authenticate_header(self, request):
        return f'{self.keyword} realm="mcp"'

    def check_scope(self, request, token) -> None:
        return None


async def _answer(django_request) -> HttpResponse:
    body = django_request.body
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": django_request.method,
        "scheme": django_request.scheme,
        "path": django_request.path,
        "raw_path": django_request.path.encode(),
        "query_string": django_request.META.get("QUERY_STRING", "").encode("latin-1"),
        "headers": [
            (key.lower().encode("latin-1"), value.encode("latin-1"))
            for key, value in django_request.headers.items()
            if key.lower() != "content-length"
        ]
        + [(b"content-length", str(len(body)).encode())],
        "client": (django_request.META.get("REMOTE_ADDR", ""), 0),
        "server": (django_request.get_host(), int(django_request.get_port())),
    }
    delivered = False

    async def receive():
        nonlocal delivered
        if delivered:
            return {"type": "http.disconnect"}
        delivered = True
        return {"type": "http.request", "body": body, "more_body": False}

    status, headers, chunks = 500, [], []

    async def send(message):
        nonlocal status, headers
        if message["type"] == "http.response.start":
            status, headers = message["status"], message.get("headers", [])
        elif message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    # Stateless: a manager per request (its run() may be entered once); the server itself is shared.
    manager = StreamableHTTPSessionManager(app=server._mcp_server, json_response=True, stateless=True)
    token = current_request.set(django_request)
    try:
        async with manager.run():
            await manager.handle_request(scope, receive, send)
    finally:
        current_request.reset(token)
    response = HttpResponse(b"".join(chunks), status=status)
    for key, value in headers:
        if key.lower() not in (b"content-length", b"connection"):
            response[key.decode("latin-1")] = value.decode("latin-1")
    return response


@extend_schema(exclude=True)  # JSON-RPC, described by the MCP tool list rather than OpenAPI
class MCPView(APIView):
    authentication_classes = [MCPTokenAuthentication]
    permission_classes = [IsAuthenticated]
    # The transport reads the raw body; DRF must not parse it first.
    parser_classes = []

    def post(self, request):
        return self._answer(request)

    def get(self, request):
        # No server-initiated stream in stateless mode: the SDK answers 405, as the spec allows.
        return self._answer(request)

    def delete(self, request):
        return self._answer(request)

    def _answer(self, request):
        django_request = request._request
        django_request.user, django_request.auth = request.user, request.auth
        return async_to_sync(_answer)(django_request)
