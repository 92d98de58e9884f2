"""CORS for browser API clients: only origins on CORS_ALLOWED_ORIGINS, none by default, API paths only."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://app.example.org"


def preflight(client, path="/api/v1/auth/me/", origin=ORIGIN):
    return client.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )


def test_no_origin_is_allowed_by_default(client):
    assert "access-control-allow-origin" not in preflight(client).headers


def test_an_allowed_origin_may_call_the_api_with_a_bearer_token(client, settings):
    settings.CORS_ALLOWED_ORIGINS = [ORIGIN]
    response = preflight(client)
    assert response.headers["access-control-allow-origin"] == ORIGIN
    assert "authorization" in response.headers["access-control-allow-headers"]
    assert "access-control-allow-origin" not in preflight(client, origin="https://evil.example").headers
    # Pages are not opened up.
    assert "access-control-allow-origin" not in preflight(client, path="/login/").headers
