"""DRF authentication and permission for personal access tokens (``Authorization: Bearer rmt_…``).

Listed before simplejwt in ``DEFAULT_AUTHENTICATION_CLASSES``: a bearer value
starting ``rmt_`` is ours (a bad one is a 401), anything else is left to the
JWT class. A ``read`` token is refused (403) on unsafe methods here, during
authentication, so views that open themselves to anonymous use (AllowAny)
cannot be written to with it either; ``TokenScopePermission`` says the same
thing in the permission layer for views that list their own permissions.
"""

from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS, BasePermission

from ..staff_mfa import staff_mfa_setup_check
from .models import TOKEN_PREFIX, PersonalAccessToken
from .services import authenticate_personal_token

READ_ONLY_MESSAGE = "This personal access token is read-only."


class ReadOnlyToken(exceptions.PermissionDenied):
    default_detail = READ_ONLY_MESSAGE
    default_code = "token_read_only"


class PersonalTokenAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if len(parts) != 2 or parts[0].decode(errors="replace") != self.keyword:
            return None
        try:
            raw = parts[1].decode()
        except UnicodeDecodeError:
            return None
        if not raw.startswith(TOKEN_PREFIX):
            return None  # a JWT: simplejwt's turn
        found = authenticate_personal_token(raw)
        if found is None:
            raise exceptions.AuthenticationFailed(
                "Invalid, expired or revoked personal access token.", "token_not_valid"
            )
        user, token = found
        staff_mfa_setup_check(user=user)  # a token made before STAFF_REQUIRE_MFA was turned on
        self.check_scope(request, token)
        return user, token

    def check_scope(self, request, token) -> None:
        if request.method not in SAFE_METHODS and not token.allows_write:
            raise ReadOnlyToken

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class TokenScopePermission(BasePermission):
    """Unsafe methods need a ``write`` token; JWT and session requests are not affected."""

    message = READ_ONLY_MESSAGE
    code = "token_read_only"

    def has_permission(self, request, view):
        if isinstance(request.auth, PersonalAccessToken):
            return request.method in SAFE_METHODS or request.auth.allows_write
        return True


class NotWithPersonalToken(BasePermission):
    """Managing tokens (or the account itself) needs a log-in, not a token."""

    message = "Log in to do this; personal access tokens cannot."
    code = "token_not_allowed"

    def has_permission(self, request, view):
        return not isinstance(request.auth, PersonalAccessToken)
