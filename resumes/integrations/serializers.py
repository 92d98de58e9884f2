from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resumate.serializers import StrictModelSerializer, StrictSerializer

from .models import Integration, Platform, WebhookLog


def webhook_url(request, integration) -> str:
    path = reverse("integrations-hook", args=[integration.hook_id])
    return request.build_absolute_uri(path) if request is not None else path


class IntegrationSerializer(StrictModelSerializer):
    """An integration as every later response shows it: never with its secret."""

    webhook_url = serializers.SerializerMethodField()

    class Meta:
        model = Integration
        fields = [
            "id",
            "platform",
            "name",
            "hook_id",
            "webhook_url",
            "is_active",
            "created_at",
            "last_event_at",
            "secret_rotated_at",
        ]
        read_only_fields = ["platform", "hook_id", "created_at", "last_event_at", "secret_rotated_at"]

    @extend_schema_field(serializers.URLField())
    def get_webhook_url(self, obj) -> str:
        return webhook_url(self.context.get("request"), obj)


class IntegrationCreateSerializer(StrictSerializer):
    platform = serializers.ChoiceField(choices=Platform.choices)
    name = serializers.CharField(max_length=100)
    is_active = serializers.BooleanField(default=True, required=False)


class IntegrationWithSecretSerializer(IntegrationSerializer):
    """Only in the create and rotate-secret responses: the secret, shown once."""

    secret = serializers.CharField(read_only=True, help_text="Shown once; store it now.")

    class Meta(IntegrationSerializer.Meta):
        fields = [*IntegrationSerializer.Meta.fields, "secret"]


class WebhookLogSerializer(StrictModelSerializer):
    class Meta:
        model = WebhookLog
        fields = [
            "id",
            "platform",
            "event_type",
            "delivery_id",
            "status",
            "error",
            "is_test",
            "achievement",
            "received_at",
            "processed_at",
        ]
        read_only_fields = fields


class HookAnswerSerializer(StrictSerializer):
    status = serializers.ChoiceField(choices=["received", "ignored", "duplicate"])
    delivery_id = serializers.CharField()


class YearCountSerializer(StrictSerializer):
    year = serializers.IntegerField()
    count = serializers.IntegerField()


class AchievementStatsSerializer(StrictSerializer):
    total = serializers.IntegerField()
    verified = serializers.IntegerField()
    from_integrations = serializers.IntegerField()
    by_type = serializers.DictField(child=serializers.IntegerField())
    skills_by_category = serializers.DictField(child=serializers.IntegerField())
    experience_months = serializers.IntegerField()
    per_year = YearCountSerializer(many=True)
