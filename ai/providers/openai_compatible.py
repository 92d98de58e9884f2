"""OpenAI-style chat completions over httpx: Ollama, LM Studio, llama.cpp, vLLM, LocalAI (and OpenRouter).

``POST {base_url}/chat/completions`` with ``messages``; JSON mode is
``response_format: {"type": "json_object"}``. Many local servers reject that
field (400 naming it): then the request is repeated once without it, and the
refusal is remembered for the day so later calls skip the round trip. The
prompt itself always asks for JSON, and the caller's parser tolerates chatter
around the object, so answers stay usable either way.
"""

import functools
import hashlib
import json
from collections.abc import Iterator

import httpx
from django.core.cache import cache

from ..prompts import Prompt
from .base import Completion, ProviderError, Usage, http_status_error, parse_retry_after

NO_JSON_MODE_SECONDS = 24 * 3600


@functools.cache
def _client() -> httpx.Client:
    # One pooled client per process: creating one costs a TLS context load.
    return httpx.Client(follow_redirects=False)


def _no_json_mode_key(base_url: str, model_name: str) -> str:
    return "ai:no-json-mode:" + hashlib.sha256(f"{base_url}|{model_name}".encode()).hexdigest()[:32]


def _body(prompt: Prompt, model_name: str, *, json_mode: bool, stream: bool) -> dict:
    body = {
        "model": model_name,
        "messages": [
            {"role": "system", "content": prompt.system},
            {"role": "user", "content": prompt.text},
        ],
        "temperature": prompt.temperature,
        "max_tokens": prompt.max_output_tokens,
    }
    if json_mode:
        body["response_format"] = {"type": "json_object"}
    if stream:
        body["stream"] = True
    return body


def _headers(api_key: str, extra: dict | None) -> dict:
    headers = dict(extra or {})
    if api_key:
        headers["Authorization"] = f"Bearer {api_key}"
    return headers


def _error_of(response: httpx.Response, data) -> ProviderError | None:
    error = data.get("error") if isinstance(data, dict) else None
    if response.status_code < 400 and not error:
        return None
    code, message = response.status_code, ""
    if isinstance(error, dict):
        message = str(error.get("message", ""))
        # OpenRouter may answer 200 with an upstream error code in the body.
        if code < 400 and isinstance(error.get("code"), int):
            code = error["code"]
    elif isinstance(error, str):
        message = error  # Ollama's shape: {"error": "..."}
    return http_status_error(
        code if code >= 400 else 502,
        message or response.text[:200],
        parse_retry_after(response.headers.get("Retry-After")),
    )


def _rejects_json_mode(error: ProviderError, status_code: int) -> bool:
    return status_code in (400, 422) and "response_format" in str(error)


def _json(response: httpx.Response):
    try:
        return response.json()
    except ValueError:
        return {}


def _post(url, body, headers, timeout) -> httpx.Response:
    try:
        return _client().post(url, json=body, headers=headers, timeout=timeout)
    except httpx.TimeoutException as exc:
        raise ProviderError(f"timed out after {timeout:.1f}s", retryable=True, status="timeout") from exc
    except httpx.HTTPError as exc:
        raise ProviderError(f"network error: {exc}", retryable=True) from exc


def _wants_json_mode(prompt: Prompt, base_url: str, model_name: str, response_format: bool) -> bool:
    return prompt.json_output and response_format and not cache.get(_no_json_mode_key(base_url, model_name))


def chat_complete(
    prompt: Prompt,
    *,
    base_url: str,
    model_name: str,
    api_key: str,
    timeout: float,
    response_format: bool = True,
    headers: dict | None = None,
) -> Completion:
    """One chat completion; ``ProviderError`` for anything but a non-empty answer."""
    url = base_url.rstrip("/") + "/chat/completions"
    json_mode = _wants_json_mode(prompt, base_url, model_name, response_format)
    body = _body(prompt, model_name, json_mode=json_mode, stream=False)
    response = _post(url, body, _headers(api_key, headers), timeout)
    data = _json(response)
    error = _error_of(response, data)
    if error is not None and json_mode and _rejects_json_mode(error, response.status_code):
        cache.set(_no_json_mode_key(base_url, model_name), 1, timeout=NO_JSON_MODE_SECONDS)
        body.pop("response_format")
        response = _post(url, body, _headers(api_key, headers), timeout)
        data = _json(response)
        error = _error_of(response, data)
    if error is not None:
        raise error

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


def chat_stream(
    prompt: Prompt,
    *,
    base_url: str,
    model_name: str,
    api_key: str,
    timeout: float,
    response_format: bool = True,
    headers: dict | None = None,
) -> Iterator[str | Usage]:
    """The answer as it is written (``stream: true``, SSE ``data: {...}`` lines up to ``data: [DONE]``).

    Yields text pieces, then a ``Usage`` when the server reports one. Errors before the first piece
    are raised from the first ``next()``, so the caller can still retry or fall back.
    """
    url = base_url.rstrip("/") + "/chat/completions"
    json_mode = _wants_json_mode(prompt, base_url, model_name, response_format)
    body = _body(prompt, model_name, json_mode=json_mode, stream=True)
    for attempt in (1, 2):
        try:
            with _client().stream(
                "POST", url, json=body, headers=_headers(api_key, headers), timeout=timeout
            ) as response:
                if response.status_code >= 400:
                    response.read()
                    error = _error_of(response, _json(response))
                    if attempt == 1 and json_mode and _rejects_json_mode(error, response.status_code):
                        cache.set(_no_json_mode_key(base_url, model_name), 1, timeout=NO_JSON_MODE_SECONDS)
                        body.pop("response_format")
                        continue
                    raise error
                yield from _sse_pieces(response)
                return
        except httpx.TimeoutException as exc:
            raise ProviderError(f"timed out after {timeout:.1f}s", retryable=True, status="timeout") from exc
        except httpx.HTTPError as exc:
            raise ProviderError(f"network error: {exc}", retryable=True) from exc


def _sse_pieces(response: httpx.Response) -> Iterator[str | Usage]:
    usage = None
    wrote = False
    for line in response.iter_lines():
        if not line.startswith("data:"):
            continue  # comments (": keep-alive"), event names, blank separators
        payload = line[5:].strip()
        if payload == "[DONE]":
            break
        try:
            data = json.loads(payload)
        except ValueError as exc:
            raise ProviderError(f"malformed stream chunk: {payload[:80]}", retryable=False) from exc
        if isinstance(data, dict) and data.get("error"):
            raise _error_of(httpx.Response(200, json=data), data)  # the code in the body counts
        try:
            piece = (
                (data["choices"][0].get("delta") or {}).get("content") or "" if data.get("choices") else ""
            )
        except (KeyError, IndexError, TypeError, AttributeError) as exc:
            raise ProviderError("malformed stream chunk: no choices[0].delta", retryable=False) from exc
        if data.get("usage"):
            usage = data["usage"]
        if piece:
            wrote = True
            yield piece
    if not wrote:
        raise ProviderError("empty answer", retryable=False)
    if usage:
        yield Usage(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))


def complete(
    prompt: Prompt, *, model_name: str, api_key: str, timeout: float, base_url: str = "",
    response_format: bool = True,
) -> Completion:  # fmt: skip
    if not base_url:
        raise ProviderError("no base URL configured", retryable=False)
    return chat_complete(
        prompt, base_url=base_url, model_name=model_name, api_key=api_key, timeout=timeout,
        response_format=response_format,
    )  # fmt: skip


def stream(
    prompt: Prompt, *, model_name: str, api_key: str, timeout: float, base_url: str = "",
    response_format: bool = True,
) -> Iterator[str | Usage]:  # fmt: skip
    if not base_url:
        raise ProviderError("no base URL configured", retryable=False)
    return chat_stream(
        prompt, base_url=base_url, model_name=model_name, api_key=api_key, timeout=timeout,
        response_format=response_format,
    )  # fmt: skip
