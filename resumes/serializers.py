"""Shapes and types for the API; the rules (limits, dates, canonical skills) are in services."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resumate.serializers import StrictModelSerializer, StrictSerializer

from . import validation as limits
from .locales import LANGUAGE_CHOICES
from .models import Achievement, AchievementType, Resume, ResumePaper, ResumeTemplate, Skill
from .variants import definition as variant_rules


class StrictCharField(serializers.CharField):
    """Text only: DRF's CharField would quietly turn 42 into "42"."""

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class _Serializer(StrictModelSerializer):
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

    tags = serializers.ListField(
        child=StrictCharField(allow_blank=True, trim_whitespace=True),
        required=False,
        help_text=f"Free labels variants select by (backend, teaching): at most {limits.MAX_TAGS} of "
        f"at most {limits.MAX_TAG_LENGTH} characters (letters, digits, spaces, - _ + # .); "
        "lower-cased, de-duplicated.",
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


class DefinitionSerializer(StrictSerializer):
    """A variant's definition (documentation of the shape; the rules are in ``resumes.variants``)."""

    types = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text=f"Achievement types to show: {', '.join(AchievementType.values)}.",
    )
    include_tags = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Any of these."
    )
    exclude_tags = serializers.ListField(child=serializers.CharField(), required=False)
    include_ids = serializers.ListField(
        child=serializers.IntegerField(), required=False,
        help_text="Always shown, leading their sections in this order.",
    )  # fmt: skip
    exclude_ids = serializers.ListField(child=serializers.IntegerField(), required=False)
    date_from = serializers.DateField(
        required=False, help_text="Achievements running on or after; undated pass."
    )
    date_to = serializers.DateField(required=False, help_text="Achievements starting on or before.")
    skills_first = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="Skill names or categories, first."
    )
    skills_exclude = serializers.ListField(child=serializers.CharField(), required=False)
    max_skills = serializers.IntegerField(min_value=1, max_value=200, required=False)
    sections = serializers.ListField(
        child=serializers.ChoiceField(choices=variant_rules.SECTIONS), required=False,
        help_text="Visible sections in order.",
    )  # fmt: skip
    anonymize = serializers.BooleanField(required=False, help_text="Generic employer names (NDA work).")
    language = serializers.ChoiceField(choices=variant_rules.LANGUAGES, required=False)
    label = serializers.CharField(required=False, help_text="Headline instead of yours.")
    summary = serializers.CharField(required=False, help_text="Summary instead of the generated one.")


class OverrideSerializer(StrictSerializer):
    achievement = serializers.IntegerField()
    field = serializers.ChoiceField(choices=variant_rules.OVERRIDE_FIELDS)
    index = serializers.IntegerField(min_value=0, required=False, help_text="Which highlight (from 0).")
    text = serializers.CharField()
    source_changed = serializers.BooleanField(
        read_only=True, help_text="The achievement's text this rewords has changed since."
    )


@extend_schema_field(DefinitionSerializer)
class DefinitionField(serializers.JSONField):
    pass


@extend_schema_field(OverrideSerializer(many=True))
class OverridesField(serializers.JSONField):
    default_error_messages = {"not_a_list": _("Expected a list of overrides.")}

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not isinstance(value, list):
            self.fail("not_a_list")
        return value

    def to_representation(self, value):
        return [{k: v for k, v in o.items() if k != "source_hash"} for o in value or []]


class ResumeSerializer(_Serializer):
    content = serializers.JSONField(
        required=False,
        help_text="JSON Resume 1.0.0 sections (basics, work, education, ...); ResuMate extras under meta.",
    )
    language = serializers.ChoiceField(
        choices=list(LANGUAGE_CHOICES),
        required=False,
        help_text="The resume's language, stored as content.meta.language: section headings, dates and "
        "(for the auto resume) the generated summary are written in it. Default en. "
        "On a variant it is its definition's language.",
    )
    kind = serializers.ChoiceField(
        choices=["main", "variant", "manual"], read_only=True,
        help_text="main: rebuilt from achievements; variant: rebuilt with it by its definition; "
        "manual: as written.",
    )  # fmt: skip
    definition = DefinitionField(required=False, help_text="Variants only.")
    overrides = OverridesField(
        required=False, help_text="Variants only: reworded texts kept across rebuilds."
    )

    class Meta:
        model = Resume
        fields = [
            "id",
            "title",
            "kind",
            "content",
            "template",
            "language",
            "paper",
            "is_auto",
            "variant_of",
            "definition",
            "overrides",
            "last_generated_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["is_auto", "variant_of", "last_generated_at", "created_at", "updated_at"]


class VariantCreateSerializer(StrictSerializer):
    title = StrictCharField(max_length=200, required=False, allow_blank=True, default="")
    definition = DefinitionField(required=False, default=dict)
    overrides = OverridesField(required=False, default=list)
    template = serializers.ChoiceField(choices=ResumeTemplate.choices, required=False)
    paper = serializers.ChoiceField(choices=ResumePaper.choices, required=False)


class ResumeDuplicateSerializer(StrictSerializer):
    title = StrictCharField(max_length=200, required=False, allow_blank=True)
