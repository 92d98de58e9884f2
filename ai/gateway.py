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
"""

import ipaddress
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache

from . import limits
from .exceptions import DailyLimitExceeded, LoginRequired, ModelUnavailable
from .models import AIModel, AIRequest, AIRequestStatus, APIProvider
from .prompts import Prompt
from .providers import PROVIDERS, Completion, ProviderError

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


def complete(
    *,
    model: AIModel,
    prompt: Prompt,
    user=None,
    client_ip: str | None = None,
    parse: Callable[[str], Any] = text_answer,
) -> AIResult:
    """Answer ``prompt`` with ``model`` (or its fallbacks); see the module docstring for guarantees."""
    deadline = time.monotonic() + settings.AI_TOTAL_TIMEOUT_SECONDS
    if user is not None and not user.is_authenticated:
        user = None
    if model.login_required and user is None:
        raise LoginRequired(model=model)
    subject = limits.quota_subject(user=user, client_ip=client_ip)
    if not limits.quota_take(model, subject):
        raise DailyLimitExceeded(model=model, retry_after=limits.seconds_until_midnight())

    log = _UsageLog(user=user, client_ip=client_ip, feature=prompt.feature, requested=model)
    chain = fallback_chain(model)
    attempted = []
    for index, candidate in enumerate(chain):
        attempted.append(candidate.display_name)
        if not candidate.is_available:
            reason = "inactive" if not candidate.is_active else f"{candidate.api_key_name} is not set"
            log.write(candidate, AIRequestStatus.UNAVAILABLE, error=reason)
            continue

        key = prompt.cache_key(f"{candidate.api_provider}:{candidate.model_name}")
        cached_text = cache.get(key)
        if cached_text is not None:
            try:
                value = parse(cached_text)
            except ValueError:
                cache.delete(key)
            else:
                log.write(candidate, AIRequestStatus.CACHED)
                return AIResult(value, candidate, model, True, limits.quota_remaining(model, subject))

        if not limits.breaker_allows(candidate):
            log.write(candidate, AIRequestStatus.UNAVAILABLE, error="circuit open")
            continue

        now = time.monotonic()
        # The offline writer needs no network and answers in milliseconds: always let it try.
        if now >= deadline and candidate.api_provider != APIProvider.OFFLINE:
            log.write(candidate, AIRequestStatus.TIMEOUT, error="no time left for this model")
            continue  # an offline writer further down the chain can still answer
        own_deadline = deadline
        if index < len(chain) - 1:
            own_deadline -= min(FALLBACK_RESERVE_SECONDS, (deadline - now) / 4)
        if candidate.api_provider == APIProvider.OFFLINE:
            own_deadline = max(own_deadline, now + 1.0)
        started = time.monotonic()
        completion, error, attempts = _call_with_retries(candidate, prompt, own_deadline)
        latency_ms = int((time.monotonic() - started) * 1000)

        if error is not None:
            limits.breaker_failure(candidate)
            log.write(candidate, error.status, error=str(error), attempts=attempts, latency_ms=latency_ms)
            continue
        limits.breaker_success(candidate)
        try:
            value = parse(completion.text)
        except ValueError as exc:
            log.write(
                candidate,
                AIRequestStatus.ERROR,
                completion=completion,
                attempts=attempts,
                latency_ms=latency_ms,
                error=f"unusable answer: {exc}",
            )
            continue
        cache.set(key, completion.text, timeout=settings.AI_RESPONSE_CACHE_SECONDS)
        log.write(
            candidate,
            AIRequestStatus.SUCCESS,
            completion=completion,
            attempts=attempts,
            latency_ms=latency_ms,
        )
        return AIResult(value, candidate, model, False, limits.quota_remaining(model, subject))

    limits.quota_refund(model, subject)
    raise ModelUnavailable(attempted=attempted)


def _call_with_retries(model: AIModel, prompt: Prompt, deadline: float):
    """(completion, None, attempts) or (None, last ProviderError, attempts); never past ``deadline``."""
    provider = PROVIDERS[model.api_provider]
    attempt = 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0.05:
            return None, ProviderError("no time left", retryable=False, status="timeout"), attempt
        attempt += 1
        timeout = min(settings.AI_REQUEST_TIMEOUT_SECONDS, remaining)
        try:
            return (
                provider(prompt, model_name=model.model_name, api_key=model.api_key, timeout=timeout),
                None,
                attempt,
            )
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
