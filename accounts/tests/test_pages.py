from io import StringIO

import pytest
from django.test import Client, override_settings

from accounts.models import User
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_signup_page_creates_the_account_and_logs_in(client):
    assert client.get("/signup/").status_code == 200
    response = client.post(
        "/signup/",
        {
            "username": "newbie",
            "email": "newbie@example.com",
            "password1": "a-long-passphrase-7",
            "password2": "a-long-passphrase-7",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/dashboard/"
    assert User.objects.filter(username="newbie").exists()
    dashboard = client.get("/dashboard/")
    assert dashboard.status_code == 200
    assert b"newbie" in dashboard.content


def test_signup_page_shows_errors_next_to_fields(client, user):
    response = client.post(
        "/signup/", {"username": user.username, "email": "x@example.com", "password1": "a", "password2": "b"}
    )
    assert response.status_code == 200
    assert b"already exists" in response.content
    assert User.objects.count() == 1


def test_login_and_logout_pages(client, user):
    # allauth's log-in form: one "login" field takes the username or the e-mail address.
    assert client.get("/login/").status_code == 200
    response = client.post("/login/", {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/dashboard/").status_code == 200
    assert client.post("/logout/").status_code == 302
    assert client.get("/dashboard/")["Location"].startswith("/login/")


def test_login_page_rejects_a_wrong_password(client, user):
    response = client.post("/login/", {"login": user.username, "password": "nope"})
    assert response.status_code == 200
    assert b"correct username and password" in response.content


def test_settings_page_edits_profile_and_changes_password(client, user):
    client.force_login(user)
    assert client.get("/settings/").status_code == 200
    response = client.post(
        "/settings/",
        {
            "action": "profile",
            "profile-first_name": "Grace",
            "profile-last_name": "Hopper",
            "profile-email": user.email,
            "profile-time_zone": "Europe/Prague",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.first_name, user.time_zone) == ("Grace", "Europe/Prague")

    response = client.post(
        "/settings/",
        {
            "action": "password",
            "password-old_password": PASSWORD,
            "password-new_password1": "another-long-pass-9",
            "password-new_password2": "another-long-pass-9",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-pass-9")


def test_settings_page_downloads_my_data(client, user):
    client.force_login(user)
    response = client.post("/settings/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response.json()["profile"]["username"] == user.username


def test_delete_account_needs_the_password(client, user):
    client.force_login(user)
    response = client.post("/settings/", {"action": "delete", "delete-password": "wrong"})
    assert response.status_code == 400
    assert User.objects.filter(pk=user.pk).exists()
    response = client.post("/settings/", {"action": "delete", "delete-password": PASSWORD})
    assert response.status_code == 302
    # Deactivated at once (erased after the grace period: test_retention.py), and logged out.
    user.refresh_from_db()
    assert not user.is_active and user.deletion_requested_at is not None
    assert client.get("/dashboard/").status_code == 302


def test_pages_need_login(client):
    for path in ("/dashboard/", "/settings/"):
        assert client.get(path)["Location"].startswith("/login/")


def test_seed_demo_is_idempotent_and_prints_log_ins(db):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("seed_demo", stdout=out)
    call_command("seed_demo", stdout=out)
    assert User.objects.filter(username__in=["admin", "demo"]).count() == 2
    assert User.objects.get(username="admin").is_superuser
    assert "resumate-demo" in out.getvalue()


def test_beat_schedule_for_token_cleanup_exists_after_migrate(db):
    from django_celery_beat.models import PeriodicTask

    task = PeriodicTask.objects.get(task="accounts.tasks.flush_expired_tokens")
    assert task.crontab.timezone.key == "UTC" if hasattr(task.crontab.timezone, "key") else True
    assert task.enabled


@override_settings(PROXY_COUNT=1)
def test_the_signup_page_is_rate_limited_per_client_behind_the_proxy(settings):
    limit = int(settings.ACCOUNT_RATE_LIMITS["signup"].split("/")[0])
    assert limit < 20, "tighter than allauth's own default"

    def sign_up(n, address):
        return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address).post(
            "/signup/",
            {
                "username": f"member{n}",
                "email": f"member{n}@example.com",
                "password1": "a-long-passphrase-7",
                "password2": "a-long-passphrase-7",
            },
        )

    for n in range(limit):
        assert sign_up(n, "198.51.100.7").status_code == 302, n
    refused = sign_up(limit, "198.51.100.7")
    assert refused.status_code == 429
    assert not User.objects.filter(username=f"member{limit}").exists()
    # Another client behind the same nginx still signs up.
    assert sign_up(limit + 1, "192.0.2.10").status_code == 302


def test_the_demo_log_ins_work_on_the_pages_and_the_api_with_mandatory_verification(db, settings):
    from django.core.management import call_command
    from rest_framework.test import APIClient

    from accounts.management.commands.seed_demo import DEMO, STAFF

    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    call_command("seed_demo", stdout=StringIO())
    for login in (DEMO, STAFF):
        client = Client()
        response = client.post("/login/", {"login": login["username"], "password": login["password"]})
        assert response.status_code == 302 and response["Location"] == "/dashboard/", login["username"]
        api = APIClient().post(
            "/api/v1/auth/token/", {"username": login["username"], "password": login["password"]}
        )
        assert api.status_code == 200, api.content


@pytest.mark.parametrize(
    ("path", "signed_in"),
    [
        ("/login/", False),
        ("/signup/", False),
        ("/accounts/password/reset/", False),
        ("/accounts/password/reset/done/", False),
        ("/accounts/confirm-email/not-a-key/", False),
        ("/accounts/email/", True),
        ("/accounts/password/change/", True),
        ("/accounts/2fa/", True),
        ("/accounts/3rdparty/", True),
        ("/accounts/inactive/", False),
        ("/accounts/password/reset/key/done/", False),
        ("/accounts/logout/", True),
    ],
)
def test_allauths_pages_wear_our_design(client, user, path, signed_in):
    if signed_in:
        client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    assert 'class="brand"' in page and "css/app.css" in page, path
    if signed_in:
        assert 'aria-label="Account"' in page, "the account pages share one sub-navigation"


@pytest.mark.parametrize("path", ["/accounts/oidc/google/login/", "/accounts/reauthenticate/"])
def test_the_provider_step_and_the_password_again_page_wear_our_design(client, user, google, path):
    client.force_login(user)
    response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    assert 'class="brand"' in page and "css/app.css" in page and "<main" in page, path
