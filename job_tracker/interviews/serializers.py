"""Interviews in the API; times without an offset are read in the interview's time zone."""

from django.utils import timezone
from rest_framework import serializers

from job_tracker.models import Contact, Interview
from resumate.serializers import StrictModelSerializer


class OwnContactField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return Contact.objects.none()
        return Contact.objects.filter(user=request.user)


class WallClockDateTimeField(serializers.DateTimeField):
    """Keeps a naive input naive, so the service can place it in the interview's own zone."""

    def enforce_timezone(self, value):
        return value if timezone.is_naive(value) else super().enforce_timezone(value)


class InterviewSerializer(StrictModelSerializer):
    starts_at = WallClockDateTimeField(
        help_text="ISO 8601; without an offset it is wall-clock time in time_zone. A take-home's deadline."
    )
    ends_at = WallClockDateTimeField(required=False, allow_null=True, help_text="Required unless take_home.")
    time_zone = serializers.CharField(max_length=64, help_text='IANA name, e.g. "Europe/Berlin".')
    contacts = OwnContactField(many=True, required=False)

    class Meta:
        model = Interview
        fields = [
            "id",
            "application",
            "kind",
            "starts_at",
            "ends_at",
            "time_zone",
            "location",
            "link",
            "notes",
            "status",
            "contacts",
            "sequence",
            "reminder_sent_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "application", "sequence", "reminder_sent_at", "created_at", "updated_at"]
