"""hh.ru's OAuth and applicant API over httpx, with hh's error bodies turned into ``HHError``.

hh answers errors as ``{"errors": [{"type": "negotiations", "value": "already_applied"}], ...}``
(API) or ``{"error": "invalid_grant", "error_description": "..."}`` (OAuth). Every
request names the application in ``HH-User-Agent``, as hh requires.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

import httpx
from django.conf import settings
from django.utils.translation import gettext_lazy

from resumate.exceptions import ApplicationError

TIMEOUT = httpx.Timeout(15.0, connect=5.0)

# What hh's refusals mean for the person pressing the button.
REFUSALS = {
    "already_applied": "You have already applied to this vacancy on hh.ru.",
    "test_required": "This vacancy asks you to take the employer's test first: apply on hh.ru itself.",
    "vacancy_archived": "This vacancy has been archived on hh.ru: it no longer takes applications.",
    "archived": "This vacancy has been archived on hh.ru: it no longer takes applications.",
    "letter_required": "This vacancy requires a cover letter: write one and send again.",
    "resume_not_published": "That hh.ru resume is not published: publish it on hh.ru first.",
    "limit_exceeded": "hh.ru's own daily limit of applications is reached: try again tomorrow.",
    "application_denied": "The employer does not accept applications from this resume.",
    "not_found": "hh.ru does not know this vacancy any more.",
}


class HHError(ApplicationError):
    """hh.ru refused or failed; ``code`` is hh's error value (``already_applied``, ...)."""

    status = 502
    code = "hh_error"
    detail = "hh.ru could not be reached; try again in a minute."


class HHAuthError(HHError):
    # Not 401: the caller is signed in to ResuMate; what is missing is their hh.ru link.
    status = 409
    code = "hh_not_connected"
    detail = gettext_lazy("Your hh.ru connection has expired: connect hh.ru again.")


@dataclass
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int


def _refusal(response: httpx.Response) -> HHError:
    try:
        body = response.json()
    except ValueError:
        body = {}
    body = body if isinstance(body, dict) else {}
    values = [e.get("value") or e.get("type") for e in body.get("errors") or [] if isinstance(e, dict)]
    if body.get("error"):
        values.append(body["error"])
    if response.status_code == 404 and not values:
        values = ["not_found"]
    if response.status_code in (401, 403) and any(
        v in ("token_expired", "bad_authorization", "token_revoked") for v in values
    ):
        return HHAuthError()
    value = next((v for v in values if v in REFUSALS), values[0] if values else "")
    message = REFUSALS.get(value) or f"hh.ru refused the request ({value or response.status_code})."
    status = 409 if response.status_code in (400, 403, 404, 409) else 502
    return HHError(
        message, code=value or "hh_error", status=status, extra={"hh_status": response.status_code}
    )


class HHClient:
    def __init__(self, *, access_token: str = ""):
        headers = {"HH-User-Agent": settings.HH_USER_AGENT, "User-Agent": settings.HH_USER_AGENT}
        if access_token:
            headers["Authorization"] = f"Bearer {access_token}"
        self._http = httpx.Client(
            base_url=settings.HH_BASE_URL.rstrip("/") + "/", timeout=TIMEOUT, headers=headers
        )

    def close(self):
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _send(self, method, path, **kwargs) -> httpx.Response:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.TransportError as exc:
            raise HHError() from exc
        if response.status_code >= 400:
            raise _refusal(response)
        return response

    def _json(self, method, path, **kwargs) -> dict:
        response = self._send(method, path, **kwargs)
        try:
            data = response.json()
        except ValueError as exc:
            raise HHError("hh.ru answered something that is not JSON.") from exc
        if not isinstance(data, dict):
            raise HHError("hh.ru answered an unexpected shape.")
        return data

    @staticmethod
    def authorize_url(*, state: str, redirect_uri: str) -> str:
        query = urlencode(
            {
                "response_type": "code",
                "client_id": settings.HH_CLIENT_ID,
                "state": state,
                "redirect_uri": redirect_uri,
            }
        )
        return f"{settings.HH_OAUTH_BASE_URL.rstrip('/')}/oauth/authorize?{query}"

    def _tokens(self, form) -> Tokens:
        data = self._json(
            "POST",
            "token",
            data={**form, "client_id": settings.HH_CLIENT_ID, "client_secret": settings.HH_CLIENT_SECRET},
        )
        try:
            return Tokens(
                str(data["access_token"]), str(data["refresh_token"]), int(data.get("expires_in") or 0)
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise HHError("hh.ru's token answer is missing its tokens.") from exc

    def exchange_code(self, *, code: str, redirect_uri: str) -> Tokens:
        return self._tokens({"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri})

    def refresh(self, *, refresh_token: str) -> Tokens:
        return self._tokens({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def revoke(self) -> None:
        self._send("DELETE", "oauth/token")

    def me(self) -> dict:
        return self._json("GET", "me")

    def resumes(self) -> list[dict]:
        items = self._json("GET", "resumes/mine").get("items")
        return [r for r in items if isinstance(r, dict) and r.get("id")] if isinstance(items, list) else []

    def apply(self, *, vacancy_id: str, resume_id: str, message: str) -> str:
        """Send the application; hh answers 201 with ``Location: /negotiations/{id}``."""
        response = self._send(
            "POST",
            "negotiations",
            data={"vacancy_id": vacancy_id, "resume_id": resume_id, "message": message},
        )
        return response.headers.get("Location", "").rstrip("/").rsplit("/", 1)[-1]
