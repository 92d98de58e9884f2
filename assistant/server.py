"""The MCP server: the official SDK's FastMCP, with tools that run Django code and honour token scopes.

Tools are written as plain (sync) functions. ``tool()`` registers each as an async tool that calls
it through ``sync_to_async``: under the view's ``async_to_sync`` that runs it back on the request's
own thread, with its database connection, as any Django view. A read-only personal access token
sees and may call only the tools marked read-only.
"""

import contextvars
import functools
import logging
from typing import Any

from asgiref.sync import sync_to_async
from django.core.exceptions import ObjectDoesNotExist
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from mcp.server.fastmcp import FastMCP
from mcp.server.fastmcp.exceptions import ToolError
from mcp.types import ToolAnnotations
from rest_framework import exceptions as drf_exceptions

from accounts.tokens.authentication import READ_ONLY_MESSAGE
from resumate.exceptions import ApplicationError

logger = logging.getLogger(__name__)

# The Django request being answered (its ``user`` and ``auth``, the personal access token).
current_request = contextvars.ContextVar("mcp_django_request")

INSTRUCTIONS = (
    "ResuMate keeps the user's career record: achievements (jobs, studies, courses, projects...), "
    "the resume rebuilt from them and its variants, job postings ranked against the resume, and the "
    "applications they track. Write through the tools; ids are the user's own."
)


def error_message(exc) -> str | None:
    """What the API would answer for ``exc``, as one line naming each field; None for a real bug."""
    if isinstance(exc, drf_exceptions.ValidationError):
        return "Invalid input: " + "; ".join(f"{field}: {text}" for field, text in _flat(exc.detail))
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        return "Invalid input: " + "; ".join(f"{field}: {text}" for field, text in _flat(detail))
    if isinstance(exc, (Http404, ObjectDoesNotExist, drf_exceptions.NotFound)):
        return "Not found: no such record of yours."
    if isinstance(exc, ApplicationError):
        extra = "".join(
            f" ({key}: {value})" for key, value in exc.extra.items() if key in ("limit", "attempted")
        )
        return f"{exc.detail}{extra}"
    if isinstance(exc, drf_exceptions.APIException):
        return str(exc.detail)
    return None


def _flat(detail, prefix=""):
    if isinstance(detail, dict):
        for key, value in detail.items():
            yield from _flat(value, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(detail, list) and detail and all(isinstance(item, str) for item in detail):
        yield prefix or "non_field_errors", " ".join(detail)
    elif isinstance(detail, list):
        for index, item in enumerate(detail):
            if item:
                yield from _flat(item, f"{prefix}.{index}" if prefix else str(index))
    else:
        yield prefix or "non_field_errors", str(detail)


def request():
    return current_request.get()


def _writes_allowed() -> bool:
    token = getattr(current_request.get(None), "auth", None)
    return token is not None and token.allows_write


class ResuMateMCP(FastMCP):
    async def list_tools(self):
        tools = await super().list_tools()
        if _writes_allowed():
            return tools
        return [tool for tool in tools if tool.annotations and tool.annotations.readOnlyHint]

    async def call_tool(self, name: str, arguments: dict[str, Any]):
        registered = self._tool_manager.get_tool(name)
        if registered is not None and not registered.annotations.readOnlyHint and not _writes_allowed():
            raise ToolError(READ_ONLY_MESSAGE + " Create a read-and-write token to use this tool.")
        return await super().call_tool(name, arguments)


server = ResuMateMCP("ResuMate", instructions=INSTRUCTIONS, json_response=True, stateless_http=True)


def tool(*, read_only: bool, title: str):
    """A sync function as a tool: its signature is the argument schema, its return type the result's."""

    def register(fn):
        @functools.wraps(fn)
        async def run(**arguments):
            try:
                return await sync_to_async(fn)(**arguments)
            except ToolError:
                raise
            except Exception as exc:
                message = error_message(exc)
                if message is None:
                    logger.exception("MCP tool %s failed", fn.__name__)
                    raise
                raise ToolError(message) from exc

        server.add_tool(
            run,
            name=fn.__name__,
            title=title,
            annotations=ToolAnnotations(title=title, readOnlyHint=read_only, destructiveHint=False),
            structured_output=True,
        )
        return fn

    return register


def resource(uri: str, *, name: str, description: str):
    """Register a sync function as a JSON resource, run like a tool on the request's thread."""

    def register(fn):
        @functools.wraps(fn)
        async def read():
            return await sync_to_async(fn)()

        server.resource(uri, name=name, description=description, mime_type="application/json")(read)
        return fn

    return register
