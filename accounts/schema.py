"""drf-spectacular extensions: our refresh serializer keeps simplejwt's schema; personal access tokens."""

from drf_spectacular.contrib.rest_framework_simplejwt import TokenRefreshSerializerExtension
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ActiveUserTokenRefreshSerializerExtension(TokenRefreshSerializerExtension):
    target_class = "accounts.serializers.ActiveUserTokenRefreshSerializer"


class PersonalTokenAuthenticationExtension(OpenApiAuthenticationExtension):
    target_class = "accounts.tokens.authentication.PersonalTokenAuthentication"
    name = "personalAccessToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "bearerFormat": "rmt_<id>_<secret>",
            "description": "A personal access token from /api/v1/auth/tokens/ (or Settings → Tokens). "
            "`read` tokens get 403 on every unsafe method.",
        }
