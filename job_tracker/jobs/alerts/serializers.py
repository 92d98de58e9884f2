"""Saved searches in the API."""

from rest_framework import serializers

from job_tracker.models import JobSource, SavedSearch
from resumate.serializers import StrictModelSerializer


class SavedSearchSerializer(StrictModelSerializer):
    source = serializers.PrimaryKeyRelatedField(
        queryset=JobSource.objects.all(),
        allow_null=True,
        required=False,
        help_text="Only postings from this source.",
    )
    source_name = serializers.SerializerMethodField()
    min_score = serializers.IntegerField(min_value=0, max_value=100, default=50)
    announced_count = serializers.IntegerField(read_only=True, help_text="Postings e-mailed so far.")
    pending_count = serializers.IntegerField(
        read_only=True, help_text="Postings waiting for the next digest."
    )

    class Meta:
        model = SavedSearch
        fields = [
            "id",
            "name",
            "q",
            "location",
            "remote",
            "source",
            "source_name",
            "min_score",
            "frequency",
            "alerts_enabled",
            "announced_count",
            "pending_count",
            "last_sent_at",
            "created_at",
        ]
        read_only_fields = ["id", "last_sent_at", "created_at"]
        extra_kwargs = {"name": {"required": False, "allow_blank": True}}

    def get_source_name(self, search) -> str:
        return str(search.source) if search.source_id else ""
