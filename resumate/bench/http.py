"""Each endpoint's median and p95 over HTTP from a separate client, against two baselines in the
same run. The project runs under gunicorn -w 2 (production settings, DEBUG=0) on the benchmark
database and Redis. Baseline (a): a bare WSGI app running the endpoint's own SQL (captured from
the project) through one kept-open psycopg connection per thread, returning orjson bytes.
Baseline (b): a bare Django view returning a constant JSON body. Both under the same gunicorn
settings. Requests alternate project / baseline, one at a time on kept-alive connections; the
throughput rows use 16 concurrent clients for 10 s each. Reproduce: `make bench BENCH=http`."""

import asyncio
import contextlib
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import PASSWORD, UserFactory
from job_tracker.tests.factories import JobApplicationFactory, JobPostingFactory
from resumate.bench import Result
from resumate.tests.stack import gunicorn_running, production_env
from resumes.integrations.services import integration_create
from resumes.tests.factories import AchievementFactory

KEY = "http"
TITLE = "HTTP, from outside"
ROUNDS = 200
LISTS = [
    "/api/v1/achievements/", "/api/v1/skills/", "/api/v1/resumes/", "/api/v1/applications/",
    "/api/v1/jobs/", "/api/v1/integrations/",
]  # fmt: skip
CACHED = ["/api/v1/example-applications/", "/api/v1/ai/models/"]


def make_data():
    user = UserFactory()
    for n in range(50):
        AchievementFactory(user=user, title=f"Engineer {n}", skills=[f"Skill {n}", "Python"])
        JobApplicationFactory(user=user)
        JobPostingFactory(title=f"Python engineer {n}")
    for n in range(50):
        integration_create(user=user, platform="generic", name=f"Hook {n}")
    return user


def captured_sql(client, auth, path) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, **auth).status_code == 200, path
    return [q["sql"] for q in queries.captured_queries]


def interleaved(project, baseline, path, baseline_path, headers, rounds=ROUNDS):
    """Medians and p95s (ms) of ``rounds`` alternating requests to the project and the baseline."""
    times = {"project": [], "baseline": []}
    for n in range(rounds + 10):
        for side, client, target in (("project", project, path), ("baseline", baseline, baseline_path)):
            started = time.perf_counter()
            response = client.get(target, headers=headers if side == "project" else None)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (side, target, response.status_code)
            if n >= 10:  # the first requests warm connections and caches
                times[side].append(elapsed)
    return {side: (statistics.median(v), sorted(v)[int(0.95 * (len(v) - 1))]) for side, v in times.items()}


def throughput(base_url, path, headers, seconds=10, clients=16) -> float:
    async def run():
        done = 0
        deadline = time.monotonic() + seconds
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base_url, limits=limits, trust_env=False, timeout=30) as http:

            async def one():
                nonlocal done
                while time.monotonic() < deadline:
                    response = await http.get(path, headers=headers)
                    assert response.status_code == 200
                    done += 1

            await asyncio.gather(*(one() for _ in range(clients)))
        return done / seconds

    return asyncio.run(run())


def run():
    if connection.vendor != "postgresql":
        print("the HTTP benchmark needs PostgreSQL (DATABASE_URL); skipped")
        return []
    user = make_data()
    client = Client(HTTP_HOST="localhost")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {RefreshToken.for_user(user).access_token}"}
    achievement = user.achievements.first()
    targets = [
        *(f"{p}?page_size=50" for p in LISTS), "/api/v1/auth/me/", f"/api/v1/achievements/{achievement.pk}/",
    ]  # fmt: skip
    queries = {f"/q{n}": captured_sql(client, auth, path) for n, path in enumerate(targets)}
    run_dir = Path(tempfile.mkdtemp(prefix="resumate-bench-http-"))
    (run_dir / "queries.json").write_text(json.dumps(queries))
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = production_env(database_url=database_url, redis_url=os.environ.get("REDIS_URL", ""),
                         static_root=run_dir / "static", throttle_auth=100_000)  # fmt: skip
    env.update({"THROTTLE_USER": "1000000/minute", "THROTTLE_ANON": "1000000/minute", "LOG_LEVEL": "WARNING",
                "BASELINE_QUERIES": str(run_dir / "queries.json")})  # fmt: skip
    apps = {
        "project": ("resumate.wsgi:application", env),
        "baseline-a": ("resumate.bench.baseline_wsgi:application", env),
        "baseline-b": ("resumate.bench.bare_django:application",
                       {**env, "DJANGO_SETTINGS_MODULE": "resumate.bench.bare_django"}),
    }  # fmt: skip
    with contextlib.ExitStack() as running:
        project_url, a_url, b_url = (
            running.enter_context(gunicorn_running(app_env, run_dir, name, app=app))
            for name, (app, app_env) in apps.items()
        )
        # The project signs with its own production key: log in over HTTP as a client would.
        login = {"username": user.username, "password": PASSWORD}
        token = httpx.post(f"{project_url}/api/v1/auth/token/", json=login, trust_env=False).json()["access"]
        return list(measure(project_url, a_url, b_url, targets, headers={"Authorization": f"Bearer {token}"}))


def measure(project_url, a_url, b_url, targets, headers):
    with (
        httpx.Client(base_url=project_url, trust_env=False, timeout=30) as project,
        httpx.Client(base_url=a_url, trust_env=False, timeout=30) as baseline_a,
        httpx.Client(base_url=b_url, trust_env=False, timeout=30) as baseline_b,
    ):
        for n, path in enumerate(targets):
            t = interleaved(project, baseline_a, path, f"/q{n}", headers)
            yield _row(f"GET {path} (JWT), median", t, "baseline (a): its SQL, orjson")
        for path in CACHED:
            t = interleaved(project, baseline_b, path, "/constant/", headers={})
            yield _row(f"GET {path} (cached, anonymous), median", t, "baseline (b): constant Django view")
    listed = f"{LISTS[0]}?page_size=50"
    project_rate = throughput(project_url, listed, headers)
    constant_rate = throughput(b_url, "/constant/", {})
    yield Result(f"throughput of GET {listed} (JWT), 16 clients", project_rate, "requests/s",
                 "baseline (b): constant Django view", constant_rate,
                 f"{project_rate / constant_rate:.0%} of the baseline; 10 s each")  # fmt: skip


def _row(name, times, baseline_name):
    (p50, p95), (b50, b95) = times["project"], times["baseline"]
    note = f"{p50 / b50:.2f}x; p95 {p95:.2f} vs {b95:.2f} ms; {ROUNDS} alternating requests"
    return Result(name, p50, "ms", baseline_name, b50, note)
