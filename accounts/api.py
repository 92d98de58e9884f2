from allauth.account.models import EmailAddress
from django.conf import settings
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import generics, serializers, status
from rest_framework.exceptions import AuthenticationFailed, ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

from resumate.exceptions import ApplicationError

from . import restore, services
from .serializers import (
    ActiveUserTokenRefreshSerializer,
    EmailVerifySerializer,
    LogoutSerializer,
    PasswordChangeSerializer,
    PasswordResetConfirmSerializer,
    PasswordResetSerializer,
    RegisterSerializer,
    TokenObtainWithCodeSerializer,
    TokenPairSerializer,
    UserDeleteSerializer,
    UserSerializer,
)
from .staff_mfa import staff_mfa_setup_check
from .tokens.authentication import NotWithPersonalToken

# Per-client cap on every auth attempt, on top of the per-account lockout.
AUTH_THROTTLES = [AnonRateThrottle, UserRateThrottle, ScopedRateThrottle]

DETAIL = inline_serializer("Detail", {"detail": serializers.CharField()})
ERROR = OpenApiResponse(description="Error: `{detail, code, errors?}`.")


class RegisterView(generics.GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = RegisterSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(responses={201: UserSerializer, 400: ERROR, 429: ERROR})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_register(**serializer.validated_data, request=request._request)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LockoutAwareTokenObtainPairView(TokenObtainPairView):
    """simplejwt's token view, answering 429 while django-axes has the login locked.

    With ``ACCOUNT_EMAIL_VERIFICATION=mandatory`` an unverified address gets 403 ``email_unverified``;
    an account with two-factor also sends ``code``, as the log-in page asks for it; with
    ``STAFF_REQUIRE_MFA`` staff without two-factor get 403 ``mfa_setup_required``; the right password
    for a deleted account gets 403 ``account_deleted`` with ``erase_after``.
    """

    serializer_class = TokenObtainWithCodeSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        try:
            serializer.is_valid(raise_exception=True)
        except TokenError as exc:
            raise InvalidToken(exc.args[0]) from exc
        except AuthenticationFailed:
            if getattr(request, "axes_locked_out", False):
                cooloff = int(settings.AXES_COOLOFF_TIME.total_seconds())
                raise ApplicationError(
                    "Too many failed log-in attempts. Try again later.",
                    "locked_out",
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    headers={"Retry-After": str(cooloff)},
                ) from None
            _refuse_deleted_account(request.data)
            raise
        services.second_factor_check(user=serializer.user, code=request.data.get("code"))
        staff_mfa_setup_check(user=serializer.user)
        if settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory" and not _verified(serializer.user):
            raise ApplicationError(
                "Confirm your e-mail address first: follow the link we sent.",
                "email_unverified",
                status.HTTP_403_FORBIDDEN,
            )
        return Response(serializer.validated_data, status=status.HTTP_200_OK)


def _refuse_deleted_account(data) -> None:
    """The right password for an account awaiting erasure says how to restore it, not just 401."""
    deleted = services.deleted_account_for_credentials(
        username=str(data.get("username", "")), password=str(data.get("password", ""))
    )
    if deleted is not None:
        raise ApplicationError(
            "This account is deleted. Log in on the site with your password before it is erased "
            "to restore it.",
            "account_deleted",
            status.HTTP_403_FORBIDDEN,
            extra={"erase_after": restore.erasure_date(deleted).isoformat()},
        )


def _verified(user) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


class RefreshView(TokenRefreshView):
    serializer_class = ActiveUserTokenRefreshSerializer


class LogoutView(generics.GenericAPIView):
    serializer_class = LogoutSerializer

    @extend_schema(responses={205: OpenApiResponse(description="Refresh token blacklisted."), 400: ERROR})
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

    def get_permissions(self):
        if self.request.method == "DELETE":
            return [IsAuthenticated(), NotWithPersonalToken()]
        return super().get_permissions()

    def get_object(self):
        return self.request.user

    def perform_update(self, serializer):
        user = self.request.user
        email = serializer.validated_data.pop("email", None)
        serializer.save()
        if email is not None and email.lower() != user.email.lower():
            services.email_change_request(request=self.request._request, user=user, email=email)

    @extend_schema(
        request=UserDeleteSerializer,
        responses={
            202: inline_serializer(
                "AccountDeletion",
                {"detail": serializers.CharField(), "erase_after": serializers.DateTimeField()},
            ),
            400: ERROR,
            403: ERROR,
        },
        description="Deactivates the account at once (every token stops working) and erases it for good "
        "after ACCOUNT_DELETION_GRACE_DAYS; logging in on the site with the password meanwhile offers to "
        "restore it. Needs the password.",
    )
    def delete(self, request, *args, **kwargs):
        serializer = UserDeleteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        if not request.user.check_password(serializer.validated_data["password"]):
            raise ValidationError({"password": ["That is not your password."]})
        user = services.user_deactivate(user=request.user)
        return Response(
            {"detail": "Account deleted.", "erase_after": restore.erasure_date(user)},
            status=status.HTTP_202_ACCEPTED,
        )


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


class PasswordResetView(generics.GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = PasswordResetSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(
        responses={202: DETAIL, 400: ERROR, 429: ERROR},
        description="Mails a time-limited reset link to the account with this address. Always 202: the "
        "answer never says whether the address has an account.",
    )
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.password_reset_request(request=request._request, email=serializer.validated_data["email"])
        return Response(
            {"detail": "If an account has this address, a reset link is on its way."},
            status=status.HTTP_202_ACCEPTED,
        )


class PasswordResetConfirmView(generics.GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = PasswordResetConfirmSerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(
        responses={200: DETAIL, 400: ERROR, 429: ERROR},
        description="Sets the new password; every refresh token and personal access token is revoked.",
    )
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.password_reset_confirm(**serializer.validated_data)
        return Response({"detail": "Password changed. Log in with the new one."})


class PasswordChangeView(generics.GenericAPIView):
    serializer_class = PasswordChangeSerializer
    permission_classes = [IsAuthenticated, NotWithPersonalToken]
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(
        responses={200: TokenPairSerializer, 400: ERROR, 401: ERROR, 403: ERROR},
        description="Every refresh token and personal access token is revoked; a fresh pair is returned.",
    )
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = services.user_password_change(user=request.user, **serializer.validated_data)
        refresh = RefreshToken.for_user(user)
        return Response({"access": str(refresh.access_token), "refresh": str(refresh)})


class EmailVerifyView(generics.GenericAPIView):
    permission_classes = [AllowAny]
    serializer_class = EmailVerifySerializer
    throttle_classes = AUTH_THROTTLES
    throttle_scope = "auth"

    @extend_schema(responses={200: DETAIL, 400: ERROR, 429: ERROR})
    def post(self, request):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        address = services.email_verify(request=request._request, key=serializer.validated_data["key"])
        return Response({"detail": f"{address.email} is confirmed."})
