"""Google Gemini through the official google-genai SDK (REST, v1beta, base URL from settings)."""

import functools
from collections.abc import Iterator
from contextlib import contextmanager

import httpx2
from django.conf import settings
from google import genai
from google.genai import errors, types

from ..prompts import Prompt
from .base import Completion, ProviderError, Usage, http_status_error


@functools.lru_cache(maxsize=8)
def _client(api_key: str, base_url: str) -> genai.Client:
    # Building a client loads TLS contexts (most of a second): build once per key and URL.
    return genai.Client(
        api_key=api_key,
        http_options=types.HttpOptions(
            base_url=base_url, api_version="v1beta"
        ),  # default moved between releases
    )


def _config(prompt: Prompt, timeout: float) -> types.GenerateContentConfig:
    return types.GenerateContentConfig(
        http_options=types.HttpOptions(timeout=max(1, int(timeout * 1000))),  # milliseconds
        system_instruction=prompt.system,
        temperature=prompt.temperature,
        max_output_tokens=prompt.max_output_tokens,
        response_mime_type="application/json" if prompt.json_output else None,
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),  # no tools are sent
    )


@contextmanager
def _sdk_errors(timeout: float):
    """The SDK's exceptions as ``ProviderError``s the gateway can classify."""
    try:
        yield
    except errors.APIError as exc:  # ClientError (4xx) and ServerError (5xx) carry .code
        raise http_status_error(exc.code or 0, exc.message or str(exc)) from exc
    except httpx2.TimeoutException as exc:  # the SDK speaks httpx2, not httpx
        raise ProviderError(f"timed out after {timeout:.1f}s", retryable=True, status="timeout") from exc
    except httpx2.HTTPError as exc:
        raise ProviderError(f"network error: {exc}", retryable=True) from exc
    except ValueError as exc:  # a body that is not the documented JSON
        raise ProviderError(f"malformed response: {exc}", retryable=False) from exc


def complete(
    prompt: Prompt, *, model_name: str, api_key: str, timeout: float, base_url: str = "",
    response_format: bool = True,
) -> Completion:  # fmt: skip
    with _sdk_errors(timeout):
        client = _client(api_key, base_url or settings.GEMINI_BASE_URL)
        response = client.models.generate_content(
            model=model_name, contents=prompt.text, config=_config(prompt, timeout)
        )

    text = response.text or ""
    if not text.strip():
        reason = response.candidates[0].finish_reason if response.candidates else "no candidates"
        raise ProviderError(f"empty answer ({reason})", retryable=False)
    usage = response.usage_metadata
    return Completion(
        text=text,
        prompt_tokens=(usage.prompt_token_count or 0) if usage else 0,
        completion_tokens=(usage.candidates_token_count or 0) if usage else 0,
    )


def stream(
    prompt: Prompt, *, model_name: str, api_key: str, timeout: float, base_url: str = "",
    response_format: bool = True,
) -> Iterator[str | Usage]:  # fmt: skip
    """``streamGenerateContent?alt=sse``: each SSE event is a GenerateContentResponse with a piece of text."""
    usage = None
    wrote = False
    with _sdk_errors(timeout):
        client = _client(api_key, base_url or settings.GEMINI_BASE_URL)
        for chunk in client.models.generate_content_stream(
            model=model_name, contents=prompt.text, config=_config(prompt, timeout)
        ):
            usage = chunk.usage_metadata or usage
            piece = chunk.text or ""
            if piece:
                wrote = True
                yield piece
    if not wrote:
        raise ProviderError("empty answer", retryable=False)
    if usage:
        yield Usage(usage.prompt_token_count or 0, usage.candidates_token_count or 0)
