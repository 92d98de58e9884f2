"""Two-factor: TOTP set up and used at log-in (codes from allauth's own TOTP), recovery codes,
staff forced to set it up with STAFF_REQUIRE_MFA=1, and the admin's log-in going through it."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.test import Client
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.models import PersonalAccessToken
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.helpers import bearer, totp_for
from accounts.tests.helpers import totp_code as code
from accounts.tokens.services import token_create
from conftest import client_for

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token/"


@pytest.fixture(autouse=True)
def _one_step_tolerance(settings):
    # An authenticator app shows the next code as often as the current one.
    settings.MFA_TOTP_TOLERANCE = 1


def log_in(client, user, password=PASSWORD):
    return client.post("/login/", {"login": user.username, "password": password})


def activate_totp(client, password=PASSWORD):
    page = client.get("/accounts/2fa/totp/activate/")
    # Changing sign-in security asks for the password again, as allauth does.
    assert page.status_code == 302 and page["Location"].startswith("/accounts/reauthenticate/")
    assert client.post(page["Location"], {"password": password}).status_code == 302
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200, page
    secret = re.search(rb'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page.content).group(1).decode()
    assert client.post("/accounts/2fa/totp/activate/", {"code": "000000"}).status_code == 200  # wrong code
    response = client.post("/accounts/2fa/totp/activate/", {"code": code(secret)})
    assert response.status_code == 302
    return secret


def test_totp_setup_then_log_in_needs_a_code(user):
    client = Client()
    assert log_in(client, user).status_code == 302
    secret = activate_totp(client)
    assert Authenticator.objects.filter(user=user, type="totp").exists()
    client.post("/logout/")

    fresh = Client()
    stage = log_in(fresh, user)
    assert stage.status_code == 302 and stage["Location"].startswith("/accounts/2fa/authenticate/")
    assert fresh.get("/dashboard/").status_code == 302  # not logged in yet
    assert fresh.post("/accounts/2fa/authenticate/", {"code": "123456"}).status_code == 200
    done = fresh.post("/accounts/2fa/authenticate/", {"code": code(secret, step=1)})
    assert done.status_code == 302
    assert fresh.get("/dashboard/").status_code == 200


def test_a_recovery_code_logs_in_once(user):
    client = Client()
    log_in(client, user)
    activate_totp(client)
    recovery = RecoveryCodes(Authenticator.objects.get(user=user, type="recovery_codes")).get_unused_codes()[
        0
    ]
    client.post("/logout/")
    fresh = Client()
    log_in(fresh, user)
    assert fresh.post("/accounts/2fa/authenticate/", {"code": recovery}).status_code == 302
    again = Client()
    log_in(again, user)
    assert again.post("/accounts/2fa/authenticate/", {"code": recovery}).status_code == 200


def test_the_admin_log_in_is_the_sites_so_two_factor_applies(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    redirect = client.get("/admin/login/?next=/admin/")
    assert redirect.status_code == 302 and redirect["Location"].startswith("/login/?next=")
    # The admin's own password form is gone: posting to it does not log anyone in.
    client.post("/admin/login/", {"username": staff.username, "password": PASSWORD})
    assert client.get("/admin/").status_code == 302


def test_staff_without_two_factor_cannot_reach_the_admin_when_it_is_required(settings):
    settings.STAFF_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    log_in(client, staff)
    for path in ("/admin/", "/admin/accounts/user/", "/dashboard/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/", path
    activate_totp(client)
    assert client.get("/admin/").status_code == 200
    # Ordinary users are not asked.
    member = Client()
    log_in(member, UserFactory())
    assert member.get("/dashboard/").status_code == 200


def test_without_the_setting_staff_may_use_the_admin_with_a_password(settings):
    settings.STAFF_REQUIRE_MFA = False
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    log_in(client, staff)
    assert client.get("/admin/").status_code == 200


def test_staff_with_two_factor_reach_the_admin_through_its_log_in_only_with_a_code(settings):
    settings.STAFF_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True, is_superuser=True)
    secret = totp_for(staff)
    client = Client()
    login_url = client.get("/admin/login/?next=/admin/")["Location"]
    stage = client.post(login_url, {"login": staff.username, "password": PASSWORD})
    assert stage.status_code == 302 and stage["Location"].startswith("/accounts/2fa/authenticate/")
    assert client.get("/admin/").status_code == 302
    assert client.post("/accounts/2fa/authenticate/", {"code": "000000"}).status_code == 200
    done = client.post("/accounts/2fa/authenticate/", {"code": code(secret)})
    assert done.status_code == 302 and done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_api_log_in_of_an_account_with_two_factor_needs_a_code_too(user):
    secret = totp_for(user)
    recovery = RecoveryCodes(Authenticator.objects.get(user=user, type="recovery_codes")).get_unused_codes()[
        0
    ]
    api = APIClient()

    def obtain(**extra):
        return api.post(TOKEN, {"username": user.username, "password": PASSWORD, **extra})

    missing = obtain()
    assert missing.status_code == 401 and missing.json()["code"] == "mfa_required"
    assert "access" not in missing.json()
    wrong = obtain(code="000000")
    assert wrong.status_code == 401 and wrong.json()["code"] == "mfa_code_invalid"
    assert (
        api.post(TOKEN, {"username": user.username, "password": "nope", "code": code(secret)}).status_code
        == 401
    )
    assert {"access", "refresh"} <= set(obtain(code=code(secret)).json())
    assert obtain(code=recovery).status_code == 200
    assert obtain(code=recovery).status_code == 401, "a recovery code works once"


def test_the_api_log_in_without_two_factor_takes_no_code(user):
    assert APIClient().post(TOKEN, {"username": user.username, "password": PASSWORD}).status_code == 200


def test_the_api_schema_documents_the_code_on_the_log_in(client):
    schema = client.get("/api/schema/", headers={"Accept": "application/json"}).json()
    body = schema["paths"]["/api/v1/auth/token/"]["post"]["requestBody"]["content"]["application/json"]
    name = body["schema"]["$ref"].rsplit("/", 1)[-1]
    assert {"username", "password", "code"} <= set(schema["components"]["schemas"][name]["properties"])


REFRESH = "/api/v1/auth/token/refresh/"
TOKENS = "/api/v1/auth/tokens/"


def assert_setup_required(response):
    assert response.status_code == 403, response.content
    body = response.json()
    assert body["code"] == "mfa_setup_required" and "two-factor" in body["detail"]
    assert body["setup_url"].endswith("/accounts/2fa/totp/activate/")
    assert "access" not in body and "token" not in body


def test_staff_without_two_factor_get_no_api_credential_when_it_is_required(settings):
    staff = UserFactory(is_staff=True)
    # Credentials issued before the rule was turned on.
    refresh = RefreshToken.for_user(staff)
    access, refresh = str(refresh.access_token), str(refresh)
    _, pat = token_create(user=staff, name="script")
    settings.STAFF_REQUIRE_MFA = True
    api = APIClient()

    assert api.post(TOKEN, {"username": staff.username, "password": "nope"}).status_code == 401
    assert_setup_required(api.post(TOKEN, {"username": staff.username, "password": PASSWORD}))
    assert_setup_required(api.post(REFRESH, {"refresh": refresh}))
    assert_setup_required(client_for(staff).post(TOKENS, {"name": "laptop"}))
    assert PersonalAccessToken.objects.count() == 1
    for credential in (pat, access):
        assert_setup_required(bearer(credential).get("/api/v1/auth/me/"))
    # The password-only session the pages redirect is refused by the API (and its Swagger UI) too.
    session = Client()
    log_in(session, staff)
    assert_setup_required(session.get("/api/v1/auth/me/"))

    # Set up, the same refresh token still works: refusing it did not spend it.
    totp_for(staff)
    assert APIClient().post(REFRESH, {"refresh": refresh}).status_code == 200
    assert bearer(pat).get("/api/v1/auth/me/").status_code == 200


def test_staff_with_two_factor_get_api_credentials_with_a_code(settings):
    settings.STAFF_REQUIRE_MFA = True
    staff = UserFactory(is_staff=True)
    secret = totp_for(staff)
    api = APIClient()
    missing = api.post(TOKEN, {"username": staff.username, "password": PASSWORD})
    assert missing.status_code == 401 and missing.json()["code"] == "mfa_required"
    pair = api.post(TOKEN, {"username": staff.username, "password": PASSWORD, "code": code(secret)}).json()
    assert APIClient().post(REFRESH, {"refresh": pair["refresh"]}).status_code == 200
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {pair['access']}")
    created = api.post(TOKENS, {"name": "laptop"})
    assert created.status_code == 201
    assert bearer(created.json()["token"]).get("/api/v1/auth/me/").status_code == 200


def test_without_the_setting_or_for_members_the_api_asks_for_no_setup(settings):
    settings.STAFF_REQUIRE_MFA = False
    staff = UserFactory(is_staff=True)
    assert APIClient().post(TOKEN, {"username": staff.username, "password": PASSWORD}).status_code == 200
    assert client_for(staff).post(TOKENS, {"name": "laptop"}).status_code == 201
    settings.STAFF_REQUIRE_MFA = True
    member = UserFactory()
    pair = APIClient().post(TOKEN, {"username": member.username, "password": PASSWORD}).json()
    assert APIClient().post(REFRESH, {"refresh": pair["refresh"]}).status_code == 200
    assert client_for(member).post(TOKENS, {"name": "laptop"}).status_code == 201
    session = Client()
    log_in(session, member)
    assert session.get("/api/v1/auth/me/").status_code == 200
