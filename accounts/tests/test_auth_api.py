import pytest
from django.test import override_settings

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register/"
TOKEN = "/api/v1/auth/token/"
REFRESH = "/api/v1/auth/token/refresh/"
LOGOUT = "/api/v1/auth/logout/"
ME = "/api/v1/auth/me/"


def obtain(client, username, password=PASSWORD):
    return client.post(TOKEN, {"username": username, "password": password})


def test_register_then_log_in_and_read_profile(anon_client):
    response = anon_client.post(
        REGISTER, {"username": "zoe", "email": "Zoe@Example.com", "password": "a-long-passphrase-7"}
    )
    assert response.status_code == 201
    assert response.json()["username"] == "zoe"
    assert "password" not in response.json()

    tokens = obtain(anon_client, "zoe", "a-long-passphrase-7").json()
    anon_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    me = anon_client.get(ME)
    assert me.status_code == 200
    assert me.json()["email"] == "Zoe@Example.com"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"username": "taken", "email": "new@example.com", "password": "a-long-passphrase-7"}, "username"),
        ({"username": "TAKEN", "email": "new@example.com", "password": "a-long-passphrase-7"}, "username"),
        ({"username": "fresh", "email": "TAKEN@example.com", "password": "a-long-passphrase-7"}, "email"),
        ({"username": "fresh", "email": "not-an-email", "password": "a-long-passphrase-7"}, "email"),
        ({"username": "fresh", "email": "new@example.com", "password": "password"}, "password"),
        ({"username": "fresh", "email": "new@example.com", "password": "12345678901"}, "password"),
        ({"username": "fresh", "email": "new@example.com"}, "password"),
        (
            {"username": "bad name!", "email": "new@example.com", "password": "a-long-passphrase-7"},
            "username",
        ),
    ],
)
def test_register_rejects_bad_input_with_field_errors(anon_client, payload, field):
    UserFactory(username="taken", email="taken@example.com")
    response = anon_client.post(REGISTER, payload)
    assert response.status_code == 400
    body = response.json()
    assert body["code"]
    assert field in body["errors"], body
    assert User.objects.count() == 1


def test_refresh_rotates_and_the_old_refresh_token_is_dead(anon_client, user):
    first = obtain(anon_client, user.username).json()
    rotated = anon_client.post(REFRESH, {"refresh": first["refresh"]})
    assert rotated.status_code == 200
    assert rotated.json()["refresh"] != first["refresh"]
    assert "access" in rotated.json()

    reused = anon_client.post(REFRESH, {"refresh": first["refresh"]})
    assert reused.status_code == 401
    assert reused.json()["code"] == "token_not_valid"


def test_logout_blacklists_the_refresh_token(anon_client, user):
    tokens = obtain(anon_client, user.username).json()
    anon_client.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens['access']}")
    assert anon_client.post(LOGOUT, {"refresh": tokens["refresh"]}).status_code == 205
    anon_client.credentials()
    assert anon_client.post(REFRESH, {"refresh": tokens["refresh"]}).status_code == 401


def test_logout_with_a_garbage_token_is_a_field_error(api_client):
    response = api_client.post(LOGOUT, {"refresh": "garbage"})
    assert response.status_code == 400
    assert "refresh" in response.json()["errors"]


def test_inactive_or_deleted_users_refresh_token_is_401(anon_client):
    inactive, deleted = UserFactory(), UserFactory()
    inactive_refresh = obtain(anon_client, inactive.username).json()["refresh"]
    deleted_refresh = obtain(anon_client, deleted.username).json()["refresh"]
    User.objects.filter(pk=inactive.pk).update(is_active=False)
    deleted.delete()

    assert anon_client.post(REFRESH, {"refresh": inactive_refresh}).status_code == 401
    assert anon_client.post(REFRESH, {"refresh": deleted_refresh}).status_code == 401


def test_wrong_password_is_401_and_missing_token_is_401(anon_client, user):
    assert obtain(anon_client, user.username, "wrong").status_code == 401
    assert anon_client.get(ME).status_code == 401
    anon_client.credentials(HTTP_AUTHORIZATION="Bearer not.a.jwt")
    assert anon_client.get(ME).status_code == 401


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_bad_passwords_lock_the_account_for_that_client(anon_client, user):
    for _ in range(2):
        assert obtain(anon_client, user.username, "wrong").status_code == 401
    locked = obtain(anon_client, user.username, "wrong")
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) > 0
    assert locked.json()["code"] == "locked_out"
    # Even the right password waits out the lock.
    assert obtain(anon_client, user.username).status_code == 429


@override_settings(AXES_FAILURE_LIMIT=3)
def test_successful_logins_never_count_towards_the_lock(anon_client, user):
    for _ in range(6):
        assert obtain(anon_client, user.username).status_code == 200
    # A success resets the failure count, so two failures after it stay under the limit.
    assert obtain(anon_client, user.username, "wrong").status_code == 401
    assert obtain(anon_client, user.username, "wrong").status_code == 401
    assert obtain(anon_client, user.username).status_code == 200


def test_the_lock_on_one_account_leaves_others_alone(anon_client, user, other_user):
    with override_settings(AXES_FAILURE_LIMIT=2):
        obtain(anon_client, user.username, "wrong")
        assert obtain(anon_client, user.username, "wrong").status_code == 429
        assert obtain(anon_client, other_user.username).status_code == 200


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/api/v1/auth/password/reset/confirm/", {"key": "z" * 40 + "-abc", "new_password": "x" * 20}),
        ("/api/v1/auth/password/reset/confirm/", {"key": "-" * 5000, "new_password": "x" * 20}),
        ("/api/v1/auth/password/reset/confirm/", {"key": ["a"], "new_password": {"a": 1}}),
        ("/api/v1/auth/password/reset/", {"email": ["a@example.com"]}),
        ("/api/v1/auth/password/reset/", {"email": "a@" + "x" * 5000 + ".com"}),
        ("/api/v1/auth/email/verify/", {"key": "x" * 5000}),
        ("/api/v1/auth/email/verify/", {"key": {"a": 1}}),
        (TOKEN, {"username": "someone", "password": "x", "code": {"a": 1}}),
        (TOKEN, ["not", "an", "object"]),
        (REGISTER, {"username": "x" * 5000, "email": "x@example.com", "password": "x" * 5000}),
    ],
)
def test_garbage_to_the_auth_endpoints_is_a_4xx_never_a_500(anon_client, path, payload):
    response = anon_client.post(path, payload, format="json")
    assert 400 <= response.status_code < 500, response.content
    assert response.json()["code"]
