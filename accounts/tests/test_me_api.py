from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from accounts.registry import owned_querysets
from accounts.tasks import erase_deleted_accounts
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

ME = "/api/v1/auth/me/"


def test_patch_profile_updates_allowed_fields_only(api_client, user):
    response = api_client.patch(
        ME, {"headline": "Backend engineer", "time_zone": "Asia/Tokyo", "username": "x"}
    )
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.headline, user.time_zone, user.username) == ("Backend engineer", "Asia/Tokyo", user.username)


@pytest.mark.parametrize(
    "payload",
    [{"time_zone": "Mars/Olympus"}, {"email": "nope"}, {"website": "not a url"}, {"headline": "x" * 201}],
)
def test_patch_profile_rejects_bad_input(api_client, user, payload):
    before = User.objects.values().get(pk=user.pk)
    response = api_client.patch(ME, payload)
    assert response.status_code == 400
    assert set(payload) <= set(response.json()["errors"])
    assert User.objects.values().get(pk=user.pk) == before


def test_patch_email_taken_by_another_user_case_insensitively(api_client, other_user):
    response = api_client.patch(ME, {"email": other_user.email.upper()})
    assert response.status_code == 400
    assert "email" in response.json()["errors"]


def test_export_contains_profile_and_every_registered_kind_of_row(api_client, anon_client, user):
    anon_client.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD})
    response = api_client.get(f"{ME}export/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    document = response.json()
    assert document["profile"]["username"] == user.username
    assert "password" not in document["profile"]
    for label, _, _ in owned_querysets(user):
        assert label in document
    tokens = document["token_blacklist.outstandingtoken"]
    assert len(tokens) == 2  # the test client's own token and the log-in above
    assert "token" not in tokens[0]  # the JWT itself is a secret


def test_delete_needs_the_password_then_erasure_takes_everything_it_owns(
    api_client, anon_client, user, other_user, settings
):
    """Deliberately changed: DELETE asks for the password and deactivates; erasure follows the grace."""
    anon_client.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD})
    owned_before = {label: queryset.count() for label, queryset, _ in owned_querysets(user)}
    assert sum(owned_before.values()) > 0
    assert api_client.delete(ME).status_code == 400
    wrong = api_client.delete(ME, {"password": "not-it"})
    assert wrong.status_code == 400 and "password" in wrong.json()["errors"]
    assert User.objects.get(pk=user.pk).is_active

    response = api_client.delete(ME, {"password": PASSWORD})
    assert response.status_code == 202
    user.refresh_from_db()
    assert not user.is_active and user.deletion_requested_at is not None
    assert response.json()["erase_after"].startswith(
        (user.deletion_requested_at + timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS)).date().isoformat()
    )
    # No API from now on, with the same token or a new log-in (which says how to restore instead).
    assert api_client.get(ME).status_code == 401
    again = anon_client.post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD})
    assert again.status_code == 403 and again.json()["code"] == "account_deleted"
    assert "access" not in again.json()

    erase_deleted_accounts.delay()
    assert User.objects.filter(pk=user.pk).exists(), "still inside the grace period"
    User.objects.filter(pk=user.pk).update(
        deletion_requested_at=timezone.now() - timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS, seconds=1)
    )
    erase_deleted_accounts.delay()
    assert not User.objects.filter(pk=user.pk).exists()
    assert User.objects.filter(pk=other_user.pk).exists()
    for label, queryset, _ in owned_querysets(user):
        assert not queryset.exists(), label


def test_put_is_not_allowed_and_says_so_in_json(api_client):
    response = api_client.put(ME, {"headline": "x"})
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
