"""Health checks: liveness, and readiness of database, cache and broker."""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from kombu import Connection

from accounts.middleware import staff_mfa_pending


def check_database(alias="default"):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches["default"]
    client = getattr(cache, "client", None)
    if client is not None and hasattr(client, "get_client"):
        # django-redis swallows errors on get/set (IGNORE_EXCEPTIONS); ask Redis itself.
        client.get_client(write=True).ping()
        return
    cache.set("health:probe", "ok", 5)
    if cache.get("health:probe") != "ok":
        raise RuntimeError("cache did not return the value it stored")


def check_broker():
    with Connection(
        settings.CELERY_BROKER_URL,
        transport_options=getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {}),
        connect_timeout=2,
    ) as connection:
        connection.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def check_replica():
    """The read replica answers (only checked when DATABASE_REPLICA_URL is set)."""
    check_database("replica")


if getattr(settings, "DATABASE_REPLICA_URL", ""):
    CHECKS["replica"] = check_replica


def run_checks():
    """Run every check; return (all_ok, {name: {"ok", "latency_ms"[, "error"]}})."""
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
            result = {"ok": True}
        except Exception as exc:  # any failure means "not ready", never a 500
            result = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        result["latency_ms"] = round((time.perf_counter() - started) * 1000, 2)
        results[name] = result
    return all(r["ok"] for r in results.values()), results


def live(request):
    return JsonResponse({"status": "ok"})


def ready(request):
    """200/503 with ``{"status": "ok"|"failing"}``; staff also get each check, its latency and error.

    Error texts name hosts and drivers, so anonymous callers (load balancers) get the verdict only.
    """
    ok, checks = run_checks()
    if not _is_staff(request):
        return JsonResponse({"status": "ok" if ok else "failing"}, status=200 if ok else 503)
    failing = [name for name, result in checks.items() if not result["ok"]]
    body = {"status": "ok" if ok else "failing", "checks": checks}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=200 if ok else 503)


def _is_staff(request) -> bool:
    try:
        user = request.user
        return bool(user.is_authenticated and user.is_staff and not staff_mfa_pending(user))
    except Exception:  # the session store (database or cache) is what is failing
        return False
