"""drf-spectacular extension: our refresh serializer keeps simplejwt's schema."""

from drf_spectacular.contrib.rest_framework_simplejwt import TokenRefreshSerializerExtension


class ActiveUserTokenRefreshSerializerExtension(TokenRefreshSerializerExtension):
    target_class = "accounts.serializers.ActiveUserTokenRefreshSerializer"
