"""OpenRouter: OpenAI-style chat completions (shared with the OpenAI-compatible provider) plus its headers."""

from collections.abc import Iterator

from django.conf import settings

from ..prompts import Prompt
from .base import Completion, Usage
from .openai_compatible import chat_complete, chat_stream


def _headers() -> dict:
    # OpenRouter's attribution headers.
    return {"HTTP-Referer": settings.SITE_URL, "X-Title": "ResuMate"}


def complete(
    prompt: Prompt, *, model_name: str, api_key: str, timeout: float, base_url: str = "",
    response_format: bool = True,
) -> Completion:  # fmt: skip
    return chat_complete(
        prompt, base_url=base_url or settings.OPENROUTER_BASE_URL, model_name=model_name, api_key=api_key,
        timeout=timeout, response_format=response_format, headers=_headers(),
    )  # fmt: skip


def stream(
    prompt: Prompt, *, model_name: str, api_key: str, timeout: float, base_url: str = "",
    response_format: bool = True,
) -> Iterator[str | Usage]:  # fmt: skip
    return chat_stream(
        prompt, base_url=base_url or settings.OPENROUTER_BASE_URL, model_name=model_name, api_key=api_key,
        timeout=timeout, response_format=response_format, headers=_headers(),
    )  # fmt: skip
