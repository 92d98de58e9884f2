"""Webhook secrets: generation, encryption at rest, and HMAC-SHA256 signatures.

The secret must be recoverable to verify an HMAC, so it is stored encrypted
(Fernet, key derived from SECRET_KEY with HKDF), never hashed. Rotating
SECRET_KEY therefore invalidates every stored webhook secret: rotate them too.
"""

import base64
import hashlib
import hmac
import secrets
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
