"""drf-spectacular extensions: our log-in and refresh serializers keep simplejwt's schema; personal tokens."""

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme, TokenRefreshSerializerExtension
from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiSerializerExtension
from drf_spectacular.utils import inline_serializer
from rest_framework import serializers


class ActiveUserTokenRefreshSerializerExtension(TokenRefreshSerializerExtension):
    target_class = "accounts.serializers.ActiveUserTokenRefreshSerializer"


class TokenObtainWithCodeSerializerExtension(OpenApiSerializerExtension):
    target_class = "accounts.serializers.TokenObtainWithCodeSerializer"

    def map_serializer(self, auto_schema, direction):
        fields = {
            self.target_class.username_field: serializers.CharField(write_only=True),
            "password": serializers.CharField(write_only=True),
            "code": self.target_class._declared_fields["code"],
            "access": serializers.CharField(read_only=True),
            "refresh": serializers.CharField(read_only=True),
        }
        return auto_schema._map_serializer(inline_serializer("Fixed", fields=fields), direction)


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


class JWTAuthenticationScheme(SimpleJWTScheme):
    target_class = "accounts.authentication.JWTAuthentication"


class SessionAuthenticationScheme(SessionScheme):
    target_class = "accounts.authentication.SessionAuthentication"
