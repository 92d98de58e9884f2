from rest_framework import serializers

from job_tracker.models import WeeklyReport


class WeeklyReportSerializer(serializers.ModelSerializer):
    recommendations = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = WeeklyReport
        fields = (
            "id",
            "week_start",
            "applications_sent",
            "responses",
            "interviews",
            "offers",
            "rejections",
            "response_rate",
            "interview_rate",
            "postings_matched",
            "achievements_added",
            "recommendations",
            "created_at",
            "updated_at",
            "emailed_at",
        )
        read_only_fields = fields
