"""Account writes: registration, profile updates, logout, export and erasure."""

from django.contrib.auth.password_validation import validate_password
from django.core import serializers
from django.db import transaction
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from .models import User
from .registry import owned_querysets

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


def user_register(*, username: str, email: str, password: str, **profile) -> User:
    """Create an active user. Callers validate uniqueness and password strength first."""
    user = User(username=username, email=email, **profile)
    validate_password(password, user)
    user.set_password(password)
    user.save()
    return user


def user_logout(*, refresh_token: str) -> None:
    """Blacklist a refresh token so it can never be used again."""
    RefreshToken(refresh_token).blacklist()


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
def user_delete(*, user: User) -> None:
    """Erase the account; every owned row goes with it through ON DELETE CASCADE."""
    # simplejwt keeps token rows with user=NULL; they are the user's, so they go too.
    OutstandingToken.objects.filter(user=user).delete()
    user.delete()
