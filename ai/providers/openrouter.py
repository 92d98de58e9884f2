"""OpenRouter's OpenAI-compatible chat completions over httpx (base URL from settings)."""

import functools

import httpx
from django.conf import settings

from ..prompts import Prompt
from .base import Completion, ProviderError, http_status_error, parse_retry_after


@functools.cache
def _client() -> httpx.Client:
    # One pooled client per process: creating one costs a TLS context load.
    return httpx.Client(follow_redirects=False)


def complete(prompt: Prompt, *, model_name: str, api_key: str, timeout: float) -> Completion:
    body = {
        "model": model_name,
        "messages": [
            {"role": "system", "content": prompt.system},
            {"role": "user", "content": prompt.text},
        ],
        "temperature": prompt.temperature,
        "max_tokens": prompt.max_output_tokens,
    }
    if prompt.json_output:
        body["response_format"] = {"type": "json_object"}
    headers = {
        "Authorization": f"Bearer {api_key}",
        # OpenRouter's attribution headers.
        "HTTP-Referer": settings.SITE_URL,
        "X-Title": "ResuMate",
    }
    url = settings.OPENROUTER_BASE_URL.rstrip("/") + "/chat/completions"
    try:
        response = _client().post(url, json=body, headers=headers, timeout=timeout)
    except httpx.TimeoutException as exc:
        raise ProviderError(f"timed out after {timeout:.1f}s", retryable=True, status="timeout") from exc
    except httpx.HTTPError as exc:
        raise ProviderError(f"network error: {exc}", retryable=True) from exc

    try:
        data = response.json()
    except ValueError:
        data = {}
    error = data.get("error") if isinstance(data, dict) else None
    if response.status_code >= 400 or error:
        code = response.status_code
        message = ""
        if isinstance(error, dict):
            message = str(error.get("message", ""))
            # OpenRouter may answer 200 with an upstream error code in the body.
            if code < 400 and isinstance(error.get("code"), int):
                code = error["code"]
        raise http_status_error(
            code if code >= 400 else 502,
            message or response.text[:200],
            parse_retry_after(response.headers.get("Retry-After")),
        )

    try:
        text = data["choices"][0]["message"]["content"] or ""
    except (KeyError, IndexError, TypeError) as exc:
        raise ProviderError("malformed response: no choices[0].message.content", retryable=False) from exc
    if not text.strip():
        raise ProviderError("empty answer", retryable=False)
    usage = data.get("usage") or {}
    return Completion(
        text=text,
        prompt_tokens=int(usage.get("prompt_tokens") or 0),
        completion_tokens=int(usage.get("completion_tokens") or 0),
    )
