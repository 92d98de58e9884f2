"""The production deployment, for real: two gunicorn instances behind nginx.

nginx runs with the project's own nginx/nginx.conf (installed from Debian's
packages when missing), gunicorn with gunicorn.conf.py and production
settings (DEBUG=0, hashed static files). With DATABASE_URL the instances use
this session's PostgreSQL test database (the test that creates rows through
them is transactional, so the rows are flushed afterwards); without it, a
copy of the migrated SQLite test database in a file. With REDIS_URL they share Redis, as
production does. Instances are told apart by their JSON access logs, which
record the X-Request-ID each request carried through nginx.
"""

import re
import sqlite3
import threading
import time
import uuid
from urllib.parse import quote

import httpx
import pytest
from django.conf import settings
from django.db import connections

from resumate.tests.stack import NGINX_CONF, start_stack

pytestmark = pytest.mark.slow

THROTTLE_AUTH = 8
PASSWORD = "a-long-passphrase-7"


def _database_url(tmp_path_factory, django_db_blocker):
    connection = connections["default"]
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = quote(db["USER"] or "", safe="")
        if db["PASSWORD"]:
            auth += ":" + quote(db["PASSWORD"], safe="")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    # SQLite's test database lives in this process's memory: copy the migrated
    # schema to a file the instances share (their rows stay their own).
    path = tmp_path_factory.mktemp("deploy-db") / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    stack, reason = start_stack(
        database_url=_database_url(tmp_path_factory, django_db_blocker),
        redis_url=getattr(settings, "REDIS_URL", ""),
        throttle_auth=THROTTLE_AUTH,
    )
    if stack is None:
        pytest.skip(reason)
    yield stack
    stack.stop()


def _rid():
    return f"t-{uuid.uuid4().hex}"


def _register(client):
    username = f"u{uuid.uuid4().hex[:10]}"
    response = client.post(
        "/api/v1/auth/register/",
        json={"username": username, "email": f"{username}@example.com", "password": PASSWORD},
    )
    assert response.status_code == 201, response.text
    response = client.post(
        "/api/v1/auth/token/",
        json={"username": username, "password": PASSWORD},
        headers={"X-Request-ID": _rid()},
    )
    assert response.status_code == 200, response.text
    return response.json()["access"], response.headers["X-Request-ID"]


def test_static_files_come_from_nginx_with_long_cache_headers(stack):
    with stack.client() as client:
        page = client.get("/login/")
        assert page.status_code == 200
        css = re.search(r'href="(/static/css/app\.[0-9a-f]{12}\.css)"', page.text)
        assert css, "the page links the hashed stylesheet"
        hashed = client.get(css.group(1), headers={"Accept-Encoding": "gzip"})
        plain = client.get("/static/css/app.css")
        missing = client.get("/static/css/nope.css")

    assert hashed.status_code == 200
    assert hashed.headers["Content-Type"].startswith("text/css")
    assert hashed.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert hashed.headers["Content-Encoding"] == "gzip"
    assert ".topbar" in hashed.text
    assert plain.status_code == 200
    assert plain.headers["Cache-Control"] == "public, max-age=3600"
    assert missing.status_code == 404
    assert "Cache-Control" not in missing.headers
    # nginx answered: no gunicorn instance saw a /static/ request.
    for instance in stack.instances:
        assert not [e for e in stack.access_lines(instance) if e["path"].startswith("/static/")]


def test_security_headers_on_pages_api_static_and_errors(stack):
    with stack.client() as client:
        answers = {
            "page": client.get("/login/"),
            "api": client.get("/api/v1/auth/me/"),
            "static": client.get("/static/css/app.css"),
            "404": client.get("/no-such-page/"),
        }
    for what, response in answers.items():
        headers = response.headers
        assert headers.get_list("X-Content-Type-Options") == ["nosniff"], what
        assert headers.get_list("X-Frame-Options") == ["DENY"], what
        assert headers.get_list("Referrer-Policy") == ["same-origin"], what
        csp = headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp, what
        assert "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp, what
        # HSTS is sent only over TLS; this nginx speaks plain http.
        assert "Strict-Transport-Security" not in headers, what
    # Swagger UI is self-hosted: the same strict policy, and every script it needs is ours.
    with stack.client() as client:
        docs = client.get("/api/docs/")
        scripts = re.findall(r'<script[^>]*src="([^"]+)"', docs.text)
        loaded = [client.get(src) for src in scripts]
    assert docs.status_code == 200
    assert docs.headers["Content-Security-Policy"] == answers["page"].headers["Content-Security-Policy"]
    assert "<script>" not in docs.text and "<style" not in docs.text and scripts
    assert all(src.startswith("/") for src in scripts), scripts
    assert [r.status_code for r in loaded] == [200] * len(scripts)
    assert answers["api"].status_code == 401
    assert answers["api"].headers["Content-Type"] == "application/json"


def test_only_the_resume_previews_may_be_framed_and_only_by_our_own_pages(stack):
    with stack.client() as client:
        preview = client.get("/resumes/1/preview/classic/?paper=a4")
        export = client.get("/resumes/1/export/")
    assert preview.headers.get_list("X-Frame-Options") == ["SAMEORIGIN"]
    assert "frame-ancestors 'self'" in preview.headers["Content-Security-Policy"]
    assert "script-src 'none'" in preview.headers["Content-Security-Policy"]
    assert preview.headers.get_list("X-Content-Type-Options") == ["nosniff"]
    assert export.headers.get_list("X-Frame-Options") == ["DENY"]
    assert "frame-ancestors 'none'" in export.headers["Content-Security-Policy"]


def test_pages_satisfy_the_content_security_policy(stack):
    """script-src/style-src 'self': no inline script, style or handler; only same-origin files."""
    with stack.client() as client:
        for path in ("/", "/login/", "/signup/", "/admin/login/"):
            html = client.get(path).text
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
            assert "<style" not in html and not re.search(r"\sstyle=", html), path
            assert not re.search(r"\son[a-z]+\s*=", html, re.IGNORECASE), path
            if "htmx" in html:  # htmx must not inject its indicator <style>
                assert """content='{"includeIndicatorStyles": false}'""" in html, path
            for url in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
                assert url.startswith("/static/"), (path, url)
                assert client.get(url).status_code == 200, url


def test_requests_are_spread_over_both_instances_and_keep_their_request_id(stack):
    sent = [_rid() for _ in range(20)]
    with stack.client() as client:
        for rid in sent:
            response = client.get("/health/live/", headers={"X-Request-ID": rid})
            assert response.status_code == 200
            assert response.headers["X-Request-ID"] == rid
        generated = client.get("/health/live/").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated), "nginx gives an id to requests without one"

    served = stack.served_by(expect=sent)
    split = {
        instance.name: sum(served.get(rid) == instance.name for rid in sent) for instance in stack.instances
    }
    print(f"request split over instances: {split}")
    assert sum(split.values()) == len(sent), "every request id reached a gunicorn access log"
    assert all(count >= 5 for count in split.values()), split


@pytest.mark.django_db(transaction=True)  # its user is committed by the instances; flushed after
def test_a_jwt_issued_through_one_instance_works_on_the_other(stack):
    with stack.client() as client:
        access, token_rid = _register(client)
    issuer = stack.served_by(expect=[token_rid])[token_rid]
    for instance in stack.instances:
        response = httpx.get(
            f"http://127.0.0.1:{instance.port}/api/v1/auth/me/",
            headers={"Authorization": f"Bearer {access}"},
            trust_env=False,
        )
        assert response.status_code == 200, (instance.name, response.text)
    assert {i.name for i in stack.instances} - {issuer}, "a second instance verified the token"

    # And through nginx: authenticated API requests land on both instances.
    sent = [_rid() for _ in range(8)]
    with stack.client() as client:
        for rid in sent:
            response = client.get(
                "/api/v1/auth/me/", headers={"Authorization": f"Bearer {access}", "X-Request-ID": rid}
            )
            assert response.status_code == 200, response.text
    served = stack.served_by(expect=sent)
    assert {served[rid] for rid in sent} == {i.name for i in stack.instances}


def test_the_mcp_server_answers_through_nginx_and_gunicorn(stack):
    # Before the auth-throttle test below, which spends this client's log-in budget.
    """The same web processes serve /mcp/: the SDK's own client, with a personal access token."""
    import asyncio

    from mcp import ClientSession
    from mcp.client.streamable_http import streamable_http_client

    with stack.client() as client:
        access, _ = _register(client)
        response = client.post(
            "/api/v1/auth/tokens/",
            json={"name": "assistant", "scope": "write"},
            headers={"Authorization": f"Bearer {access}"},
        )
        assert response.status_code == 201, response.text
        raw = response.json()["token"]

    async def session():
        headers = {"Authorization": f"Bearer {raw}"}
        async with (
            httpx.AsyncClient(headers=headers, timeout=30, trust_env=False) as http,
            streamable_http_client(f"{stack.url}/mcp/", http_client=http) as (read, write, _),
            ClientSession(read, write) as mcp,
        ):
            await mcp.initialize()
            tools = {tool.name for tool in (await mcp.list_tools()).tools}
            added = await mcp.call_tool(
                "add_achievement", {"achievement": {"type": "award", "title": "Best talk"}}
            )
            listed = await mcp.call_tool("list_achievements", {})
            return tools, added, listed

    tools, added, listed = asyncio.run(session())
    assert {"add_achievement", "tailor_resume", "weekly_report"} <= tools
    assert not added.isError and added.structuredContent["title"] == "Best talk"
    assert [a["title"] for a in listed.structuredContent["items"]] == ["Best talk"]


def test_the_auth_throttle_holds_across_both_instances(stack):
    rids, statuses = [], []
    with stack.client() as client:
        for _ in range(2 * THROTTLE_AUTH + 1):
            rid = _rid()
            response = client.post("/api/v1/auth/register/", json={}, headers={"X-Request-ID": rid})
            rids.append(rid)
            statuses.append(response.status_code)
            if response.status_code == 429:
                assert response.json()["code"] == "throttled"
                assert int(response.headers["Retry-After"]) > 0
                break
    served = stack.served_by(expect=rids)
    allowed = [rid for rid, status in zip(rids, statuses, strict=True) if status == 400]
    assert statuses[-1] == 429, statuses
    if stack.redis_shared:
        # One counter in Redis: exactly the rate, though both instances served.
        assert len(allowed) == THROTTLE_AUTH, statuses
        assert {served[rid] for rid in allowed} == {i.name for i in stack.instances}
    else:
        # Local memory: each instance counts on its own, so only "at most twice the rate" holds.
        assert len(allowed) <= 2 * THROTTLE_AUTH


@pytest.mark.django_db(transaction=True)  # the model row must be committed for the instances
def test_ai_daily_limit_holds_across_both_instances(stack):
    """An anonymous client's daily quota is one counter in Redis, whichever instance answers."""
    if not stack.redis_shared or connections["default"].vendor != "postgresql":
        pytest.skip("needs REDIS_URL and DATABASE_URL: local memory counts per process")
    from ai.models import AIModel

    limit = 3
    AIModel.objects.create(
        display_name="Offline (limited)",
        model_name="offline",
        api_provider="offline",
        login_required=False,
        daily_limit=limit,
    )
    rids, answers = [], []
    with stack.client() as client:
        for attempt in range(limit + 1):
            rid = _rid()
            rids.append(rid)
            answers.append(
                client.post(
                    "/api/v1/ai/generate/",
                    json={"model": "Offline (limited)", "user_input": f"Backend developer, try {attempt}"},
                    headers={"X-Request-ID": rid},
                )
            )
            time.sleep(0.6)  # stay under nginx's own 2 r/s limit on /api/v1/ai/
    statuses = [a.status_code for a in answers]
    assert statuses == [201] * limit + [429], [a.text for a in answers]
    assert int(answers[-1].headers["Retry-After"]) > 0
    assert answers[-1].json()["limit"] == limit
    served = stack.served_by(expect=rids[:limit])
    assert {served[rid] for rid in rids[:limit]} == {i.name for i in stack.instances}


def _client_from(stack, address):
    """A client connecting from its own loopback address: nginx sees a different $remote_addr."""
    return stack.client(transport=httpx.HTTPTransport(local_address=address))


@pytest.mark.django_db(transaction=True)  # the user is committed by the instances; flushed after
def test_lockout_behind_nginx_is_per_client_and_ignores_case_and_forged_forwarding(stack):
    """Client A's failures lock A out of the account, not B; Alice/ALICE/alice share one counter."""
    username = f"Alice{uuid.uuid4().hex[:8]}"
    with _client_from(stack, "127.0.0.2") as attacker, _client_from(stack, "127.0.0.3") as owner:
        response = owner.post(
            "/api/v1/auth/register/",
            json={"username": username, "email": f"{username}@example.com", "password": PASSWORD},
        )
        assert response.status_code == 201, response.text
        variants = [username, username.upper(), username.lower(), username.title(), username.swapcase()]
        statuses = []
        for attempt, typed in enumerate(variants):
            # A forged left-most X-Forwarded-For must not make each try look like a new client.
            forged = {"X-Forwarded-For": f"203.0.113.{attempt + 1}"}
            answer = attacker.post(
                "/api/v1/auth/token/", json={"username": typed, "password": "wrong"}, headers=forged
            )
            statuses.append(answer.status_code)
        locked = attacker.post("/api/v1/auth/token/", json={"username": username, "password": PASSWORD})
        # The owner, from another address, is not locked out by the attacker.
        own = owner.post("/api/v1/auth/token/", json={"username": username.lower(), "password": PASSWORD})
    assert statuses == [401, 401, 401, 401, 429], statuses
    assert locked.status_code == 429 and locked.json()["code"] == "locked_out"
    assert own.status_code == 200, own.text


def test_nginx_rate_limits_the_html_account_pages(stack):
    def hit(results, path):
        with stack.client() as client:
            for _ in range(12):
                results.append(client.get(path))

    results = []
    threads = [
        threading.Thread(target=hit, args=(results, path))
        for path in ("/login/", "/signup/", "/accounts/password/reset/")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    limited = [r for r in results if r.status_code == 429]
    assert limited, [r.status_code for r in results]
    assert limited[0].json()["code"] == "rate_limited"
    assert {r.status_code for r in results} <= {200, 429}


def test_nginx_rate_limits_the_ai_endpoints_before_django(stack):
    def hit(results):
        with stack.client() as client:
            for _ in range(10):
                results.append(client.post("/api/v1/ai/generate/", json={}))

    results = []
    threads = [threading.Thread(target=hit, args=(results,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    limited = [r for r in results if r.status_code == 429]
    assert limited, [r.status_code for r in results]
    assert limited[0].json() == {"detail": "Too many requests.", "code": "rate_limited"}
    assert limited[0].headers["Retry-After"] == "1"
    assert limited[0].headers["X-Frame-Options"] == "DENY"
    assert len(limited) < len(results), "the burst allowance let some through"


def test_bodies_over_djangos_limit_are_refused_by_nginx(stack):
    limit = re.search(r"client_max_body_size (\d+)k;", NGINX_CONF.read_text())
    assert int(limit.group(1)) * 1024 == settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    with stack.client() as client:
        response = client.post(
            "/api/v1/auth/register/",
            content=b"x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
            headers={"Content-Type": "application/json"},
        )
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"


def test_stopping_an_instance_loses_no_request(stack):
    """Runs last in this module: it stops the second instance."""
    results, stop = [], threading.Event()

    def traffic():
        with stack.client() as client:
            # Bounded by time (the stop event) and, as a safety net, by count.
            while not stop.is_set() and len(results) < 5000:
                rid = _rid()
                # Readiness touches the database and the cache: a full request, not a ping.
                response = client.get("/health/ready/", headers={"X-Request-ID": rid})
                results.append((rid, response.status_code, time.monotonic()))
                time.sleep(0.01)  # a steady stream, so requests surely fall after the stop

    worker = threading.Thread(target=traffic)
    worker.start()
    time.sleep(1)
    survivor, stopped = stack.instances
    stopped.stop()
    stopped_at = time.monotonic()
    time.sleep(1.5)
    stop.set()
    worker.join(30)

    statuses = [status for _, status, _ in results]
    assert statuses and set(statuses) == {200}, statuses
    served = stack.served_by(expect=[rid for rid, _, _ in results])
    # Requests the stopped instance finished gracefully may complete a hair after it exits.
    after = [rid for rid, _, at in results if at > stopped_at + 0.2]
    assert after, "requests were sent after the stop"
    assert all(served[rid] == survivor.name for rid in after)
    before = {served[rid] for rid, _, at in results if at < stopped_at}
    assert before == {survivor.name, stopped.name}
    print(f"failover: {len(results)} requests, {len(after)} after the stop, all 200")


def test_metrics_are_served_to_the_internal_network_and_never_through_nginx(stack):
    with stack.client() as client:
        assert client.get("/metrics").status_code == 404
    direct = httpx.get(f"http://127.0.0.1:{stack.instances[0].port}/metrics", trust_env=False)
    assert direct.status_code == 200 and "django_http_requests_latency_seconds_by_view_method" in direct.text
