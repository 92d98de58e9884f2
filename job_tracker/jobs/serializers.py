"""Shapes of job postings and match scores in the API (read-only: postings come from boards)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from job_tracker.models import JobPosting

from .matching import Match, score_posting
from .selectors import posting_credit


class CreditSerializer(serializers.Serializer):
    name = serializers.CharField()
    url = serializers.URLField()


class JobPostingSerializer(serializers.ModelSerializer):
    source_name = serializers.CharField(source="source.__str__", read_only=True)
    source_kind = serializers.CharField(source="source.kind", read_only=True)
    credit = serializers.SerializerMethodField(help_text="Shown with the posting when its board asks for it.")
    match_score = serializers.SerializerMethodField()
    matched_skills = serializers.SerializerMethodField()
    missing_skills = serializers.SerializerMethodField()

    class Meta:
        model = JobPosting
        fields = [
            "id",
            "source",
            "source_name",
            "source_kind",
            "url",
            "title",
            "company_name",
            "location",
            "remote",
            "employment_type",
            "salary_min",
            "salary_max",
            "currency",
            "description",
            "skills_required",
            "published_at",
            "first_seen_at",
            "last_seen_at",
            "is_active",
            "credit",
            "match_score",
            "matched_skills",
            "missing_skills",
        ]
        read_only_fields = fields

    def _match(self, posting) -> Match | None:
        matches = self.context.setdefault("matches", {})
        if posting.pk not in matches:
            profile = self.context.get("profile")
            matches[posting.pk] = score_posting(profile, posting) if profile is not None else None
        return matches[posting.pk]

    @extend_schema_field(CreditSerializer(allow_null=True))
    def get_credit(self, posting):
        return posting_credit(posting)

    def get_match_score(self, posting) -> int | None:
        match = self._match(posting)
        return match.score if match else None

    def get_matched_skills(self, posting) -> list[str]:
        match = self._match(posting)
        return match.matched if match else []

    def get_missing_skills(self, posting) -> list[str]:
        match = self._match(posting)
        return match.missing if match else []
