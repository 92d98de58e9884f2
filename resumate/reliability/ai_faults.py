"""Fault: the AI provider answering 500s, then hanging, while clients use the whole product.

Every client asks Gemini (through the real google-genai SDK, pointed at a local fake) for
letters beside its other requests. Counted per provider mode: how the letters were answered
(by Gemini, by the Offline fallback, or refused), how long they took, how many calls reached
the provider (the breaker should stop them) and whether the other requests noticed.
"""

import asyncio
import statistics
from datetime import UTC, datetime

import psycopg

from resumate.tests.stack import gunicorn_running

from .load import percentile, run_load
from .servers import FailingGemini, PrivateRedis

AI_KIND = "AI letter"


def gemini_outcomes(database_url, since) -> tuple[dict, int]:
    """How the gateway logged each Gemini attempt (success, error, timeout, unavailable = breaker
    open), and the longest time it spent on one before answering or falling back (ms)."""
    with psycopg.connect(database_url) as connection:
        rows = connection.execute(
            "SELECT status, count(*), max(latency_ms) FROM ai_airequest"
            " WHERE model_display_name = 'Gemini' AND created_at >= %s GROUP BY status",
            (since,),
        ).fetchall()
    return {status: count for status, count, _ in rows}, max((ms for *_, ms in rows), default=0)


def ai_provider_fault(env, run_dir, *, mode: str, clients: int, seconds: float) -> dict:
    gemini = FailingGemini(mode).start()
    cache = PrivateRedis()  # a fresh cache: no breaker state or cached answers from another mode
    cache.start()
    ai_env = {
        **env,
        "REDIS_URL": cache.url,
        "GEMINI_API_KEY": "reliability-run",
        "GEMINI_BASE_URL": gemini.url,
    }
    try:
        with gunicorn_running(ai_env, run_dir, f"ai-{mode}") as base_url:
            since = datetime.now(UTC)
            tally = asyncio.run(
                run_load(base_url, clients=clients, seconds=seconds, accounts=clients, ai_model="Gemini")
            )
    finally:
        cache.stop()
        gemini.stop()
    outcomes, longest = gemini_outcomes(env["DATABASE_URL"], since)
    answered_by = [model for _, model in tally.ai_answers]
    letters = tally.latencies[AI_KIND]
    others = [ms for kind, values in tally.latencies.items() if kind != AI_KIND for ms in values]
    other_errors = sum(count for kind, count in tally.errors.items() if kind != AI_KIND)
    return {
        "mode": mode,
        "letters": len(letters),
        "by_gemini": answered_by.count("Gemini"),
        "by_fallback": sum(1 for model in answered_by if model != "Gemini"),
        "refused": tally.errors[AI_KIND],
        "p50": statistics.median(letters) if letters else 0,
        "p95": percentile(letters, 0.95) if letters else 0,
        "max": max(letters, default=0),
        "provider_calls": gemini.calls,
        "others_p95": percentile(others, 0.95) if others else 0,
        "other_errors": other_errors,
        "examples": tally.examples[:5],
        "gateway": outcomes,
        "gateway_max_ms": longest,
    }


def ai_lines(results: list[dict], *, clients: int, seconds: float, timeout: float) -> list[str]:
    lines = [
        f"## Fault: the AI provider failing ({clients} clients, {seconds:.0f} s per mode)",
        "",
        "Letters asked of Gemini (google-genai SDK against a local fake): `ok` answers, `error` answers "
        f"500 to every call, `hang` holds every call for {FailingGemini.HANG_SECONDS} s. The whole-request "
        f"AI deadline is {timeout:.0f} s; the breaker opens after 3 failures (`unavailable` below: "
        "refused without calling the provider). The longest attempt is the gateway's own time before it "
        "answered or fell back; a letter's max adds the wait in gunicorn's queue while hanging calls "
        "hold its threads.",
        "",
        "| provider | letters | by Gemini | by fallback (Offline) | refused | letter p50 ms | p95 ms "
        "| max ms | calls reaching the provider | Gemini attempts logged | longest Gemini attempt ms "
        "| other requests p95 ms | other requests' errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        logged = ", ".join(f"{count} {status}" for status, count in sorted(r["gateway"].items()))
        lines.append(
            f"| {r['mode']} | {r['letters']} | {r['by_gemini']} | {r['by_fallback']} | {r['refused']} "
            f"| {r['p50']:.0f} | {r['p95']:.0f} | {r['max']:.0f} | {r['provider_calls']} | {logged} "
            f"| {r['gateway_max_ms']} | {r['others_p95']:.0f} | {r['other_errors']} |"
        )
    lines.append("")
    return lines
