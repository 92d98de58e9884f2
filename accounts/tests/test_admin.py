"""The admin: staff delete, restore and erase accounts and revoke tokens through the same services."""

import pytest
from django.test import Client
from rest_framework.test import APIClient
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import services
from accounts.models import PersonalAccessToken, User
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.helpers import bearer
from accounts.tokens.services import token_create

pytestmark = pytest.mark.django_db

USERS = "/admin/accounts/user/"
TOKENS = "/admin/accounts/personalaccesstoken/"


@pytest.fixture
def admin_client(settings):
    settings.STAFF_REQUIRE_MFA = False
    client = Client()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def change_form_data(user, **changes):
    return {
        "username": user.username,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "time_zone": user.time_zone,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        **changes,
    }


def act(client, url, action, *objects):
    return client.post(url, {"action": action, "_selected_action": [o.pk for o in objects]})


def test_ticking_active_on_a_deleted_account_is_a_form_error_not_a_500(admin_client):
    gone = services.user_deactivate(user=UserFactory())
    response = admin_client.post(f"{USERS}{gone.pk}/change/", change_form_data(gone, is_active="on"))
    assert response.status_code == 200
    assert "use the “Restore” action" in response.content.decode()
    gone.refresh_from_db()
    assert not gone.is_active
    # An ordinary edit still saves.
    saved = admin_client.post(f"{USERS}{gone.pk}/change/", change_form_data(gone, first_name="Grace"))
    assert saved.status_code == 302
    assert User.objects.get(pk=gone.pk).first_name == "Grace"


def test_the_delete_and_restore_actions_go_through_the_services(admin_client):
    member = UserFactory()
    _, raw = token_create(user=member, name="script")
    assert act(admin_client, USERS, "deactivate_accounts", member).status_code == 302
    member.refresh_from_db()
    assert not member.is_active and member.deletion_requested_at is not None
    assert bearer(raw).get("/api/v1/auth/me/").status_code == 401, "its tokens are revoked"
    page = admin_client.get(f"{USERS}?deletion_requested_at__isempty=0").content.decode()
    assert member.username in page

    assert act(admin_client, USERS, "restore_accounts", member).status_code == 302
    member.refresh_from_db()
    assert member.is_active and member.deletion_requested_at is None
    assert Client().post("/login/", {"login": member.username, "password": PASSWORD})["Location"] == (
        "/dashboard/"
    )


def test_deleting_in_the_admin_erases_the_account_and_its_token_rows(admin_client):
    member = UserFactory()
    RefreshToken.for_user(member)
    response = admin_client.post(f"{USERS}{member.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not OutstandingToken.objects.exists()


def test_staff_see_and_revoke_tokens_but_never_their_secret_nor_make_one(admin_client):
    token, raw = token_create(user=UserFactory(), name="Claude desktop")
    listing = admin_client.get(TOKENS).content.decode()
    assert "Claude desktop" in listing and token.display_prefix in listing
    detail = admin_client.get(f"{TOKENS}{token.pk}/change/").content.decode()
    assert token.secret_hash not in listing + detail and raw not in listing + detail
    assert admin_client.get(f"{TOKENS}add/").status_code == 403
    assert bearer(raw).get("/api/v1/auth/me/").status_code == 200
    assert act(admin_client, TOKENS, "revoke", token).status_code == 302
    assert PersonalAccessToken.objects.get().revoked_at is not None
    assert bearer(raw).get("/api/v1/auth/me/").status_code == 401


def test_a_password_set_in_the_admin_revokes_every_api_credential(admin_client):
    member = UserFactory()
    refresh = str(RefreshToken.for_user(member))
    _, raw = token_create(user=member, name="script")
    new = "set-by-staff-passphrase-5"
    response = admin_client.post(
        f"{USERS}{member.pk}/password/", {"password1": new, "password2": new, "usable_password": "true"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new)
    assert bearer(raw).get("/api/v1/auth/me/").status_code == 401
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh": refresh}).status_code == 401
