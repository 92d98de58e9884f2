"""Password reset, password change, e-mail verification and e-mail change: API and pages, real mails."""

import importlib
import re
import time
from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from django.apps import apps as django_apps
from django.core import signing
from django.test import Client, override_settings
from rest_framework.test import APIClient

from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tokens.services import token_create
from conftest import client_for

pytestmark = pytest.mark.django_db

NEW = "another-long-pass-9"


def link_in(message, path_prefix):
    match = re.search(rf"https?://[^\s]+({re.escape(path_prefix)}[^\s]+)", message.body)
    assert match, message.body
    return match.group(1)


def tokens_for(username, password=PASSWORD):
    return APIClient().post("/api/v1/auth/token/", {"username": username, "password": password})


def test_api_password_reset_mails_a_time_limited_link_that_sets_a_new_password(anon_client, user, mailoutbox):
    refresh = tokens_for(user.username).json()["refresh"]
    _, pat = token_create(user=user, name="script")
    response = anon_client.post("/api/v1/auth/password/reset/", {"email": user.email.upper()})
    assert response.status_code == 202
    [mail] = mailoutbox
    assert mail.to == [user.email]
    assert "expires in 24 hours" in mail.body
    path = link_in(mail, "/accounts/password/reset/key/")
    key = path.rstrip("/").rsplit("/", 1)[-1]

    bad = anon_client.post("/api/v1/auth/password/reset/confirm/", {"key": key + "x", "new_password": NEW})
    assert bad.status_code == 400 and "key" in bad.json()["errors"]
    weak = anon_client.post("/api/v1/auth/password/reset/confirm/", {"key": key, "new_password": "123"})
    assert weak.status_code == 400 and "new_password" in weak.json()["errors"]
    done = anon_client.post("/api/v1/auth/password/reset/confirm/", {"key": key, "new_password": NEW})
    assert done.status_code == 200
    assert tokens_for(user.username, NEW).status_code == 200
    # Every credential from before is dead; the link works once.
    assert anon_client.post("/api/v1/auth/token/refresh/", {"refresh": refresh}).status_code == 401
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {pat}")
    assert client.get("/api/v1/auth/me/").status_code == 401
    again = anon_client.post("/api/v1/auth/password/reset/confirm/", {"key": key, "new_password": NEW + "x"})
    assert again.status_code == 400


def test_the_reset_link_stops_working_after_the_time_the_mail_states(
    anon_client, user, mailoutbox, monkeypatch, settings
):
    hours = settings.PASSWORD_RESET_TIMEOUT // 3600
    anon_client.post("/api/v1/auth/password/reset/", {"email": user.email})
    [mail] = mailoutbox
    assert f"expires in {hours} hours" in mail.body
    path = link_in(mail, "/accounts/password/reset/key/")
    key = path.rstrip("/").rsplit("/", 1)[-1]
    sent = datetime.now()

    def later(delta):
        monkeypatch.setattr(type(default_token_generator), "_now", lambda self: sent + delta)

    later(timedelta(hours=hours, minutes=1))
    late = anon_client.post("/api/v1/auth/password/reset/confirm/", {"key": key, "new_password": NEW})
    assert late.status_code == 400 and "key" in late.json()["errors"]
    assert b"password1" not in Client().get(path, follow=True).content
    later(timedelta(hours=hours, minutes=-1))
    in_time = anon_client.post("/api/v1/auth/password/reset/confirm/", {"key": key, "new_password": NEW})
    assert in_time.status_code == 200


def test_the_verification_link_stops_working_after_the_days_the_mail_states(
    anon_client, mailoutbox, monkeypatch, settings
):
    days = settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS
    anon_client.post(
        "/api/v1/auth/register/",
        {"username": "zoe", "email": "zoe@example.com", "password": "a-long-passphrase-7"},
    )
    [mail] = mailoutbox
    assert f"expires in {days} days" in mail.body
    key = link_in(mail, "/accounts/confirm-email/").rstrip("/").rsplit("/", 1)[-1]
    sent = time.time()

    def later(delta):
        monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: sent + delta.total_seconds()))

    later(timedelta(days=days, minutes=1))
    assert anon_client.post("/api/v1/auth/email/verify/", {"key": key}).status_code == 400
    assert not EmailAddress.objects.get(email="zoe@example.com").verified
    later(timedelta(days=days, minutes=-1))
    assert anon_client.post("/api/v1/auth/email/verify/", {"key": key}).status_code == 200


def test_api_password_reset_never_says_whether_the_address_exists(anon_client, user, mailoutbox):
    known = anon_client.post("/api/v1/auth/password/reset/", {"email": user.email})
    unknown = anon_client.post("/api/v1/auth/password/reset/", {"email": "nobody@example.com"})
    assert (known.status_code, unknown.status_code) == (202, 202)
    assert known.json() == unknown.json()
    assert [m.to for m in mailoutbox] == [[user.email]]
    assert anon_client.post("/api/v1/auth/password/reset/", {"email": "not-an-address"}).status_code == 400


def test_the_mailed_reset_link_works_on_the_pages(client, user, mailoutbox):
    refresh = tokens_for(user.username).json()["refresh"]
    _, pat = token_create(user=user, name="script")
    assert client.post("/accounts/password/reset/", {"email": user.email}).status_code == 302
    path = link_in(mailoutbox[0], "/accounts/password/reset/key/")
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200 and b"password1" in form_page.content
    response = client.post(form_page.redirect_chain[-1][0], {"password1": NEW, "password2": NEW})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {pat}")
    assert api.get("/api/v1/auth/me/").status_code == 401, "a reset on the pages revokes tokens too"
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh": refresh}).status_code == 401


def test_api_password_change_checks_the_old_one_and_revokes_everything(user):
    login = tokens_for(user.username).json()
    _, pat = token_create(user=user, name="script")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {login['access']}")
    wrong = client.post("/api/v1/auth/password/change/", {"old_password": "nope", "new_password": NEW})
    assert wrong.status_code == 400 and "old_password" in wrong.json()["errors"]
    response = client.post("/api/v1/auth/password/change/", {"old_password": PASSWORD, "new_password": NEW})
    assert response.status_code == 200 and {"access", "refresh"} <= set(response.json())
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh": login["refresh"]}).status_code == 401
    assert (
        APIClient().post("/api/v1/auth/token/refresh/", {"refresh": response.json()["refresh"]}).status_code
        == 200
    )
    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Bearer {pat}")
    assert script.get("/api/v1/auth/me/").status_code == 401


def test_the_settings_page_password_change_revokes_tokens_too(client, user):
    refresh = tokens_for(user.username).json()["refresh"]
    _, pat = token_create(user=user, name="script")
    client.force_login(user)
    client.post(
        "/settings/",
        {
            "action": "password",
            "password-old_password": PASSWORD,
            "password-new_password1": NEW,
            "password-new_password2": NEW,
        },
    )
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {pat}")
    assert api.get("/api/v1/auth/me/").status_code == 401
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh": refresh}).status_code == 401


def test_allauths_own_password_change_page_revokes_tokens_too(client, user):
    refresh = tokens_for(user.username).json()["refresh"]
    _, pat = token_create(user=user, name="script")
    client.force_login(user)
    assert client.get("/accounts/password/change/").status_code == 200
    response = client.post(
        "/accounts/password/change/", {"oldpassword": PASSWORD, "password1": NEW, "password2": NEW}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {pat}")
    assert api.get("/api/v1/auth/me/").status_code == 401
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh": refresh}).status_code == 401


def test_setting_a_first_password_after_a_social_sign_up_revokes_tokens_too(client, user):
    user.set_unusable_password()
    user.save()
    _, pat = token_create(user=user, name="script")
    client.force_login(user)
    response = client.post("/accounts/password/set/", {"password1": NEW, "password2": NEW})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {pat}")
    assert api.get("/api/v1/auth/me/").status_code == 401


def test_registration_mails_a_verification_link_the_api_confirms(anon_client, mailoutbox):
    response = anon_client.post(
        "/api/v1/auth/register/",
        {"username": "zoe", "email": "zoe@example.com", "password": "a-long-passphrase-7"},
    )
    assert response.status_code == 201 and response.json()["email_verified"] is False
    [mail] = mailoutbox
    assert "expires in 3 days" in mail.body
    key = link_in(mail, "/accounts/confirm-email/").rstrip("/").rsplit("/", 1)[-1]
    assert anon_client.post("/api/v1/auth/email/verify/", {"key": "garbage"}).status_code == 400
    assert anon_client.post("/api/v1/auth/email/verify/", {"key": key}).status_code == 200
    assert EmailAddress.objects.get(email="zoe@example.com").verified


def test_mandatory_verification_refuses_api_tokens_until_confirmed(anon_client, settings, mailoutbox):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    anon_client.post(
        "/api/v1/auth/register/",
        {"username": "yan", "email": "yan@example.com", "password": "a-long-passphrase-7"},
    )
    refused = tokens_for("yan", "a-long-passphrase-7")
    assert refused.status_code == 403 and refused.json()["code"] == "email_unverified"
    EmailAddress.objects.filter(email="yan@example.com").update(verified=True)
    assert tokens_for("yan", "a-long-passphrase-7").status_code == 200


def test_mandatory_verification_keeps_the_pages_closed_until_the_link_is_followed(settings, mailoutbox):
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    signup = Client().post(
        "/signup/",
        {"username": "yan", "email": "yan@example.com", "password1": NEW, "password2": NEW},
    )
    assert signup.status_code == 302 and signup["Location"] == "/accounts/confirm-email/"
    client = Client()
    refused = client.post("/login/", {"login": "yan", "password": NEW})
    assert refused["Location"] == "/accounts/confirm-email/"
    assert client.get("/dashboard/").status_code == 302
    path = link_in(mailoutbox[0], "/accounts/confirm-email/")
    assert "expires in 3 days" in mailoutbox[0].body
    assert client.post(path).status_code == 302
    assert client.post("/login/", {"login": "yan", "password": NEW})["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200


def test_changing_the_email_waits_for_the_new_address_to_confirm(api_client, user, mailoutbox):
    response = api_client.patch("/api/v1/auth/me/", {"email": "new@example.com"})
    assert response.status_code == 200
    assert response.json()["email"] == user.email and response.json()["pending_email"] == "new@example.com"
    [mail] = mailoutbox
    assert mail.to == ["new@example.com"]
    key = link_in(mail, "/accounts/confirm-email/").rstrip("/").rsplit("/", 1)[-1]
    assert APIClient().post("/api/v1/auth/email/verify/", {"key": key}).status_code == 200
    user.refresh_from_db()
    assert user.email == "new@example.com"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == ["new@example.com"]


@pytest.mark.parametrize("changes", [1, 2])
def test_an_unverified_address_is_replaced_at_once_never_blanked(changes, mailoutbox):
    user = UserFactory(email="first@example.com")
    EmailAddress.objects.filter(user=user).update(verified=False)
    client = client_for(user)
    for n in range(changes):
        response = client.patch("/api/v1/auth/me/", {"email": f"moved{n}@example.com"}, format="json")
        assert response.status_code == 200
    latest = f"moved{changes - 1}@example.com"
    body = client.get("/api/v1/auth/me/").json()
    assert (body["email"], body["email_verified"], body["pending_email"]) == (latest, False, None)
    assert mailoutbox[-1].to == [latest]
    key = link_in(mailoutbox[-1], "/accounts/confirm-email/").rstrip("/").rsplit("/", 1)[-1]
    assert APIClient().post("/api/v1/auth/email/verify/", {"key": key}).status_code == 200
    assert client.get("/api/v1/auth/me/").json()["email_verified"] is True


def test_the_email_page_never_leaves_an_unverified_account_without_an_address(client, mailoutbox):
    user = UserFactory(email="first@example.com")
    EmailAddress.objects.filter(user=user).update(verified=False)
    client.force_login(user)
    client.post("/accounts/email/", {"action_add": "", "email": "moved@example.com"})
    user.refresh_from_db()
    assert user.email == "moved@example.com"


def test_the_email_page_changes_the_address_after_confirmation(client, user, mailoutbox):
    client.force_login(user)
    assert client.get("/accounts/email/").status_code == 200
    client.post("/accounts/email/", {"action_add": "", "email": "moved@example.com"})
    user.refresh_from_db()
    assert user.email != "moved@example.com"
    path = link_in(mailoutbox[-1], "/accounts/confirm-email/")
    assert client.get(path).status_code == 200
    assert client.post(path).status_code == 302
    user.refresh_from_db()
    assert user.email == "moved@example.com"


def test_the_migration_marks_existing_addresses_verified(db):
    # Accounts from before allauth have no EmailAddress row at all.
    legacy = UserFactory(email="Legacy@Example.com")
    no_address = UserFactory(email="")
    pending = UserFactory()
    EmailAddress.objects.filter(user__in=[legacy, no_address]).delete()
    EmailAddress.objects.filter(user=pending).update(verified=False)
    migration = importlib.import_module("accounts.migrations.0004_existing_addresses_verified")
    migration.mark_existing_addresses_verified(django_apps, None)
    migration.mark_existing_addresses_verified(django_apps, None)  # idempotent
    address = EmailAddress.objects.get(user=legacy)
    assert (address.email, address.verified, address.primary) == ("legacy@example.com", True, True)
    assert not EmailAddress.objects.filter(user=no_address).exists()
    assert not EmailAddress.objects.get(user=pending).verified, "rows allauth made are left as they are"
    # The legacy account logs in on the pages and the API with mandatory verification.
    with override_settings(ACCOUNT_EMAIL_VERIFICATION="mandatory"):
        assert Client().post("/login/", {"login": legacy.username, "password": PASSWORD})["Location"] == (
            "/dashboard/"
        )
        assert tokens_for(legacy.username).status_code == 200
