"""Shapes of "Apply via hh.ru" in the API: the caller's hh resumes, and one application's input."""

from rest_framework import serializers

from resumate.serializers import StrictSerializer

from .forms import MAX_LETTER


class HHResumeSerializer(StrictSerializer):
    id = serializers.CharField()
    title = serializers.CharField()
    status = serializers.CharField(help_text="hh's status id, e.g. `published`.")


class HHApplyInput(StrictSerializer):
    """Validated against the caller's hh resumes, passed as ``context["resumes"]``."""

    resume_id = serializers.CharField(
        max_length=100, help_text="One of the caller's hh.ru resumes (`GET jobs/hh/resumes/`)."
    )
    message = serializers.CharField(
        max_length=MAX_LETTER,
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=False,
        help_text="The cover letter, sent exactly as given.",
    )

    def validate_resume_id(self, value):
        if value not in {r["id"] for r in self.context.get("resumes", ())}:
            raise serializers.ValidationError("Not one of your hh.ru resumes.")
        return value
