"""Personal access tokens: issue, authenticate, revoke.

The one entry point for anything that accepts a token (the REST API's
authentication class, and later the MCP server) is
:func:`authenticate_personal_token`::

    found = authenticate_personal_token(raw)      # "rmt_<lookup id>_<secret>"
    if found is None: ...                          # unknown, malformed, revoked, expired or inactive user
    user, token = found
    if not token.allows_write: ...                 # a "read" token: refuse anything that writes

It never raises for bad input, compares the secret in constant time, and
records ``last_used_at`` (at most once a minute per token, so a busy script
does not write a row per request).
"""

import hmac
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..staff_mfa import staff_mfa_setup_check
from .models import TOKEN_PREFIX, PersonalAccessToken, TokenScope

LAST_USED_RESOLUTION = timedelta(minutes=1)
MAX_TOKENS_PER_USER = 50
_LOOKUP_BYTES = 6  # 8 url-safe characters
_SECRET_BYTES = 32


class TokenLimitReached(Exception):
    pass


def _split(raw: str) -> tuple[str, str] | None:
    if not isinstance(raw, str) or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    lookup_id, sep, secret = raw[len(TOKEN_PREFIX) :].partition("_")
    if not sep or not lookup_id or not secret:
        return None
    return lookup_id, secret


@transaction.atomic
def token_create(
    *, user, name: str, scope: str = TokenScope.READ, expires_at=None
) -> tuple[PersonalAccessToken, str]:
    """Issue a token; returns the row and the raw key, which is never stored and cannot be shown again.

    Raises ``ApplicationError`` 403 for staff who must set up two-factor first (``staff_mfa``).
    """
    staff_mfa_setup_check(user=user)
    if PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).count() >= MAX_TOKENS_PER_USER:
        raise TokenLimitReached
    # "_" separates the parts, so the lookup id must not contain one.
    lookup_id = secrets.token_urlsafe(_LOOKUP_BYTES).replace("_", "x").replace("-", "y")
    raw = f"{TOKEN_PREFIX}{lookup_id}_{secrets.token_urlsafe(_SECRET_BYTES)}"
    token = PersonalAccessToken.objects.create(
        user=user,
        name=name,
        scope=scope,
        expires_at=expires_at,
        lookup_id=lookup_id,
        secret_hash=PersonalAccessToken.hash_secret(raw),
    )
    return token, raw


def authenticate_personal_token(raw: str):
    """``(user, token)`` for a live token of an active user, else None; see the module docstring."""
    parts = _split(raw)
    if parts is None:
        return None
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(lookup_id=parts[0], revoked_at__isnull=True)
        .first()
    )
    if token is None or not hmac.compare_digest(token.secret_hash, PersonalAccessToken.hash_secret(raw)):
        return None
    if token.is_expired or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        PersonalAccessToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token.user, token


def token_revoke(*, token: PersonalAccessToken) -> None:
    """Revoke one token (idempotent); it stops working on the next request."""
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def tokens_revoke_all(*, user) -> int:
    """Revoke every live token of ``user`` (password change or reset, account deletion)."""
    return PersonalAccessToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
