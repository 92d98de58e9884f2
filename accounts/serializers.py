from django.contrib.auth.password_validation import validate_password
from rest_framework import serializers
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer, TokenRefreshSerializer
from rest_framework_simplejwt.settings import api_settings as jwt_settings

from resumate.serializers import RejectUnknownFieldsMixin, StrictModelSerializer, StrictSerializer

from .models import User
from .services import PROFILE_FIELDS
from .staff_mfa import staff_mfa_setup_check


def _unique_ci(field, value, instance=None):
    clash = User.objects.filter(**{f"{field}__iexact": value})
    if instance is not None:
        clash = clash.exclude(pk=instance.pk)
    if clash.exists():
        raise serializers.ValidationError(f"A user with that {field} already exists.")
    return value


class RegisterSerializer(StrictSerializer):
    username = serializers.RegexField(
        r"^[\w.@+-]+\Z",
        max_length=150,
        error_messages={"invalid": "Letters, digits and @/./+/-/_ only."},
    )
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})
    first_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    last_name = serializers.CharField(max_length=150, required=False, allow_blank=True)

    def validate_username(self, value):
        return _unique_ci("username", value)

    def validate_email(self, value):
        return _unique_ci("email", value)

    def validate(self, attrs):
        candidate = User(username=attrs["username"], email=attrs["email"])
        try:
            validate_password(attrs["password"], candidate)
        except Exception as exc:  # django's ValidationError -> field error
            raise serializers.ValidationError({"password": list(exc.messages)}) from exc
        return attrs


class UserSerializer(StrictModelSerializer):
    email_verified = serializers.SerializerMethodField()
    pending_email = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = (*PROFILE_FIELDS, "email_verified", "pending_email")
        read_only_fields = ("id", "username", "date_joined")
        extra_kwargs = {
            "email": {
                # An account always has an address: password resets and reports go there.
                "allow_blank": False,
                "help_text": "Changing it mails a link to the new address, "
                "which replaces the old one once confirmed.",
            }
        }

    def get_email_verified(self, user) -> bool:
        return any(a.verified and a.email.lower() == user.email.lower() for a in user.emailaddress_set.all())

    def get_pending_email(self, user) -> str | None:
        pending = [a.email for a in user.emailaddress_set.all() if not a.verified and not a.primary]
        return pending[0] if pending else None

    def validate_email(self, value):
        return _unique_ci("email", value, self.instance)


class UserDeleteSerializer(StrictSerializer):
    password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})


class PasswordResetSerializer(StrictSerializer):
    email = serializers.EmailField(max_length=254)


class PasswordResetConfirmSerializer(StrictSerializer):
    key = serializers.CharField(
        max_length=200, help_text="The last part of the link in the e-mail: `<uid>-<token>`."
    )
    new_password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})


class PasswordChangeSerializer(StrictSerializer):
    old_password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})
    new_password = serializers.CharField(write_only=True, max_length=128, style={"input_type": "password"})


class EmailVerifySerializer(StrictSerializer):
    key = serializers.CharField(max_length=200, help_text="The last part of the verification link.")


class TokenObtainWithCodeSerializer(RejectUnknownFieldsMixin, TokenObtainPairSerializer):
    """simplejwt's log-in, plus the second factor for accounts that have one (checked by the view)."""

    code = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="A TOTP or recovery code; required when the account has two-factor authentication.",
    )


class TokenPairSerializer(StrictSerializer):
    access = serializers.CharField()
    refresh = serializers.CharField()


class LogoutSerializer(StrictSerializer):
    refresh = serializers.CharField()


class ActiveUserTokenRefreshSerializer(RejectUnknownFieldsMixin, TokenRefreshSerializer):
    """Refresh that answers 401, not 500, when the token's user was deleted, and 403 to staff who
    must set up two-factor (checked before the token is rotated, so it is not spent)."""

    def validate(self, attrs):
        user_id = self.token_class(attrs["refresh"]).payload.get(jwt_settings.USER_ID_CLAIM)
        user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
        if user is not None:
            staff_mfa_setup_check(user=user)
        try:
            return super().validate(attrs)
        except User.DoesNotExist as exc:
            raise AuthenticationFailed(self.error_messages["no_active_account"], "no_active_account") from exc
