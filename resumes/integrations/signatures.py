"""Webhook secrets: generation, encryption at rest, and HMAC-SHA256 signatures.

Two signature schemes:
- GitHub's own, unchanged (GitHub signs no timestamp): ``sha256=<hex HMAC of the body>``;
- ours (generic, Open Badges): ``t=<unix seconds>,v1=<hex HMAC of "<t>." + body>``, accepted
  within ``TOLERANCE_SECONDS`` of now, so a captured delivery cannot be replayed later (and
  within the window the services refuse a signature seen before).

The secret must be recoverable to verify an HMAC, so it is stored encrypted
(Fernet, key derived from SECRET_KEY with HKDF), never hashed. Rotating
SECRET_KEY therefore invalidates every stored webhook secret: rotate them too.
"""

import base64
import hashlib
import hmac
import re
import secrets
import time
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

SECRET_PREFIX = "whsec_"  # noqa: S105  (a marker, not a secret)
_HKDF_INFO = b"resumate.integrations.webhook-secret.v1"


class SecretUnavailable(Exception):
    """The stored secret cannot be decrypted (SECRET_KEY changed)."""


def generate_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_secret(secret: str) -> str:
    return _fernet(settings.SECRET_KEY).encrypt(secret.encode()).decode()


def decrypt_secret(token: str) -> str:
    try:
        return _fernet(settings.SECRET_KEY).decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise SecretUnavailable("The webhook secret cannot be decrypted; rotate it.") from exc


def sign(secret: str, body: bytes) -> str:
    """The header value ``sha256=<hex>``: HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def verify(secret: str, body: bytes, header_value: str | None) -> bool:
    """True when ``header_value`` is ``sha256=<hex>`` of ``body``; compared in constant time."""
    if not header_value:
        return False
    return hmac.compare_digest(sign(secret, body).encode(), header_value.strip().lower().encode())


TOLERANCE_SECONDS = 300
_TIMESTAMPED = re.compile(r"^t=(?P<t>\d{1,12}),v1=(?P<v1>[0-9a-f]{64})$")


def sign_timestamped(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The header value ``t=<timestamp>,v1=<hex>``: HMAC-SHA256 of ``b"<timestamp>." + body``."""
    timestamp = int(time.time()) if timestamp is None else int(timestamp)
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_timestamped(secret: str, body: bytes, header_value: str | None, *, now: float | None = None):
    """The ``v1`` digest when the header signs ``body`` at a time within the tolerance, else None."""
    match = _TIMESTAMPED.match((header_value or "").strip().lower())
    if match is None:
        return None
    timestamp = int(match["t"])
    if abs((time.time() if now is None else now) - timestamp) > TOLERANCE_SECONDS:
        return None
    expected = sign_timestamped(secret, body, timestamp)
    if not hmac.compare_digest(expected.encode(), match.group(0).encode()):
        return None
    return match["v1"]


def sign_delivery(platform, secret: str, body: bytes) -> str:
    """A signature header value for ``platform`` (a platform module), in its scheme."""
    return sign_timestamped(secret, body) if platform.SIGNS_TIMESTAMP else sign(secret, body)
