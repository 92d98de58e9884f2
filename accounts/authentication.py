"""DRF authentication that keeps the staff two-factor rule: a staff member who must still set up
TOTP (``STAFF_REQUIRE_MFA``) is refused with 403 ``mfa_setup_required``, whatever credential they send.

Without it a password-only staff session, redirected away from every page, could still use the API
(Swagger UI included), as could a JWT issued before the rule was turned on. Personal access tokens
check the same rule in their own class (``accounts.tokens.authentication``).
"""

from rest_framework import authentication
from rest_framework_simplejwt import authentication as simplejwt

from .staff_mfa import staff_mfa_setup_check


class StaffMFARequired:
    def authenticate(self, request):
        found = super().authenticate(request)
        if found is not None:
            staff_mfa_setup_check(user=found[0])
        return found


class JWTAuthentication(StaffMFARequired, simplejwt.JWTAuthentication):
    pass


class SessionAuthentication(StaffMFARequired, authentication.SessionAuthentication):
    pass
