"""``make reliability``: load against gunicorn on PostgreSQL + Redis, figures into docs/RELIABILITY.md.

A throwaway database (``<DATABASE_URL's name>_reliability``) is created and migrated; the project
runs under ``gunicorn -w 2`` with production settings beside this process; clients come from
outside over HTTP. ``RELIABILITY_CLIENTS`` and ``RELIABILITY_SECONDS`` size the run (100, 60).
"""

import asyncio
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg

from resumate.tests.stack import BASE_DIR, gunicorn_running, production_env

from .ai_faults import ai_lines, ai_provider_fault
from .faults import error_codes_by_phase, outage_lines, service_outage
from .load import make_account, run_load, summary
from .servers import PrivatePostgres, PrivateRedis
from .workers import worker_faults, worker_lines, worker_result_ok

OUTPUT = BASE_DIR / "docs" / "RELIABILITY.md"
COMMAND = "make reliability"


def throwaway_database(url: str) -> str:
    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_reliability"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


def count_stored(database_url: str, tally) -> dict:
    with psycopg.connect(database_url) as connection:

        def found(sql, values):
            return connection.execute(sql, (list(values),)).fetchone()[0]

        return {
            "achievements": (
                len(tally.achievements),
                found("SELECT count(*) FROM resumes_achievement WHERE id = ANY(%s)", tally.achievements),
            ),
            "applications": (
                len(tally.applications),
                found(
                    "SELECT count(*) FROM job_tracker_jobapplication WHERE id = ANY(%s)", tally.applications
                ),
            ),
            "webhook deliveries": (
                len(tally.webhook_ids),
                found(
                    "SELECT count(*) FROM resumes_webhooklog WHERE delivery_id = ANY(%s)", tally.webhook_ids
                ),
            ),
        }


PHASES = ("load", "schema", "redis", "postgres", "ai", "workers")


def main():
    """``RELIABILITY_PHASES=load,ai`` re-measures those phases only; the file keeps the others."""
    chosen = [p for p in os.environ.get("RELIABILITY_PHASES", ",".join(PHASES)).split(",") if p]
    clients = int(os.environ.get("RELIABILITY_CLIENTS", 100))
    seconds = float(os.environ.get("RELIABILITY_SECONDS", 60))
    database_url = throwaway_database(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/resumate")
    )
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/2")
    run_dir = Path(tempfile.mkdtemp(prefix="resumate-reliability-"))
    env = production_env(
        database_url=database_url, redis_url=redis_url, static_root=run_dir / "static", throttle_auth=100_000
    )
    # The load is many clients per account on one address: lift the per-user and per-client rates.
    env.update({"THROTTLE_USER": "1000000/minute", "THROTTLE_ANON": "1000000/minute",
                "THROTTLE_RESUME_PDF": "1000000/minute", "LOG_LEVEL": "WARNING"})  # fmt: skip
    print("migrating the throwaway database…", flush=True)
    migrate(env)
    sections, failed = {}, []
    for phase in chosen:
        print(f"== {phase}", flush=True)
        lines, ok = RUNNERS[phase](env=env, run_dir=run_dir, database_url=database_url,
                                    clients=clients, seconds=seconds)  # fmt: skip
        sections[phase] = [*lines[:2], f"_Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC._", "", *lines[2:]]
        if not ok:
            failed.append(phase)
    write_report(sections)
    print(f"run files in {run_dir}; phases with failures: {failed or 'none'}")
    return 1 if failed else 0


def migrate(env):
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BASE_DIR, env=env,
                   check=True)  # fmt: skip


def run_load_phase(*, env, run_dir, database_url, clients, seconds):
    with gunicorn_running(env, run_dir, "load") as base_url:
        print(f"{clients} clients for {seconds:.0f} s against {base_url} (gunicorn -w 2)…", flush=True)
        tally = asyncio.run(run_load(base_url, clients=clients, seconds=seconds, accounts=20))
    stored = count_stored(database_url, tally)
    total = sum(len(v) for v in tally.latencies.values())
    errors = sum(tally.errors.values())
    lost = {kind: sent - kept for kind, (sent, kept) in stored.items() if sent != kept}
    for example in tally.examples[:10]:
        print("  ", example)
    lines = [
        f"## Load: {clients} concurrent clients for {seconds:.0f} s",
        "",
        f"{total} requests ({total / seconds:.0f}/s), {errors} errors.",
        "",
        *summary(tally),
        "",
        "Every write answered 2xx, looked for in the database afterwards:",
        "",
        "| write | answered 2xx | found |",
        "|---|---|---|",
        *(f"| {kind} | {sent} | {kept} |" for kind, (sent, kept) in stored.items()),
        "",
    ]
    return lines, not errors and not lost


def run_schema_phase(*, env, run_dir, **_):
    with gunicorn_running(env, run_dir, "schema") as base_url:
        return conformance(base_url, run_dir)


def outage_under_load(env, run_dir, name, service, *, down, after):
    """20 clients against a fresh gunicorn; ``service`` stopped 5 s in for ``down`` s, then started."""
    with gunicorn_running(env, run_dir, name) as base_url:
        return service_outage(
            base_url, stop=service.stop, start=service.start, clients=20, before=5, down=down, after=after
        )


def run_redis_phase(*, env, run_dir, database_url, **_):
    redis = PrivateRedis()
    redis.start()
    try:
        tally, outage = outage_under_load(
            {**env, "REDIS_URL": redis.url}, run_dir, "redis-fault", redis, down=10, after=10
        )
    finally:
        redis.stop()
    stored = count_stored(database_url, tally)
    title = "Redis stopped for 10 s under load (20 clients), then started"
    lines = outage_lines(title, "django-redis is set to ignore cache errors", tally, outage, stored, summary)
    lost = sum(sent - kept for sent, kept in stored.values())
    return lines, not sum(tally.errors.values()) and not lost


def run_postgres_phase(*, env, run_dir, **_):
    """PostgreSQL (a private cluster) stopped for 5 s and started: 503s, then recovery, no lost write."""
    database = PrivatePostgres()
    database.create()
    try:
        pg_env = {**env, "DATABASE_URL": database.url}
        migrate(pg_env)
        tally, outage = outage_under_load(pg_env, run_dir, "postgres-fault", database, down=5, after=15)
        stored = count_stored(database.url, tally)
    finally:
        database.remove()
    codes = error_codes_by_phase(tally, outage)
    title = "PostgreSQL stopped for 5 s under load (20 clients), then started (gunicorn kept running)"
    note = "the API answers a lost database with 503 and Retry-After"
    lines = outage_lines(title, note, tally, outage, stored, summary)
    lost = sum(sent - kept for sent, kept in stored.values())
    only_503s = set(codes["during"]) <= {503} and not codes["before"] and not codes["after"]
    return lines, only_503s and not lost and outage.recovered_after is not None


def run_ai_phase(*, env, run_dir, **_):
    timeout = float(env.get("AI_TOTAL_TIMEOUT_SECONDS", 12))
    results = [
        ai_provider_fault(env, run_dir, mode=mode, clients=20, seconds=20) for mode in ("ok", "error", "hang")
    ]
    for result in results:
        print(result, flush=True)
    # The deadline bounds the gateway's own time before it falls back; a client also waits in
    # gunicorn's queue while hanging calls hold its threads.
    ok = all(
        r["refused"] == 0 and r["other_errors"] == 0 and r["gateway_max_ms"] <= timeout * 1000
        for r in results
    )
    return ai_lines(results, clients=20, seconds=20, timeout=timeout), ok


def run_workers_phase(*, env, run_dir, database_url, **_):
    result = worker_faults(env, run_dir, database_url)
    print(result, flush=True)
    return worker_lines(result), worker_result_ok(result)


RUNNERS = {
    "load": run_load_phase, "schema": run_schema_phase, "redis": run_redis_phase,
    "postgres": run_postgres_phase, "ai": run_ai_phase, "workers": run_workers_phase,
}  # fmt: skip


CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def conformance(base_url: str, run_dir: Path) -> tuple[list[str], bool]:
    """schemathesis's CLI, every phase (examples, coverage, fuzzing, stateful), as a signed-in user."""
    with httpx.Client(base_url=base_url, timeout=60, trust_env=False) as http:
        account = asyncio.run(_account(base_url))
        token = http.post(
            "/api/v1/auth/tokens/", json={"name": "schemathesis", "scope": "write"},
            headers={"Authorization": f"Bearer {account.access}"},
        ).json()["token"]  # fmt: skip
    examples = os.environ.get("RELIABILITY_SCHEMA_EXAMPLES", "20")
    command = [
        sys.executable, "-m", "schemathesis.cli", "run", f"{base_url}/api/schema/", "--checks", CHECKS,
        "--header", f"Authorization: Bearer {token}", "--max-examples", examples, "--no-color",
        "--report", "junit", "--report-junit-path", str(run_dir / "schemathesis.xml"),
    ]  # fmt: skip
    result = subprocess.run(command, cwd=BASE_DIR, capture_output=True, text=True, timeout=3600)
    (run_dir / "schemathesis.txt").write_text(result.stdout)
    print(result.stdout[-20000:], flush=True)  # each failure with its curl line, for whoever runs this
    summary_lines = [line for line in result.stdout.splitlines() if line.strip()][-12:]
    lines = [
        "## Schema conformance: schemathesis over every operation",
        "",
        f"Command: `schemathesis run /api/schema/ --checks {CHECKS} --max-examples {examples}` "
        f"(all phases, as a signed-in user with a write token); exit code {result.returncode}.",
        "",
        "```",
        *summary_lines,
        "```",
        "",
    ]
    return lines, result.returncode == 0


async def _account(base_url):
    async with httpx.AsyncClient(base_url=base_url, timeout=60, trust_env=False) as http:
        return await make_account(http, 0)


def write_report(sections: dict):
    """Replace the measured phases' sections in docs/RELIABILITY.md, keep the others."""
    kept = {}
    if OUTPUT.exists():
        current, name = None, None
        for line in OUTPUT.read_text().splitlines():
            if line.startswith("## "):
                name = next((phase for phase, heading in HEADINGS.items() if line.startswith(heading)), None)
                current = kept.setdefault(name, []) if name else None
            if current is not None:
                current.append(line)
    kept.update(sections)
    lines = [
        "# Reliability",
        "",
        f"Written by `{COMMAND}` on {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}: gunicorn -w 2 (production settings) on PostgreSQL + Redis, clients "
        "over HTTP from a separate process. Each section says when it was measured; "
        "`RELIABILITY_PHASES=load,ai make reliability` re-measures the named phases only.",
        "",
    ]
    for phase in PHASES:
        if phase in kept:
            lines += [*kept[phase], ""] if kept[phase][-1] else kept[phase]
    OUTPUT.write_text("\n".join(lines).rstrip() + "\n")


HEADINGS = {
    "load": "## Load", "schema": "## Schema conformance", "redis": "## Fault: Redis",
    "postgres": "## Fault: PostgreSQL", "ai": "## Fault: the AI provider", "workers": "## Fault: Celery",
}  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
