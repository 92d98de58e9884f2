"""Daily quotas and the per-model circuit breaker, both kept in the shared cache.

The cache (Redis in production) is what every web process and worker sees,
so a limit or an open circuit holds across processes. A cache outage fails
open: requests go through rather than erroring.
"""

import contextlib
import time
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle


def _today():
    return timezone.localdate()


def seconds_until_midnight() -> int:
    now = timezone.localtime()
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=now.tzinfo)
    return max(1, int((midnight - now).total_seconds()))


def client_ip(request) -> str | None:
    """The client's address; DRF's throttle identity honours NUM_PROXIES (settings.PROXY_COUNT)."""
    return AnonRateThrottle().get_ident(request) or None


def quota_subject(*, user, client_ip) -> str:
    """Who a quota belongs to: the user, or the client address for anonymous use."""
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_ip or 'unknown'}"


def _quota_key(model, subject) -> str:
    return f"ai:quota:{model.pk}:{_today().isoformat()}:{subject}"


def quota_used(model, subject) -> int:
    return int(cache.get(_quota_key(model, subject)) or 0)


def quota_remaining(model, subject) -> int | None:
    """Requests left today, or None when the model is unlimited."""
    if not model.daily_limit:
        return None
    return max(0, model.daily_limit - quota_used(model, subject))


def quota_take(model, subject) -> bool:
    """Count one request; False (and nothing counted) when the day's limit is already reached."""
    if not model.daily_limit:
        return True
    key = _quota_key(model, subject)
    cache.add(key, 0, timeout=seconds_until_midnight() + 60)
    try:
        used = cache.incr(key)
    except ValueError:  # key vanished (eviction): fail open
        return True
    if used is None:  # django-redis swallowing an outage answers None: fail open
        return True
    if used > model.daily_limit:
        quota_refund(model, subject)
        return False
    return True


def quota_refund(model, subject) -> None:
    """Give back a request that produced nothing (every model failed)."""
    if not model.daily_limit:
        return
    with contextlib.suppress(ValueError):
        cache.decr(_quota_key(model, subject))


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
