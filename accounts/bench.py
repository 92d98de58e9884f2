"""Cost of the request stack: JWT- and personal-token-authenticated API reads against the liveness probe."""

from django.test import Client
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import UserFactory
from accounts.tokens.services import token_create
from resumate.bench import Result, timed

REQUESTS = 300


def run():
    user = UserFactory()
    client = Client(HTTP_HOST="localhost")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {RefreshToken.for_user(user).access_token}"}

    def me():
        for _ in range(REQUESTS):
            assert client.get("/api/v1/auth/me/", **auth).status_code == 200

    def live():
        for _ in range(REQUESTS):
            assert client.get("/health/live/").status_code == 200

    _, raw = token_create(user=user, name="bench", scope="read")
    token_auth = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    def me_with_token():
        for _ in range(REQUESTS):
            assert client.get("/api/v1/auth/me/", **token_auth).status_code == 200

    me_ms = timed(me, repeat=3) / REQUESTS * 1000
    token_ms = timed(me_with_token, repeat=3) / REQUESTS * 1000
    live_ms = timed(live, repeat=3) / REQUESTS * 1000
    return [
        Result(
            "GET /api/v1/auth/me/ with a JWT (full middleware, auth, throttles)",
            me_ms,
            "ms/request",
            "GET /health/live/",
            live_ms,
            f"{REQUESTS} requests x 3, median, in-process test client",
        ),
        Result(
            "GET /api/v1/auth/me/ with a personal access token (hash lookup, last-used once a minute)",
            token_ms,
            "ms/request",
            "the same with a JWT",
            me_ms,
            f"{REQUESTS} requests x 3, median, in-process test client",
        ),
    ]
