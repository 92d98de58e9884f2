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

from resumate.tests.stack import BASE_DIR, _wait_until_up, free_port, production_env

from .faults import PrivateRedis, phases, redis_outage
from .load import make_account, run_load, summary

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


def start_gunicorn(env: dict, run_dir: Path, name: str):
    port = free_port()
    output = run_dir / f"gunicorn-{name}.out"  # one log per phase: a failure's traceback stays readable
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "resumate.wsgi:application", "--config", "gunicorn.conf.py"],
        cwd=BASE_DIR,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2"},
        stdout=output.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    _wait_until_up(f"http://127.0.0.1:{port}/health/live/", process, output, "gunicorn")
    return process, f"http://127.0.0.1:{port}"


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


def main():
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
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=BASE_DIR, env=env,
                   check=True)  # fmt: skip
    process, base_url = start_gunicorn(env, run_dir, "load")
    try:
        print(f"{clients} clients for {seconds:.0f} s against {base_url} (gunicorn -w 2)…", flush=True)
        tally = asyncio.run(run_load(base_url, clients=clients, seconds=seconds, accounts=20))
    finally:
        process.terminate()
        process.wait(30)
    stored = count_stored(database_url, tally)

    print("schemathesis over every operation…", flush=True)
    process, base_url = start_gunicorn(env, run_dir, "schema")
    try:
        schema_lines = conformance(base_url, run_dir)
    finally:
        process.terminate()
        process.wait(30)

    print("Redis stopped for 10 s under load, then started again…", flush=True)
    redis = PrivateRedis()
    redis.start()
    process, base_url = start_gunicorn({**env, "REDIS_URL": redis.url}, run_dir, "redis-fault")
    try:
        fault_tally, outage = redis_outage(base_url, redis, clients=20, before=5, down=10, after=10)
    finally:
        process.terminate()
        process.wait(30)
        redis.stop()
    fault_lines = redis_report(fault_tally, outage, count_stored(database_url, fault_tally))
    write_report(tally, stored, clients=clients, seconds=seconds, extra=[*schema_lines, *fault_lines])
    lost = {kind: sent - kept for kind, (sent, kept) in stored.items() if sent != kept}
    errors = sum(tally.errors.values())
    print("\n".join(summary(tally)))
    print(f"errors: {errors}; writes not found: {lost or 'none'}")
    for example in tally.examples[:10]:
        print("  ", example)
    return 1 if errors or lost else 0


CHECKS = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"


def conformance(base_url: str, run_dir: Path) -> list[str]:
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
    return [
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


async def _account(base_url):
    async with httpx.AsyncClient(base_url=base_url, timeout=60, trust_env=False) as http:
        return await make_account(http, 0)


def redis_report(tally, outage, stored) -> list[str]:
    during = sorted({code for phase, code in outage.probe if phase == "during"})
    after = sorted({code for phase, code in outage.probe if phase == "after"})
    errors = phases(tally, outage)
    lost = sum(sent - kept for sent, kept in stored.values())
    recovered = (
        f"{outage.recovered_after} s" if outage.recovered_after is not None else "never (within the run)"
    )
    return [
        "## Fault: Redis stopped for 10 s under load (20 clients), then started",
        "",
        f"- Errors seen by clients: {errors['before']} before, {errors['during']} during and "
        f"{errors['after']} after the outage (django-redis is set to ignore cache errors).",
        f"- Readiness probe (`/health/ready/`): {during} while Redis was down, {after} after; ok again "
        f"{recovered} after Redis was back.",
        f"- Writes answered 2xx and not found afterwards: {lost}.",
        "",
        *summary(tally),
        "",
    ]


def write_report(tally, stored, *, clients, seconds, extra=()):
    total = sum(len(v) for v in tally.latencies.values())
    lines = [
        "# Reliability",
        "",
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by `{COMMAND}` on {platform.platform()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}: gunicorn -w 2 (production settings) "
        "on PostgreSQL + Redis, clients over HTTP from a separate process.",
        "",
        f"## Load: {clients} concurrent clients for {seconds:.0f} s",
        "",
        f"{total} requests ({total / seconds:.0f}/s), {sum(tally.errors.values())} errors.",
        "",
        *summary(tally),
        "",
        "Every write answered 2xx, looked for in the database afterwards:",
        "",
        "| write | answered 2xx | found |",
        "|---|---|---|",
        *(f"| {kind} | {sent} | {kept} |" for kind, (sent, kept) in stored.items()),
        "",
        *extra,
    ]
    OUTPUT.write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
