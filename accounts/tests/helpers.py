import time
from datetime import timedelta

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import User
from accounts.tasks import erase_deleted_accounts


def erase_after_grace(user) -> None:
    """Move a deleted account's deletion past the grace period and run the daily erasure task."""
    past = timezone.now() - timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS, minutes=1)
    User.objects.filter(pk=user.pk, deletion_requested_at__isnull=False).update(deletion_requested_at=past)
    erase_deleted_accounts.delay()


def totp_for(user) -> str:
    """Two-factor set up as the activation page leaves it (TOTP and recovery codes); returns the secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret, step=0) -> str:
    """The code an authenticator app shows now (``step=1``: the next one)."""
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + step
    return format_hotp_value(hotp_value(secret, counter))


def bearer(raw) -> APIClient:
    """An API client sending ``Authorization: Bearer <raw>`` (a personal access token or a JWT)."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client
