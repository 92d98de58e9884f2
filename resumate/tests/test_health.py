import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings

from accounts.tests.factories import UserFactory
from accounts.tests.helpers import totp_for
from resumate.tests.stack import production_env

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_live_answers_while_the_process_runs(client):
    response = client.get("/health/live/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True))
    return client


@pytest.mark.parametrize("path", ["/health/", "/health/ready/"])
def test_public_ready_answer_says_only_ok(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize("path", ["/health/", "/health/ready/"])
def test_ready_reports_each_check_with_its_latency_to_staff(staff_client, path):
    response = staff_client.get(path)
    assert response.status_code == 200, response.json()
    checks = response.json()["checks"]
    assert set(checks) == {"database", "cache", "broker"}
    for result in checks.values():
        assert result["ok"] is True
        assert result["latency_ms"] >= 0


def test_ready_is_503_naming_the_cache_when_redis_is_unreachable(client, staff_client):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        public = Client().get("/health/ready/")
        response = staff_client.get("/health/ready/")
    assert public.status_code == 503
    assert public.json() == {"status": "failing"}, "no error text (hosts, drivers) for anonymous callers"
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["cache"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_a_redis_outage_does_not_turn_requests_into_500s(client, user):
    with override_settings(CACHES=UNREACHABLE_REDIS):
        client.force_login(user)
        assert client.get("/api/v1/auth/me/").status_code == 200


@pytest.mark.slow
def _unreachable_database() -> str:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return "postgres://postgres@127.0.0.1:1/nowhere"
    return "sqlite:////nonexistent-dir/db.sqlite3"


def test_ready_is_503_naming_the_database_when_it_is_unreachable():
    """A real process whose database does not answer (no mock in the path)."""
    probe = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client(HTTP_HOST='localhost').get('/health/ready/');"
        "print(r.status_code, json.dumps(r.json()))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "resumate.settings",
        "DATABASE_URL": _unreachable_database(),
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    # Anonymous (no staff session can load without the database): the verdict only.
    assert result.stdout.strip().splitlines()[-1] == '503 {"status": "failing"}', result.stderr[-2000:]


def test_requests_are_a_503_with_retry_after_while_the_database_is_unreachable(tmp_path):
    """Not a 500: a client, and the load balancer, should retry in a moment."""
    probe = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "c = Client(HTTP_HOST='localhost', raise_request_exception=False);"
        "api = c.get('/api/v1/example-applications/');"
        "page = c.get('/s/no-such-link/');"
        "print(api.status_code, api['Retry-After'], json.dumps(api.json()));"
        "print(page.status_code, page['Retry-After'], page['Content-Type'])"
    )
    # Production settings: with DEBUG on, Django shows its debug page instead of handler500.
    env = production_env(
        database_url=_unreachable_database(), redis_url=os.environ.get("REDIS_URL", ""),
        static_root=tmp_path, throttle_auth=100,
    )  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    api, page = result.stdout.strip().splitlines()[-2:]
    assert api == (
        '503 5 {"detail": "The database is unavailable; try again shortly.", "code": "database_unavailable"}'
    ), result.stderr[-2000:]
    assert page == "503 5 text/html; charset=utf-8"


def test_staff_who_must_still_set_up_two_factor_get_only_the_verdict(client, settings):
    settings.STAFF_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True)
    client.force_login(staff)
    assert client.get("/health/ready/").json() == {"status": "ok"}
    totp_for(staff)
    assert "checks" in client.get("/health/ready/").json()
