"""Shapes and types for the API; the rules (limits, dates, canonical skills) are in services."""

from django.db import models
from rest_framework import serializers

from . import validation as limits
from .models import Achievement, Resume, Skill


class StrictCharField(serializers.CharField):
    """Text only: DRF's CharField would quietly turn 42 into "42"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class _Serializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.CharField: StrictCharField,
        models.TextField: StrictCharField,
    }


class AchievementSerializer(_Serializer):
    skills = serializers.ListField(
        child=StrictCharField(allow_blank=True, trim_whitespace=True),
        required=False,
        help_text=f"At most {limits.MAX_SKILLS} names of at most {limits.MAX_SKILL_LENGTH} characters; "
        "trimmed, canonicalised (js -> JavaScript) and de-duplicated.",
    )
    highlights = serializers.ListField(
        child=StrictCharField(allow_blank=True, trim_whitespace=True),
        required=False,
        help_text=f"At most {limits.MAX_HIGHLIGHTS} of at most {limits.MAX_HIGHLIGHT_LENGTH} characters.",
    )

    class Meta:
        model = Achievement
        fields = [
            "id",
            *limits.ACHIEVEMENT_FIELDS,
            "source_name",
            "created_at",
            "updated_at",
        ]
        # Verification is a staff decision, made in the admin; the source is the webhook sender's.
        read_only_fields = ["is_verified", "source_name", "created_at", "updated_at"]
        extra_kwargs = {"url": {"max_length": 500}}


class SkillSerializer(_Serializer):
    name = StrictCharField(max_length=limits.MAX_SKILL_LENGTH)

    class Meta:
        model = Skill
        fields = [
            "id",
            "name",
            "category",
            "proficiency",
            "proficiency_is_manual",
            "source",
            "last_used",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["source", "last_used", "created_at", "updated_at"]


class ResumeSerializer(_Serializer):
    content = serializers.JSONField(
        required=False,
        help_text="JSON Resume 1.0.0 sections (basics, work, education, ...); ResuMate extras under meta.",
    )

    class Meta:
        model = Resume
        fields = [
            "id",
            "title",
            "content",
            "template",
            "is_auto",
            "last_generated_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_auto", "last_generated_at", "created_at", "updated_at"]


class ResumeDuplicateSerializer(serializers.Serializer):
    title = StrictCharField(max_length=200, required=False, allow_blank=True)
