"""Failed log-ins count per (account, client): case and e-mail variants share a counter; the client is
the right-most X-Forwarded-For entry behind PROXY_COUNT proxies, never one the client wrote."""

import pytest
from django.test import Client, override_settings
from rest_framework.test import APIClient

from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"


def api_from(address, forged=None):
    xff = f"{forged}, {address}" if forged else address
    return APIClient(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=xff)


@override_settings(AXES_FAILURE_LIMIT=3, PROXY_COUNT=1)
def test_case_and_email_variants_share_one_counter_and_other_clients_are_not_locked():
    alice = UserFactory(username="Alice", email="alice@example.com")
    attacker = "198.51.100.7"
    for n, typed in enumerate(["alice", "ALICE"]):
        response = api_from(attacker, forged=f"203.0.113.{n}").post(
            TOKEN, {"username": typed, "password": "x"}
        )
        assert response.status_code == 401
    third = api_from(attacker, forged="203.0.113.99").post(TOKEN, {"username": "aLiCe", "password": "x"})
    assert third.status_code == 429 and third.json()["code"] == "locked_out"
    # The attacker stays locked out whatever they claim to be in X-Forwarded-For.
    assert (
        api_from(attacker, forged="10.0.0.1")
        .post(TOKEN, {"username": "Alice", "password": PASSWORD})
        .status_code
        == 429
    )
    # Alice herself, from her own address, is not.
    assert api_from("192.0.2.10").post(TOKEN, {"username": "alice", "password": PASSWORD}).status_code == 200
    assert alice.is_active


@override_settings(AXES_FAILURE_LIMIT=3)
def test_the_page_log_in_counts_username_and_email_as_one_account():
    UserFactory(username="Bob", email="bob@example.com")
    client = Client()
    for typed in ("bob", "BOB@example.com"):
        assert client.post("/login/", {"login": typed, "password": "x"}).status_code == 200
    locked = client.post("/login/", {"login": "Bob", "password": "x"})
    assert locked.status_code == 429
    assert b"Too many failed log-ins" in locked.content
    assert client.post("/login/", {"login": "bob", "password": PASSWORD}).status_code == 429


@override_settings(PROXY_COUNT=0)
def test_without_proxies_x_forwarded_for_is_ignored():
    UserFactory(username="carol")
    with override_settings(AXES_FAILURE_LIMIT=2):
        for n in range(2):
            APIClient(HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").post(
                TOKEN, {"username": "carol", "password": "x"}
            )
        assert APIClient().post(TOKEN, {"username": "carol", "password": PASSWORD}).status_code == 429
