"""Daily quotas (in the database) and the per-model circuit breaker (in the shared cache).

Quotas are counted in ``AIQuotaUsage`` rows, never in the cache: the cache is an LRU
that also holds large PDF blobs, and an evicted counter would hand out a fresh quota.
A row per (model, subject, day) is incremented with one conditional UPDATE, so the
limit holds across processes and under concurrency. Subjects are ``user:<pk>``,
``ip:<address>`` (an IPv6 client counts by its /64) and ``global`` for the model's
daily budget across everyone (``AIModel.global_daily_limit``).
"""

import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from resumate.network import client_ip as _client_ip
from resumate.network import client_network

from .exceptions import AIError
from .models import AIQuotaUsage

GLOBAL_SUBJECT = "global"


class GlobalBudgetExhausted(AIError):
    status = 429
    code = "ai_model_budget"

    def __init__(self, *, model, retry_after: int):
        super().__init__(
            f"{model.display_name} has used its daily budget for everyone. Try another model or tomorrow.",
            extra={"model": model.display_name, "global_limit": model.global_daily_limit},
            headers={"Retry-After": str(retry_after)},
        )


def _today():
    return timezone.localdate()


def seconds_until_midnight() -> int:
    now = timezone.localtime()
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo)
    return max(1, int((midnight - now).total_seconds()))


def client_ip(request) -> str | None:
    """The client's address behind PROXY_COUNT trusted proxies (resumate.network)."""
    return _client_ip(request)


def quota_subject(*, user, client_ip) -> str:
    """Who a quota belongs to: the user, or the client's network (IPv4 address, IPv6 /64)."""
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_network(client_ip)}"


def quota_used(model, subject) -> int:
    row = AIQuotaUsage.objects.filter(model=model, subject=subject, day=_today()).only("used").first()
    return row.used if row else 0


def quota_remaining(model, subject) -> int | None:
    """Requests left today, or None when the model is unlimited."""
    if not model.daily_limit:
        return None
    return max(0, model.daily_limit - quota_used(model, subject))


def _take(model, subject, limit) -> bool:
    day = _today()
    try:
        with transaction.atomic():
            _, created = AIQuotaUsage.objects.get_or_create(model=model, subject=subject, day=day)
    except IntegrityError:  # a concurrent request created it first
        created = False
    if created:
        # A subject's first request of the day: counters older than yesterday are history.
        AIQuotaUsage.objects.filter(model=model, subject=subject, day__lt=day - timedelta(days=1)).delete()
    return bool(
        AIQuotaUsage.objects.filter(model=model, subject=subject, day=day, used__lt=limit).update(
            used=F("used") + 1
        )
    )


def _give_back(model, subject) -> None:
    AIQuotaUsage.objects.filter(model=model, subject=subject, day=_today(), used__gt=0).update(
        used=F("used") - 1
    )


def quota_take(model, subject) -> bool:
    """Count one request; False (and nothing counted) when the subject's daily limit is reached.

    Raises ``GlobalBudgetExhausted`` when the model's budget for everyone is spent.
    """
    if model.daily_limit and not _take(model, subject, model.daily_limit):
        return False
    if model.global_daily_limit and not _take(model, GLOBAL_SUBJECT, model.global_daily_limit):
        if model.daily_limit:
            _give_back(model, subject)
        raise GlobalBudgetExhausted(model=model, retry_after=seconds_until_midnight())
    return True


def quota_refund(model, subject) -> None:
    """Give back a request that produced nothing (every model failed)."""
    if model.daily_limit:
        _give_back(model, subject)
    if model.global_daily_limit:
        _give_back(model, GLOBAL_SUBJECT)


# --- Circuit breaker ----------------------------------------------------------


def _breaker_keys(model):
    base = f"ai:breaker:{model.pk}"
    return f"{base}:failures", f"{base}:open_until", f"{base}:probe"


def breaker_allows(model) -> bool:
    """Closed: yes. Open: no until the cool-down ends, then one caller probes (half-open)."""
    _, open_key, probe_key = _breaker_keys(model)
    open_until = cache.get(open_key)
    if open_until is None:
        return True
    if time.time() < open_until:
        return False
    # Half-open: exactly one process gets the trial call.
    return cache.add(probe_key, 1, timeout=max(5, int(settings.AI_TOTAL_TIMEOUT_SECONDS) + 5))


def breaker_is_open(model) -> bool:
    open_until = cache.get(_breaker_keys(model)[1])
    return open_until is not None and time.time() < open_until


def breaker_success(model) -> None:
    cache.delete_many(list(_breaker_keys(model)))


def breaker_failure(model) -> None:
    failures_key, open_key, probe_key = _breaker_keys(model)
    cooldown = settings.AI_BREAKER_COOLDOWN_SECONDS
    was_probing = cache.get(open_key) is not None
    cache.add(failures_key, 0, timeout=max(cooldown * 10, 600))
    try:
        failures = cache.incr(failures_key) or 1  # None while Redis is down
    except ValueError:
        failures = 1
    if was_probing or failures >= settings.AI_BREAKER_FAILURES:
        # Kept past the cool-down so the half-open state can be seen.
        cache.set(open_key, time.time() + cooldown, timeout=cooldown * 10 + 60)
        cache.delete(probe_key)
