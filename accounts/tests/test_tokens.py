"""Personal access tokens: issued once, stored hashed, scoped, expiring, revocable, beside JWTs."""

import hashlib
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import PersonalAccessToken
from accounts.tests.helpers import bearer
from accounts.tokens.services import authenticate_personal_token, token_create
from conftest import client_for

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/auth/tokens/"


def test_create_shows_the_key_once_and_stores_only_its_hash(api_client, user):
    response = api_client.post(TOKENS, {"name": "Claude desktop", "scope": "write", "expires_in_days": 30})
    assert response.status_code == 201
    body = response.json()
    raw = body["token"]
    assert raw.startswith("rmt_") and body["prefix"] == raw[: len(body["prefix"])]
    assert body["scope"] == "write" and body["expires_at"] and body["last_used_at"] is None
    row = PersonalAccessToken.objects.get()
    assert row.secret_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in str(PersonalAccessToken.objects.values().get())
    listed = api_client.get(TOKENS).json()
    assert [t["name"] for t in listed["results"]] == ["Claude desktop"]
    assert "token" not in listed["results"][0]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"scope": "read"}, "name"),
        ({"name": "x", "scope": "admin"}, "scope"),
        ({"name": "x", "expires_in_days": 0}, "expires_in_days"),
        ({"name": "x", "expires_in_days": 5000}, "expires_in_days"),
        ({"name": "dup"}, "name"),
    ],
)
def test_create_rejects_bad_input(api_client, user, payload, field):
    token_create(user=user, name="dup")
    response = api_client.post(TOKENS, payload)
    assert response.status_code == 400 and field in response.json()["errors"]
    assert PersonalAccessToken.objects.count() == 1


def test_a_token_authenticates_the_api_and_records_last_use(user):
    token, raw = token_create(user=user, name="script")
    response = bearer(raw).get("/api/v1/auth/me/")
    assert response.status_code == 200 and response.json()["username"] == user.username
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_a_read_token_gets_403_on_every_write_even_on_open_endpoints(user):
    _, raw = token_create(user=user, name="reader", scope="read")
    client = bearer(raw)
    assert client.get("/api/v1/achievements/").status_code == 200
    for method, path, data in [
        ("post", "/api/v1/achievements/", {"type": "job", "title": "Dev"}),
        ("patch", "/api/v1/auth/me/", {"headline": "x"}),
        ("post", "/api/v1/ai/generate/", {"model": "Offline", "user_input": "Backend developer"}),
        ("post", "/api/v1/applications/", {"job_title": "Dev", "company_name": "Acme"}),
    ]:
        response = getattr(client, method)(path, data)
        assert response.status_code == 403, (path, response.content)
        assert response.json()["code"] == "token_read_only"
    user.refresh_from_db()
    assert user.headline == "" and not user.achievements.exists()


def test_a_write_token_writes(user):
    _, raw = token_create(user=user, name="writer", scope="write")
    response = bearer(raw).post("/api/v1/achievements/", {"type": "job", "title": "Dev"})
    assert response.status_code == 201


def test_expired_revoked_unknown_and_malformed_tokens_are_401(api_client, user):
    expired, expired_raw = token_create(user=user, name="old", expires_at=timezone.now() + timedelta(days=1))
    PersonalAccessToken.objects.filter(pk=expired.pk).update(
        created_at=timezone.now() - timedelta(days=2), expires_at=timezone.now() - timedelta(seconds=1)
    )
    revoked, revoked_raw = token_create(user=user, name="gone")
    assert api_client.delete(f"{TOKENS}{revoked.pk}/").status_code == 204
    _, live_raw = token_create(user=user, name="live")
    for raw in (expired_raw, revoked_raw, live_raw[:-2] + "xx", "rmt_", "rmt_nounderscore", "rmt_a_b" * 50):
        response = bearer(raw).get("/api/v1/auth/me/")
        assert response.status_code == 401, raw
        assert response.json()["code"] == "token_not_valid"
    assert authenticate_personal_token(revoked_raw) is None
    # Revoking twice, or another user's token, is a 404.
    assert api_client.delete(f"{TOKENS}{revoked.pk}/").status_code == 404


def test_another_users_token_cannot_be_seen_or_revoked(api_client, other_user):
    theirs, _ = token_create(user=other_user, name="theirs")
    assert api_client.get(TOKENS).json()["count"] == 0
    assert api_client.delete(f"{TOKENS}{theirs.pk}/").status_code == 404
    assert PersonalAccessToken.objects.get(pk=theirs.pk).revoked_at is None


def test_tokens_cannot_manage_tokens_or_delete_the_account(user):
    _, raw = token_create(user=user, name="writer", scope="write")
    client = bearer(raw)
    assert client.get(TOKENS).status_code == 403
    assert client.post(TOKENS, {"name": "more"}).status_code == 403
    assert client.delete("/api/v1/auth/me/", {"password": "whatever"}).status_code == 403


def test_an_inactive_users_token_is_401(user):
    _, raw = token_create(user=user, name="script")
    user.is_active = False
    user.save()
    assert bearer(raw).get("/api/v1/auth/me/").status_code == 401


def test_service_for_other_callers_returns_user_and_token(user):
    token, raw = token_create(user=user, name="mcp", scope="read")
    found_user, found = authenticate_personal_token(raw)
    assert (found_user, found) == (user, token) and not found.allows_write
    assert authenticate_personal_token("eyJhbGciOi.not.ours") is None
    assert authenticate_personal_token(None) is None


def test_token_list_query_count_does_not_grow(api_client, user, django_assert_max_num_queries):
    for n in range(1):
        token_create(user=user, name=f"t{n}")
    with django_assert_max_num_queries(4) as one:
        assert api_client.get(TOKENS).status_code == 200
    for n in range(1, 50):
        token_create(user=user, name=f"t{n}")
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert api_client.get(TOKENS).json()["count"] == 50


def test_jwts_keep_working_beside_tokens(user):
    assert client_for(user).get("/api/v1/auth/me/").status_code == 200


def test_tokens_page_creates_shows_once_and_revokes(client, user):
    client.force_login(user)
    assert client.get("/settings/tokens/").status_code == 200
    response = client.post("/settings/tokens/", {"name": "Laptop", "scope": "read", "expires_in_days": "30"})
    assert response.status_code == 200
    raw = response.context["created"]["raw"]
    assert raw.encode() in response.content
    assert raw.encode() not in client.get("/settings/tokens/").content
    token = PersonalAccessToken.objects.get()
    assert client.post(f"/settings/tokens/{token.pk}/revoke/").status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert client.post("/settings/tokens/", {"name": "", "scope": "read"}).status_code == 400
