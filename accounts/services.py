"""Account writes: registration, credentials, e-mail, profile export, deletion and erasure.

Deleting an account is two steps: ``user_deactivate`` at once (no log-in, no
API, no e-mail, public pages gone, every credential revoked) and
``user_erase`` after ``ACCOUNT_DELETION_GRACE_DAYS`` (the daily task
``accounts.tasks.erase_deleted_accounts``). Until then ``user_restore`` undoes it.
"""

from datetime import timedelta

from allauth.account.forms import ResetPasswordForm, default_token_generator
from allauth.account.models import EmailAddress, get_emailconfirmation_model
from allauth.account.utils import url_str_to_user_pk
from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import serializers
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from resumate.exceptions import ApplicationError

from .models import User
from .registry import owned_querysets
from .signals import user_deactivated
from .tokens.services import tokens_revoke_all

# The profile as the API shows it; the export adds last_login.
PROFILE_FIELDS = (
    "id",
    "username",
    "email",
    "first_name",
    "last_name",
    "headline",
    "phone",
    "location",
    "website",
    "time_zone",
    "weekly_report_emails",
    "date_joined",
)


def user_register(*, username: str, email: str, password: str, request=None, **profile) -> User:
    """Create an active user with an unverified primary address; with ``request``, mail the verification link.

    Callers validate uniqueness and password strength first. The mail goes after the rows are
    written (allauth builds the link from the request, so it is sent while the request lasts).
    """
    with transaction.atomic():
        user = User(username=username, email=email, **profile)
        validate_password(password, user)
        user.set_password(password)
        user.save()
        address = EmailAddress.objects.create(user=user, email=email.lower(), primary=True, verified=False)
    if request is not None:
        address.send_confirmation(request, signup=True)
    return user


def second_factor_check(*, user: User, code: str | None) -> None:
    """For an account with two-factor, a password log-in also needs a TOTP or unused recovery code.

    Raises ``ApplicationError`` 401 ``mfa_required`` (no code) or ``mfa_code_invalid``; a recovery
    code is spent; allauth's per-user limit on code attempts applies.
    """
    if not is_mfa_enabled(user):
        return
    if not code:
        raise ApplicationError(
            gettext("This account has two-factor authentication: send `code` from the authenticator app."),
            "mfa_required",
            status.HTTP_401_UNAUTHORIZED,
        )
    if not BaseAuthenticateForm(data={"code": code}, user=user).is_valid():
        raise ApplicationError(
            gettext("That code is not valid."), "mfa_code_invalid", status.HTTP_401_UNAUTHORIZED
        )


def user_logout(*, refresh_token: str) -> None:
    """Blacklist a refresh token so it can never be used again."""
    RefreshToken(refresh_token).blacklist()


def user_credentials_revoke(*, user: User) -> None:
    """Every refresh token blacklisted and every personal access token revoked (sessions are the caller's)."""
    outstanding = OutstandingToken.objects.filter(user=user, expires_at__gt=timezone.now()).exclude(
        blacklistedtoken__isnull=False
    )
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in outstanding], ignore_conflicts=True
    )
    tokens_revoke_all(user=user)


@transaction.atomic
def user_password_change(*, user: User, old_password: str, new_password: str) -> User:
    """Change the password after checking the old one; revokes every JWT and personal token."""
    if not user.check_password(old_password):
        raise ValidationError({"old_password": [gettext("That is not your password.")]})
    try:
        validate_password(new_password, user)
    except Exception as exc:  # Django's ValidationError -> field error
        raise ValidationError({"new_password": list(exc.messages)}) from exc
    user.set_password(new_password)
    user.save(update_fields=["password"])
    user_credentials_revoke(user=user)
    return user


def password_reset_request(*, request, email: str) -> None:
    """Mail a reset link to the active account with this address, if any; says nothing either way."""
    form = ResetPasswordForm(data={"email": email})
    if form.is_valid():
        form.save(request)


@transaction.atomic
def password_reset_confirm(*, key: str, new_password: str) -> User:
    """Set a new password from the key in the reset link (``<uid>-<token>``); revokes every credential."""
    user = _user_for_reset_key(key)
    if user is None:
        raise ValidationError({"key": [gettext("This reset link is invalid or has expired.")]})
    try:
        validate_password(new_password, user)
    except Exception as exc:
        raise ValidationError({"new_password": list(exc.messages)}) from exc
    user.set_password(new_password)
    user.save(update_fields=["password"])
    user_credentials_revoke(user=user)
    # The reset proves the address: mark it verified, as allauth's page does.
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
    return user


def _user_for_reset_key(key: str) -> User | None:
    uid, sep, token = (key or "").partition("-")
    if not sep:
        return None
    try:
        pk = url_str_to_user_pk(uid)
    except (ValueError, TypeError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


def email_verify(*, request, key: str) -> EmailAddress:
    """Confirm the address behind a verification key (from the e-mailed link)."""
    confirmation = get_emailconfirmation_model().from_key(key or "")
    address = confirmation.confirm(request) if confirmation is not None else None
    if address is None:
        raise ValidationError({"key": [gettext("This verification link is invalid or has expired.")]})
    return address


def email_change_request(*, request, user: User, email: str) -> EmailAddress:
    """Start changing the address: the new one is mailed a link and replaces the old once confirmed."""
    address = EmailAddress.objects.add_new_email(request, user, email)
    email_change_keep_an_address(user=user, address=address)
    return address


def email_change_keep_an_address(*, user: User, address: EmailAddress) -> None:
    """An account never goes without an address while a change waits for its link.

    allauth takes an unverified current address for an earlier pending change and drops it,
    blanking ``user.email``. With nothing verified to keep, the new address takes its place now
    (still unverified, its link already mailed).
    """
    user.refresh_from_db(fields=["email"])
    if not user.email:
        address.set_as_primary()
        user.refresh_from_db(fields=["email"])


def user_data_export(*, user: User) -> dict:
    """Every row the user owns, across all apps, as one JSON-ready document."""
    document = {"profile": {field: getattr(user, field) for field in (*PROFILE_FIELDS, "last_login")}}
    for label, queryset, exclude in owned_querysets(user):
        rows = serializers.serialize("python", queryset)
        document[label] = [
            {"id": row["pk"], **{k: v for k, v in row["fields"].items() if k not in exclude}} for row in rows
        ]
    return document


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Delete the account as its owner sees it: inactive now, erased after the grace period."""
    if user.deletion_requested_at is None:
        user.deletion_requested_at = timezone.now()
    user.is_active = False
    user.save(update_fields=["is_active", "deletion_requested_at"])
    user_credentials_revoke(user=user)
    transaction.on_commit(lambda: user_deactivated.send(sender=User, user=user), robust=True)
    return user


def deleted_account_for_credentials(*, username: str, password: str) -> User | None:
    """The account awaiting erasure that this username and password open, if any."""
    user = User.objects.filter(username__iexact=username, deletion_requested_at__isnull=False).first()
    return user if user is not None and user.check_password(password) else None


@transaction.atomic
def user_restore(*, user: User) -> User:
    """Undo a deletion during the grace period."""
    user.deletion_requested_at = None
    user.is_active = True
    user.save(update_fields=["is_active", "deletion_requested_at"])
    return user


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Erase the account for good; every owned row goes with it through ON DELETE CASCADE."""
    # simplejwt keeps token rows with user=NULL; they are the user's, so they go too.
    OutstandingToken.objects.filter(user=user).delete()
    user.delete()


def users_erase_expired(*, now=None) -> int:
    """Erase every account whose grace period is over; safe to run twice. Returns how many went."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS)
    erased = 0
    for pk in User.objects.filter(deletion_requested_at__lte=cutoff).values_list("pk", flat=True):
        with transaction.atomic():
            user = User.objects.select_for_update().filter(pk=pk, deletion_requested_at__lte=cutoff).first()
            if user is not None:
                user_erase(user=user)
                erased += 1
    return erased
