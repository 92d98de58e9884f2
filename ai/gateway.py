"""The one way into a language model: access, limits, cache, retries, breaker, fallback, usage log.

``complete()`` is what every feature calls. A caller may rely on:

- anonymous use of a ``login_required`` model raises ``LoginRequired`` (401);
- one request counts once against the requested model's daily limit for the
  user (or the client address); over it, ``DailyLimitExceeded`` (429);
- answers are cached for ``AI_RESPONSE_CACHE_SECONDS`` by model + prompt;
- timeouts, 429 and 5xx are retried with exponential back-off; every failed
  call counts toward the model's circuit breaker, shared through the cache;
- when the model cannot answer, its fallback chain is tried; when nothing
  answers inside ``AI_TOTAL_TIMEOUT_SECONDS``, ``ModelUnavailable`` (503) and
  the request is not counted against the limit;
- every model tried writes one ``AIRequest`` row.

``AIStream`` is the same path for an answer shown while it is written (see its docstring).
"""

import ipaddress
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

from resumate.metrics import AI_REQUESTS

from . import limits
from .exceptions import DailyLimitExceeded, LoginRequired, ModelUnavailable
from .models import AIModel, AIRequest, AIRequestStatus, APIProvider
from .prompts import Prompt
from .providers import PROVIDERS, STREAMERS, Completion, ProviderError, Usage

logger = logging.getLogger(__name__)

MAX_CHAIN = 4
# Time kept back for the fallback chain when the first model is slow.
FALLBACK_RESERVE_SECONDS = 3.0


@dataclass
class AIResult:
    value: Any  # what ``parse`` made of the answer
    model: AIModel  # the model that answered
    requested: AIModel
    cached: bool
    remaining: int | None  # left today on the requested model; None = unlimited
    latency_ms: int = 0  # of the call that answered (0 from the cache)

    @property
    def fallback_used(self) -> bool:
        return self.model.pk != self.requested.pk


def text_answer(text: str) -> str:
    """The default parser: any non-empty text."""
    text = text.strip()
    if not text:
        raise ValueError("empty answer")
    return text


def fallback_chain(model: AIModel) -> list[AIModel]:
    chain, seen = [], set()
    current = model
    while current is not None and current.pk not in seen and len(chain) < MAX_CHAIN:
        chain.append(current)
        seen.add(current.pk)
        current = current.fallback
    return chain


def _admit(*, model: AIModel, user, client_ip):
    """(user, quota subject) once access and today's quota are granted; counts this request once."""
    if user is not None and not user.is_authenticated:
        user = None
    if model.login_required and user is None:
        raise LoginRequired(model=model)
    subject = limits.quota_subject(user=user, client_ip=client_ip)
    if not limits.quota_take(model, subject):
        raise DailyLimitExceeded(model=model, retry_after=limits.seconds_until_midnight())
    return user, subject


def _own_deadline(candidate: AIModel, *, index: int, chain_length: int, deadline: float) -> float | None:
    """How long this model may take, keeping time back for the rest of the chain; None = no time left."""
    now = time.monotonic()
    # The offline writer needs no network and answers in milliseconds: always let it try.
    if now >= deadline and candidate.api_provider != APIProvider.OFFLINE:
        return None
    own_deadline = deadline
    if index < chain_length - 1:
        own_deadline -= min(FALLBACK_RESERVE_SECONDS, (deadline - now) / 4)
    if candidate.api_provider == APIProvider.OFFLINE:
        own_deadline = max(own_deadline, now + 1.0)
    return own_deadline


def complete(
    *,
    model: AIModel,
    prompt: Prompt,
    user=None,
    client_ip: str | None = None,
    parse: Callable[[str], Any] = text_answer,
    probe: bool = False,
) -> AIResult:
    """Answer ``prompt`` with ``model`` (or its fallbacks); see the module docstring for guarantees.

    ``probe`` (the admin's "Test this model") asks this one model, even inactive, with no cache,
    no quota and no fallback, so what comes back is the model's own answer or its own error.
    """
    deadline = time.monotonic() + settings.AI_TOTAL_TIMEOUT_SECONDS
    if probe:
        user, subject = (user if user is not None and user.is_authenticated else None), None
    else:
        user, subject = _admit(model=model, user=user, client_ip=client_ip)

    log = _UsageLog(user=user, client_ip=client_ip, feature=prompt.feature, requested=model)
    chain = [model] if probe else fallback_chain(model)
    attempted, last_error = [], ""
    for index, candidate in enumerate(chain):
        attempted.append(candidate.display_name)
        usable = candidate.configured if probe else candidate.is_available
        if not usable:
            last_error = candidate.unavailable_reason or "not configured"
            log.write(candidate, AIRequestStatus.UNAVAILABLE, error=last_error)
            continue

        key = prompt.cache_key(f"{candidate.api_provider}:{candidate.model_name}:{candidate.base_url}")
        cached_text = None if probe else cache.get(key)
        if cached_text is not None:
            try:
                value = parse(cached_text)
            except ValueError:
                cache.delete(key)
            else:
                log.write(candidate, AIRequestStatus.CACHED)
                return AIResult(value, candidate, model, True, _remaining(model, subject))

        if not probe and not limits.breaker_allows(candidate):
            log.write(candidate, AIRequestStatus.UNAVAILABLE, error="circuit open")
            continue

        own_deadline = _own_deadline(candidate, index=index, chain_length=len(chain), deadline=deadline)
        if own_deadline is None:
            log.write(candidate, AIRequestStatus.TIMEOUT, error="no time left for this model")
            continue  # an offline writer further down the chain can still answer
        started = time.monotonic()
        completion, error, attempts = _with_retries(
            candidate, own_deadline, lambda timeout, c=candidate: _provider_call(c, prompt, timeout)
        )
        latency_ms = int((time.monotonic() - started) * 1000)

        if error is not None:
            limits.breaker_failure(candidate)
            last_error = str(error)
            log.write(candidate, error.status, error=last_error, attempts=attempts, latency_ms=latency_ms)
            continue
        limits.breaker_success(candidate)
        try:
            value = parse(completion.text)
        except ValueError as exc:
            last_error = f"unusable answer: {exc}"
            log.write(
                candidate,
                AIRequestStatus.ERROR,
                completion=completion,
                attempts=attempts,
                latency_ms=latency_ms,
                error=last_error,
            )
            continue
        if not probe:
            cache.set(key, completion.text, timeout=settings.AI_RESPONSE_CACHE_SECONDS)
        log.write(
            candidate,
            AIRequestStatus.SUCCESS,
            completion=completion,
            attempts=attempts,
            latency_ms=latency_ms,
        )
        return AIResult(value, candidate, model, False, _remaining(model, subject), latency_ms)

    if subject is not None:
        limits.quota_refund(model, subject)
    raise ModelUnavailable(last_error if probe else None, attempted=attempted)


def _remaining(model, subject):
    return None if subject is None else limits.quota_remaining(model, subject)


def _provider_options(model: AIModel, timeout: float) -> dict:
    return {
        "model_name": model.model_name,
        "api_key": model.api_key,
        "timeout": timeout,
        "base_url": model.base_url,
        "response_format": model.supports_response_format,
    }


def _provider_call(model: AIModel, prompt: Prompt, timeout: float) -> Completion:
    return PROVIDERS[model.api_provider](prompt, **_provider_options(model, timeout))


def _with_retries(model: AIModel, deadline: float, call: Callable[[float], Any]):
    """(value, None, attempts) or (None, last ProviderError, attempts); never past ``deadline``."""
    attempt = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0.05:
            return None, ProviderError("no time left", retryable=False, status="timeout"), attempt
        attempt += 1
        timeout = min(settings.AI_REQUEST_TIMEOUT_SECONDS, remaining)
        try:
            return call(timeout), None, attempt
        except ProviderError as exc:
            error = exc
        except Exception as exc:  # an SDK surprise must not become a 500
            logger.exception("AI provider %s failed unexpectedly", model.display_name)
            error = ProviderError(f"unexpected error: {exc.__class__.__name__}: {exc}", retryable=False)

        if not error.retryable or attempt > settings.AI_MAX_RETRIES:
            return None, error, attempt
        delay = settings.AI_BACKOFF_SECONDS * 2 ** (attempt - 1)
        if error.retry_after:
            delay = max(delay, error.retry_after)
        if time.monotonic() + delay >= deadline:
            return None, error, attempt
        logger.info(
            "AI %s attempt %d failed (%s); retrying in %.2fs", model.display_name, attempt, error, delay
        )
        time.sleep(delay)


class AIStream:
    """A streamed answer: iterate for the text as it is written; then ``result`` or ``error`` is set.

    Built like ``complete()``: access and the daily limit are checked (and the request counted
    once) when the stream is created, so those errors come before any byte is sent. The fallback
    chain is walked only until a model sends its first piece; after that the answer is that
    model's, and a failure mid-way ends the stream with ``error`` (limit refunded, nothing cached).
    The whole text is parsed like a ``complete()`` answer, cached and logged.
    """

    def __init__(self, *, model: AIModel, prompt: Prompt, user=None, client_ip=None, parse=text_answer):
        self.user, self.subject = _admit(model=model, user=user, client_ip=client_ip)
        self.model, self.prompt, self.parse = model, prompt, parse
        self.log = _UsageLog(user=self.user, client_ip=client_ip, feature=prompt.feature, requested=model)
        self.result: AIResult | None = None
        self.error: ModelUnavailable | None = None

    def __iter__(self):
        try:
            yield from self._pieces()
        except GeneratorExit:  # the client went away: nothing is stored, so nothing is counted
            if self.result is None and self.error is None:
                limits.quota_refund(self.model, self.subject)
            raise

    def _fail(self, detail=None, attempted=()):
        limits.quota_refund(self.model, self.subject)
        self.error = ModelUnavailable(detail, attempted=attempted)

    def _pieces(self):
        prompt, log = self.prompt, self.log
        deadline = time.monotonic() + settings.AI_TOTAL_TIMEOUT_SECONDS
        chain = fallback_chain(self.model)
        attempted = []
        for index, candidate in enumerate(chain):
            attempted.append(candidate.display_name)
            if not candidate.is_available:
                log.write(candidate, AIRequestStatus.UNAVAILABLE, error=candidate.unavailable_reason)
                continue
            key = prompt.cache_key(f"{candidate.api_provider}:{candidate.model_name}:{candidate.base_url}")
            cached_text = cache.get(key)
            if cached_text is not None:
                try:
                    value = self.parse(cached_text)
                except ValueError:
                    cache.delete(key)
                else:
                    yield cached_text
                    log.write(candidate, AIRequestStatus.CACHED)
                    self.result = self._result(value, candidate, cached=True)
                    return
            if not limits.breaker_allows(candidate):
                log.write(candidate, AIRequestStatus.UNAVAILABLE, error="circuit open")
                continue
            own_deadline = _own_deadline(candidate, index=index, chain_length=len(chain), deadline=deadline)
            if own_deadline is None:
                log.write(candidate, AIRequestStatus.TIMEOUT, error="no time left for this model")
                continue
            started = time.monotonic()
            opened, error, attempts = _with_retries(
                candidate, own_deadline, lambda timeout, c=candidate: _open_stream(c, prompt, timeout)
            )
            if error is not None:
                limits.breaker_failure(candidate)
                latency_ms = int((time.monotonic() - started) * 1000)
                log.write(candidate, error.status, error=str(error), attempts=attempts, latency_ms=latency_ms)
                continue
            # The first piece is out: from here on the answer is this model's, no fallback.
            yield from self._rest(candidate, *opened, key=key, started=started, attempts=attempts)
            return
        self._fail(attempted=attempted)

    def _rest(self, candidate, pieces, first, *, key, started, attempts):
        written, usage, error = [first], None, None
        yield first
        cut_at = started + settings.AI_STREAM_MAX_SECONDS
        try:
            for piece in pieces:
                if isinstance(piece, Usage):
                    usage = piece
                    continue
                if time.monotonic() > cut_at:
                    raise ProviderError(
                        f"stream cut after {settings.AI_STREAM_MAX_SECONDS:.0f}s",
                        retryable=False,
                        status="timeout",
                    )
                written.append(piece)
                yield piece
        except ProviderError as exc:
            error = exc
        except Exception as exc:  # an SDK surprise mid-stream must not become a broken response
            logger.exception("AI provider %s failed mid-stream", candidate.display_name)
            error = ProviderError(f"unexpected error: {exc.__class__.__name__}: {exc}", retryable=False)
        text = "".join(written)
        completion = Completion(
            text, usage.prompt_tokens if usage else 0, usage.completion_tokens if usage else len(text.split())
        )
        latency_ms = int((time.monotonic() - started) * 1000)
        done = {"completion": completion, "attempts": attempts, "latency_ms": latency_ms}
        if error is not None:
            limits.breaker_failure(candidate)
            self.log.write(candidate, error.status, error=f"interrupted: {error}", **done)
            self._fail("The answer broke off before it was finished. Try again.", [candidate.display_name])
            return
        limits.breaker_success(candidate)
        try:
            value = self.parse(text)
        except ValueError as exc:
            self.log.write(candidate, AIRequestStatus.ERROR, error=f"unusable answer: {exc}", **done)
            self._fail(
                "The answer was not usable. Try again or pick another model.", [candidate.display_name]
            )
            return
        cache.set(key, text, timeout=settings.AI_RESPONSE_CACHE_SECONDS)
        self.log.write(candidate, AIRequestStatus.SUCCESS, **done)
        self.result = self._result(value, candidate, cached=False, latency_ms=latency_ms)

    def _result(self, value, candidate, *, cached, latency_ms=0):
        remaining = limits.quota_remaining(self.model, self.subject)
        return AIResult(value, candidate, self.model, cached, remaining, latency_ms)


def _open_stream(model: AIModel, prompt: Prompt, timeout: float):
    """(the provider's iterator, its first text piece): connection and HTTP errors surface here."""
    pieces = iter(STREAMERS[model.api_provider](prompt, **_provider_options(model, timeout)))
    for piece in pieces:
        if not isinstance(piece, Usage) and piece:
            return pieces, piece
    raise ProviderError("empty answer", retryable=False)


def _valid_ip(value) -> str | None:
    # X-Forwarded-For is client-controlled: never let a malformed address reach an inet column.
    try:
        return str(ipaddress.ip_address(str(value).strip()))
    except ValueError:
        return None


class _UsageLog:
    def __init__(self, *, user, client_ip, feature, requested):
        self.user, self.feature, self.requested = user, feature, requested
        self.client_ip = _valid_ip(client_ip) if client_ip else None

    def write(
        self, model, status, *, completion: Completion | None = None, attempts=0, latency_ms=0, error=""
    ):
        AI_REQUESTS.labels(model=model.display_name, status=status).inc()
        AIRequest.objects.create(
            user=self.user,
            model=model,
            model_display_name=model.display_name,
            feature=self.feature,
            status=status,
            prompt_tokens=completion.prompt_tokens if completion else 0,
            completion_tokens=completion.completion_tokens if completion else 0,
            latency_ms=latency_ms,
            attempts=attempts,
            is_fallback=model.pk != self.requested.pk,
            error=error[:2000],
            client_ip=self.client_ip,
        )
