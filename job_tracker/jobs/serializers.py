"""Shapes of job postings and match scores in the API (read-only: postings come from boards)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from job_tracker.models import JobPosting
from resumate.serializers import StrictModelSerializer, StrictSerializer

from .matching import Match, score_posting
from .selectors import posting_credit


class CreditSerializer(StrictSerializer):
    name = serializers.CharField()
    url = serializers.URLField()


class JobPostingSerializer(StrictModelSerializer):
    source_name = serializers.CharField(source="source.__str__", read_only=True)
    source_kind = serializers.CharField(source="source.kind", read_only=True)
    credit = serializers.SerializerMethodField(help_text="Shown with the posting when its board asks for it.")
    match_score = serializers.SerializerMethodField()
    matched_skills = serializers.SerializerMethodField()
    missing_skills = serializers.SerializerMethodField()
    semantic_similarity = serializers.SerializerMethodField(
        help_text="Cosine similarity of meaning with the resume (recommendations only)."
    )
    match_reason = serializers.SerializerMethodField(
        help_text='Why it ranks here: "skills 7/9 · similar wording 0.71".'
    )

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
            "semantic_similarity",
            "match_reason",
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

    def get_semantic_similarity(self, posting) -> float | None:
        return getattr(self._match(posting), "similarity", None)

    def get_match_reason(self, posting) -> str:
        match = self._match(posting)
        if match is None:
            return ""
        reason = getattr(match, "reason", None)
        return (
            reason
            if reason is not None
            else f"skills {len(match.matched)}/{len(match.matched) + len(match.missing)}"
        )


class SkillGapsQuery(StrictSerializer):
    search = serializers.IntegerField(required=False, min_value=1, help_text="A saved search id.")
    title = serializers.CharField(
        required=False, max_length=200, help_text="A job title, e.g. 'DevOps engineer'."
    )

    def validate(self, attrs):
        title = attrs.get("title", "").strip()
        if bool(attrs.get("search")) == bool(title):
            raise serializers.ValidationError({"search": ["Give either a saved search or a job title."]})
        return {**attrs, "title": title}


class SkillGapSerializer(StrictSerializer):
    skill = serializers.CharField()
    postings = serializers.IntegerField(help_text="Target postings that ask for it.")
    unlocks = serializers.IntegerField(help_text="Target postings it would lift to 70% or more.")
    points = serializers.FloatField(help_text="Match points it adds, on average, where asked for.")
    label = serializers.CharField()


class CareerPathSerializer(StrictSerializer):
    title = serializers.CharField()
    postings = serializers.IntegerField()
    median_match = serializers.FloatField()


class GapReportSerializer(StrictSerializer):
    target = serializers.CharField()
    postings = serializers.IntegerField()
    above = serializers.IntegerField(help_text="Target postings already at 70% or more.")
    median_match = serializers.FloatField(allow_null=True)
    gaps = SkillGapSerializer(many=True)
    paths = CareerPathSerializer(many=True)
