"""Fixtures for the accounts tests: the local OAuth2 / OIDC providers the social log-ins talk to."""

import pytest
from allauth.socialaccount.providers.github.views import GitHubOAuth2Adapter

from .oauth_provider import Account, FakeProvider


def oidc_app(provider_id, name, fake):
    return {
        "provider_id": provider_id,
        "name": name,
        "client_id": fake.client_id,
        "secret": fake.client_secret,
        "settings": {"server_url": fake.base_url, "oauth_pkce_enabled": True},
    }


@pytest.fixture
def google(httpserver, settings):
    fake = FakeProvider(
        httpserver, "/google", "google-client", "google-secret", Account("g-1001", "ada@gmail.test")
    )
    linkedin = FakeProvider(
        httpserver,
        "/linkedin",
        "li-client",
        "li-secret",
        Account("li-77", "grace@linkedin.test", "Grace Hopper"),
    )
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [oidc_app("google", "Google", fake), oidc_app("linkedin", "LinkedIn", linkedin)]
        }
    }
    fake.linkedin = linkedin
    return fake


@pytest.fixture
def github(httpserver, settings, monkeypatch):
    fake = FakeProvider(
        httpserver,
        "/github",
        "gh-client",
        "gh-secret",
        Account("583231", "octo@github.test", login="octocat"),
        flavour="github",
    )
    settings.SOCIALACCOUNT_PROVIDERS = {
        "github": {
            "APPS": [{"client_id": fake.client_id, "secret": fake.client_secret}],
            "SCOPE": ["read:user", "user:email"],
            "OAUTH_PKCE_ENABLED": True,
        }
    }
    # allauth binds GitHub's URLs when it is imported, from GITHUB_URL (our GITHUB_BASE_URL):
    # point the bound URLs at the fake as that import would have (test_settings_enable_... checks the env).
    base = fake.base_url
    for attr, path in [
        ("access_token_url", "/login/oauth/access_token"),
        ("authorize_url", "/login/oauth/authorize"),
        ("profile_url", "/api/v3/user"),
        ("emails_url", "/api/v3/user/emails"),
    ]:
        monkeypatch.setattr(GitHubOAuth2Adapter, attr, base + path)
    return fake
