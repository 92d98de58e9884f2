"""Restoring an account during its deletion grace period.

allauth sends someone who typed the right password for an inactive account
to ``respond_user_inactive``; for an account awaiting erasure we remember who
(for a few minutes, in the session) and the restore page offers to bring it back.
allauth calls that hook before its two-factor stage, so an account with
two-factor must pass it on the restore page before it is restored or exported.
"""

from datetime import timedelta

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.utils import timezone

from .models import User

SESSION_KEY = "accounts_restore_offer"
OFFER_SECONDS = 600


def offer(request, user) -> None:
    request.session[SESSION_KEY] = {"user": user.pk, "at": timezone.now().timestamp()}


def offered_user(request) -> User | None:
    """The account the session may restore, if the offer is fresh and the account still waits."""
    data = request.session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    made = data.get("at")
    if not isinstance(made, int | float) or timezone.now().timestamp() - made > OFFER_SECONDS:
        return None
    return User.objects.filter(pk=data.get("user"), deletion_requested_at__isnull=False).first()


def needs_second_factor(request, user) -> bool:
    return is_mfa_enabled(user) and not request.session.get(SESSION_KEY, {}).get("mfa")


def second_factor_passed(request) -> None:
    request.session[SESSION_KEY] = {**request.session[SESSION_KEY], "mfa": True}


def withdraw(request) -> None:
    request.session.pop(SESSION_KEY, None)


def erasure_date(user):
    return user.deletion_requested_at + timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS)
