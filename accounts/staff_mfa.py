"""Staff need two-factor (``STAFF_REQUIRE_MFA``): one rule for every way in.

Pages redirect to the set-up page (``StaffMFAMiddleware``); the API's log-in,
token refresh and personal access tokens refuse with 403 ``mfa_setup_required``
(:func:`staff_mfa_setup_check`), since a token would skip the pages' redirect.
"""

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.urls import reverse

from resumate.exceptions import ApplicationError

SETUP_REQUIRED = (
    "Staff accounts must set up two-factor authentication before using the API: "
    "log in on the site and add an authenticator app (setup_url)."
)


def staff_mfa_pending(user) -> bool:
    """A staff member who must set up two-factor and has not yet."""
    return bool(
        settings.STAFF_REQUIRE_MFA
        and user.is_authenticated
        and user.is_staff
        and not is_mfa_enabled(user, types=["totp"])
    )


def staff_mfa_setup_check(*, user) -> None:
    """Raises ``ApplicationError`` 403 ``mfa_setup_required`` for a staff member still without TOTP."""
    if staff_mfa_pending(user):
        setup_url = settings.SITE_URL.rstrip("/") + reverse("mfa_activate_totp")
        raise ApplicationError(SETUP_REQUIRED, "mfa_setup_required", 403, extra={"setup_url": setup_url})
