from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext
from rest_framework import serializers

from resumate.serializers import StrictModelSerializer, StrictSerializer

from .models import PersonalAccessToken, TokenScope

MAX_DAYS = 366


class TokenInputSerializer(StrictSerializer):
    name = serializers.CharField(max_length=100)
    scope = serializers.ChoiceField(choices=TokenScope.choices, default=TokenScope.READ)
    expires_in_days = serializers.IntegerField(
        min_value=1, max_value=MAX_DAYS, required=False, allow_null=True, help_text="Empty: never expires."
    )

    def validate_name(self, value):
        value = value.strip()
        user = self.context["request"].user
        if PersonalAccessToken.objects.filter(user=user, name=value, revoked_at__isnull=True).exists():
            raise serializers.ValidationError(gettext("You already have a token with this name."))
        return value

    def to_service_kwargs(self) -> dict:
        data = self.validated_data
        days = data.get("expires_in_days")
        return {
            "name": data["name"],
            "scope": data["scope"],
            "expires_at": timezone.now() + timedelta(days=days) if days else None,
        }


class TokenSerializer(StrictModelSerializer):
    prefix = serializers.CharField(source="display_prefix", read_only=True)
    is_active = serializers.BooleanField(source="is_live", read_only=True)

    class Meta:
        model = PersonalAccessToken
        fields = [
            "id",
            "name",
            "scope",
            "prefix",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
            "is_active",
        ]
        read_only_fields = fields


class CreatedTokenSerializer(TokenSerializer):
    token = serializers.CharField(read_only=True, help_text="The key itself, shown this once only.")

    class Meta(TokenSerializer.Meta):
        fields = [*TokenSerializer.Meta.fields, "token"]
        read_only_fields = fields
