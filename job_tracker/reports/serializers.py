from rest_framework import serializers

from job_tracker.models import WeeklyReport
from resumate.serializers import StrictModelSerializer, StrictSerializer


class WeeklyReportSerializer(StrictModelSerializer):
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


class OutcomesQuerySerializer(serializers.Serializer):
    # "from" is a Python keyword: declared through the fields mapping below.
    def get_fields(self):
        return {
            "from": serializers.DateField(
                required=False, help_text="Applications sent on or after (YYYY-MM-DD)."
            ),
            "to": serializers.DateField(
                required=False, help_text="Applications sent on or before (YYYY-MM-DD)."
            ),
        }

    def validate(self, attrs):
        if attrs.get("from") and attrs.get("to") and attrs["from"] > attrs["to"]:
            raise serializers.ValidationError({"to": ["Must not be before from."]})
        return attrs


class RateSerializer(StrictSerializer):
    successes = serializers.IntegerField()
    trials = serializers.IntegerField()
    rate = serializers.FloatField(allow_null=True)
    low = serializers.FloatField(allow_null=True, help_text="Wilson 95% interval, lower bound.")
    high = serializers.FloatField(allow_null=True, help_text="Wilson 95% interval, upper bound.")


class OutcomeGroupSerializer(StrictSerializer):
    key = serializers.CharField(help_text="Resume id, source, band or weekday number (0 = Monday).")
    label = serializers.CharField()
    sent = serializers.IntegerField()
    responses = serializers.IntegerField()
    interviews = serializers.IntegerField()
    offers = serializers.IntegerField()
    response_rate = RateSerializer()
    interview_rate = RateSerializer()
    median_days_to_response = serializers.FloatField(allow_null=True)


class VerdictSerializer(StrictSerializer):
    sentence = serializers.CharField()
    significant = serializers.BooleanField(help_text="True only when Fisher's exact test gives p < 0.05.")
    better = serializers.CharField(allow_null=True)
    worse = serializers.CharField(allow_null=True)
    p_value = serializers.FloatField(allow_null=True)
    ratio = serializers.FloatField(allow_null=True)
    more_needed = serializers.IntegerField(allow_null=True, help_text="About how many more applications.")


class BreakdownSerializer(StrictSerializer):
    groups = OutcomeGroupSerializer(many=True)
    verdict = VerdictSerializer(allow_null=True)


class OutcomesSerializer(StrictSerializer):
    date_from = serializers.DateField(allow_null=True)
    date_to = serializers.DateField(allow_null=True)
    headline = serializers.CharField()
    total = OutcomeGroupSerializer()
    resumes = BreakdownSerializer()
    sources = BreakdownSerializer()
    match_bands = BreakdownSerializer()
    weekdays = BreakdownSerializer()
