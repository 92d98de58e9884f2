"""Social log-in with GitHub (OAuth2), Google and LinkedIn (OpenID Connect) against a local provider
speaking the real protocol (accounts/tests/oauth_provider.py): authorization code, state, PKCE,
token, userinfo / user + emails, RS256 id_token with its JWKS."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import jwt
import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.test import Client

from accounts import services
from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def sign_in(client, login_path):
    """Click "Continue with …", let the provider redirect back, follow the callback."""
    start = client.post(login_path)
    assert start.status_code == 302, start.content
    authorize = start["Location"]
    query = parse_qs(urlsplit(authorize).query)
    assert query["state"] and query["code_challenge_method"] == ["S256"]
    consent = httpx.get(authorize, follow_redirects=False, trust_env=False)
    assert consent.status_code == 302, consent.text
    callback = urlsplit(consent.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}"), query


def test_google_openid_connect_signs_up_and_logs_in(google):
    client = Client()
    response, query = sign_in(client, "/accounts/oidc/google/login/")
    assert response.status_code == 302, response.content
    assert client.get("/dashboard/").status_code == 200
    account = SocialAccount.objects.get(provider="google")
    assert account.uid == "g-1001"
    user = account.user
    assert user.email == "ada@gmail.test"
    assert EmailAddress.objects.get(user=user).verified  # the provider says so (email_verified)
    # The token request carried the PKCE verifier for the challenge sent in the authorize step.
    assert google.token_requests[-1]["code_verifier"]
    assert "openid" in query["scope"][0]
    # A second log-in finds the same account.
    client.post("/logout/")
    again = Client()
    sign_in(again, "/accounts/oidc/google/login/")
    assert User.objects.count() == 1 and again.get("/dashboard/").status_code == 200


def test_linkedin_openid_connect_is_its_own_provider(google):
    client = Client()
    response, _ = sign_in(client, "/accounts/oidc/linkedin/login/")
    assert response.status_code == 302
    assert SocialAccount.objects.get(provider="linkedin").user.email == "grace@linkedin.test"


def test_the_id_token_is_rs256_signed_by_the_providers_published_key(google):
    token = google.id_token(nonce="n-1")
    keys = httpx.get(f"{google.base_url}/jwks", trust_env=False).json()["keys"]
    key = jwt.algorithms.RSAAlgorithm.from_jwk(json.dumps(keys[0]))
    claims = jwt.decode(token, key, algorithms=["RS256"], audience=google.client_id, issuer=google.base_url)
    assert claims["sub"] == "g-1001" and claims["nonce"] == "n-1"


def test_a_forged_state_or_a_replayed_code_logs_nobody_in(google):
    client = Client()
    start = client.post("/accounts/oidc/google/login/")
    consent = httpx.get(start["Location"], follow_redirects=False, trust_env=False)
    callback = urlsplit(consent.headers["Location"])
    params = parse_qs(callback.query)
    forged = client.get(f"{callback.path}?code={params['code'][0]}&state=forged")
    assert forged.status_code == 401  # allauth's authentication-error page
    assert client.get("/dashboard/").status_code == 302
    assert not User.objects.exists()
    # The genuine callback still works once; replayed (even in another browser), it logs nobody in.
    assert client.get(f"{callback.path}?{callback.query}").status_code == 302
    thief = Client()
    assert thief.get(f"{callback.path}?{callback.query}").status_code == 401
    assert thief.get("/dashboard/").status_code == 302


def test_github_oauth2_with_the_user_and_emails_api(github):
    client = Client()
    response, query = sign_in(client, "/accounts/github/login/")
    assert response.status_code == 302, response.content
    account = SocialAccount.objects.get(provider="github")
    assert account.uid == "583231" and account.user.email == "octo@github.test"
    assert set(query["scope"][0].split()) == {"read:user", "user:email"}
    assert client.get("/dashboard/").status_code == 200


def test_the_login_page_shows_only_configured_providers(client, google, settings):
    page = client.get("/login/").content.decode()
    assert "Continue with Google" in page and "Continue with LinkedIn" in page
    assert "GitHub" not in page
    settings.SOCIALACCOUNT_PROVIDERS = {}
    assert "Continue with" not in client.get("/login/").content.decode()


@pytest.mark.slow
def test_settings_enable_each_provider_only_with_its_id_and_secret():
    probe = (
        "import django, json; django.setup(); from django.conf import settings;"
        "p = settings.SOCIALACCOUNT_PROVIDERS;"
        "apps = p.get('openid_connect', {}).get('APPS', []);"
        "print(json.dumps({'github': p.get('github', {}).get('GITHUB_URL'),"
        "'oidc': [a['provider_id'] + '=' + a['settings']['server_url'] for a in apps]}))"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.endswith(("_CLIENT_ID", "_CLIENT_SECRET"))},
        "DJANGO_SETTINGS_MODULE": "resumate.settings",
        "DEBUG": "1",
        "GITHUB_CLIENT_ID": "a",
        "GITHUB_CLIENT_SECRET": "b",
        "GITHUB_BASE_URL": "http://127.0.0.1:9/gh",
        "LINKEDIN_CLIENT_ID": "c",
        "LINKEDIN_CLIENT_SECRET": "d",
        "LINKEDIN_OIDC_URL": "http://127.0.0.1:9/li",
        "GOOGLE_CLIENT_ID": "only-an-id",
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "github": "http://127.0.0.1:9/gh",
        "oidc": ["linkedin=http://127.0.0.1:9/li"],
    }, result.stderr[-2000:]


def test_a_provider_naming_an_existing_address_does_not_log_into_that_account(google):
    owner = UserFactory(email="ada@gmail.test")
    client = Client()
    response, _ = sign_in(client, "/accounts/oidc/google/login/")
    # allauth asks for a sign-up of its own instead; the owner's account is neither entered nor linked.
    assert response.status_code == 302 and response["Location"] == "/accounts/3rdparty/signup/"
    assert client.get("/dashboard/").status_code == 302
    assert not SocialAccount.objects.exists()
    assert User.objects.get() == owner


@pytest.mark.parametrize(
    "claims",
    [{"aud": "another-client"}, {"iss": "https://impostor.example"}, {"exp": 1_000_000_000}],
    ids=["audience", "issuer", "expired"],
)
def test_an_id_token_for_another_client_issuer_or_time_logs_nobody_in(google, claims):
    # Fetched straight from the token endpoint, the id_token's signature may go unchecked (OIDC Core
    # 3.1.3.7); its audience, issuer and expiry are checked all the same.
    genuine = google.id_token

    def altered(*, nonce=None):
        body = jwt.decode(genuine(nonce=nonce), options={"verify_signature": False})
        return jwt.encode({**body, **claims}, google.key, algorithm="RS256", headers={"kid": google.kid})

    google.id_token = altered
    client = Client()
    response, _ = sign_in(client, "/accounts/oidc/google/login/")
    assert response.status_code == 401, response.content
    assert client.get("/dashboard/").status_code == 302
    assert not User.objects.exists()


DELETED = "This account is deleted"


def test_a_social_log_in_does_not_restore_a_deleted_account(google):
    client = Client()
    sign_in(client, "/accounts/oidc/google/login/")
    user = SocialAccount.objects.get(provider="google").user
    services.user_deactivate(user=user)

    again = Client()
    response, _ = sign_in(again, "/accounts/oidc/google/login/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert DELETED in again.get("/login/").content.decode()
    assert again.get("/account/restore/").status_code == 302  # no restore offered
    assert again.get("/dashboard/").status_code == 302
    user.refresh_from_db()
    assert not user.is_active and user.deletion_requested_at is not None
    assert User.objects.count() == 1


def test_a_provider_naming_a_deleted_accounts_address_neither_enters_nor_replaces_it(google):
    owner = UserFactory(email="ADA@gmail.test")
    services.user_deactivate(user=owner)
    client = Client()
    response, _ = sign_in(client, "/accounts/oidc/google/login/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert DELETED in client.get("/login/").content.decode()
    assert client.get("/dashboard/").status_code == 302
    assert User.objects.get() == owner and not SocialAccount.objects.exists()
    owner.refresh_from_db()
    assert not owner.is_active
    # Its password still restores it.
    offer = client.post("/login/", {"login": owner.username, "password": PASSWORD})
    assert offer["Location"] == "/account/restore/"
