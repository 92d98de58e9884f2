from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import AuthenticationFailed, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from resumate.exceptions import ApplicationError

from . import services
from .serializers import (
    ActiveUserTokenRefreshSerializer,
    LogoutSerializer,
    RegisterSerializer,
    UserSerializer,
)

# Per-client cap on every auth attempt, on top of the per-account lockout.
AUTH_THROTTLES = [AnonRateThrottle, UserRateThrottle, ScopedRateThrottle]


class RegisterView(generics.GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = RegisterSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(responses={201: UserSerializer})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LockoutAwareTokenObtainPairView(TokenObtainPairView):
    """simplejwt's token view, answering 429 while django-axes has the login locked."""

    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except AuthenticationFailed:
            if getattr(request, "axes_locked_out", False):
                cooloff = int(settings.AXES_COOLOFF_TIME.total_seconds())
                raise ApplicationError(
                    "Too many failed log-in attempts. Try again later.",
                    "locked_out",
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    headers={"Retry-After": str(cooloff)},
                ) from None
            raise


class RefreshView(TokenRefreshView):
    serializer_class = ActiveUserTokenRefreshSerializer


class LogoutView(generics.GenericAPIView):
    serializer_class = LogoutSerializer

    @extend_schema(responses={205: OpenApiResponse(description="Refresh token blacklisted.")})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            services.user_logout(refresh_token=serializer.validated_data["refresh"])
        except TokenError as exc:
            raise ValidationError({"refresh": [str(exc)]}) from exc
        return Response(status=status.HTTP_205_RESET_CONTENT)


class MeView(generics.RetrieveUpdateDestroyAPIView):
    serializer_class = UserSerializer
    http_method_names = ["get", "patch", "delete", "head", "options"]

    def get_object(self):
        return self.request.user

    def perform_destroy(self, instance):
        services.user_delete(user=instance)


class MeExportView(APIView):
    @extend_schema(
        responses=inline_serializer("UserDataExport", {"profile": serializers.DictField()}),
        description="Every row the user owns across all apps, keyed by model label.",
    )
    def get(self, request):
        document = services.user_data_export(user=request.user)
        response = Response(document)
        response["Content-Disposition"] = f'attachment; filename="resumate-{request.user.username}.json"'
        return response
