"""Share-link tokens: generated at random, looked up by hash, kept encrypted for the owner.

The hash (SHA-256; a 192-bit random token needs no salt) is what a request is
matched against. The encrypted copy only lets the owner see the URL again;
rotating SECRET_KEY makes it unreadable but every link keeps working.
"""

import base64
import hashlib
import secrets
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

TOKEN_BYTES = 24
_HKDF_INFO = b"resumate.sharing.link-token.v1"


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@lru_cache(maxsize=4)
def _fernet(secret_key: str) -> Fernet:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_HKDF_INFO).derive(secret_key.encode())
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_token(token: str) -> str:
    return _fernet(settings.SECRET_KEY).encrypt(token.encode()).decode()


def decrypt_token(stored: str) -> str | None:
    """The token, or None when SECRET_KEY changed since it was stored."""
    try:
        return _fernet(settings.SECRET_KEY).decrypt(stored.encode()).decode()
    except InvalidToken:
        return None
