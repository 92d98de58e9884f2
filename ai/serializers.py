from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resumate.serializers import StrictModelSerializer, StrictSerializer

from . import selectors
from .models import AIModel


class AIModelSerializer(StrictModelSerializer):
    is_available = serializers.BooleanField(read_only=True)
    fallback = serializers.SlugRelatedField(slug_field="display_name", read_only=True, allow_null=True)

    class Meta:
        model = AIModel
        fields = [
            "display_name", "model_name", "api_provider", "is_available", "login_required", "daily_limit",
            "response_time_info", "description", "fallback",
        ]  # fmt: skip


class ModelChoiceField(serializers.SlugRelatedField):
    """An active model named by its display name; the default model when omitted."""

    def to_internal_value(self, data):
        if "\x00" in str(data):  # PostgreSQL refuses NUL in a query: it names no model
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data).replace("\x00", ""))
        return super().to_internal_value(data)

    def __init__(self, **kwargs):
        super().__init__(
            slug_field="display_name",
            queryset=AIModel.objects.filter(is_active=True).select_related("fallback__fallback"),
            required=False,
            **kwargs,
        )


@extend_schema_field(OpenApiTypes.INT)
class _OwnedField(serializers.PrimaryKeyRelatedField):
    """One of the requesting user's rows; anything else reads as absent (no leak)."""

    def __init__(self, selector, **kwargs):
        self.selector = selector
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", not kwargs["required"])
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.selector(user=getattr(request, "user", None))


class _FeatureInput(StrictSerializer):
    model = ModelChoiceField()

    def validate(self, attrs):
        if attrs.get("model") is None:
            model = AIModel.objects.filter(display_name=settings.AI_DEFAULT_MODEL, is_active=True).first()
            if model is None:
                raise serializers.ValidationError({"model": ["Choose a model."]})
            attrs["model"] = model
        return attrs


class GenerateInput(_FeatureInput):
    user_input = serializers.CharField(max_length=5000, trim_whitespace=True)
    title = serializers.CharField(max_length=200, required=False, default="AI-written resume")


class _JobInput(_FeatureInput):
    application = _OwnedField(selectors.user_applications)
    job_description = serializers.CharField(max_length=20000, required=False, allow_blank=True, default="")
    job_title = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    company_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs.get("application") is None and not attrs.get("job_description", "").strip():
            raise serializers.ValidationError(
                {"job_description": ["Give an application or paste a job description."]}
            )
        return attrs


class CoverLetterInput(_JobInput):
    resume = _OwnedField(selectors.user_resumes)


class InterviewInput(_JobInput):
    pass


class TailorInput(_FeatureInput):
    resume = _OwnedField(selectors.user_resumes, required=True)
    job_description = serializers.CharField(
        max_length=20000, required=False, allow_blank=True, default="",
        help_text="Required unless an application gives the job.",
    )  # fmt: skip
    application = _OwnedField(
        selectors.user_applications,
        help_text="Tailor for this application: its job, and the variant saved is recorded as its resume.",
    )
    title = serializers.CharField(
        max_length=200,
        required=False,
        allow_blank=True,
        default="",
        help_text="Save the result as a variant of your main resume with this title.",
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs.get("application") is None and not attrs.get("job_description", "").strip():
            raise serializers.ValidationError(
                {"job_description": ["Give an application or paste a job description."]}
            )
        return attrs


class _Usage(StrictSerializer):
    model = serializers.CharField(
        help_text="The model that answered (a fallback when the requested one failed)."
    )
    requested_model = serializers.CharField()
    cached = serializers.BooleanField()
    remaining_today = serializers.IntegerField(allow_null=True, help_text="Null when unlimited.")


class GenerateOutput(_Usage):
    resume_id = serializers.IntegerField(allow_null=True, help_text="Null for anonymous use (nothing saved).")
    content = serializers.DictField()


class CoverLetterOutput(_Usage):
    application_id = serializers.IntegerField(allow_null=True)
    cover_letter = serializers.CharField()


class TailorOutput(_Usage):
    resume_id = serializers.IntegerField(
        allow_null=True, help_text="The variant saved (null when not saved)."
    )
    application_id = serializers.IntegerField(allow_null=True)
    score_before = serializers.IntegerField()
    score_after = serializers.IntegerField()
    missing_keywords = serializers.ListField(child=serializers.CharField())
    job_keywords = serializers.ListField(child=serializers.CharField())
    content = serializers.DictField()


class QuestionSerializer(StrictSerializer):
    question = serializers.CharField()
    hint = serializers.CharField(allow_blank=True)


class InterviewOutput(_Usage):
    application_id = serializers.IntegerField(allow_null=True)
    technical = QuestionSerializer(many=True)
    behavioural = QuestionSerializer(many=True)
    company = QuestionSerializer(many=True)


def usage(result) -> dict:
    return {
        "model": result.model.display_name,
        "requested_model": result.requested.display_name,
        "cached": result.cached,
        "remaining_today": result.remaining,
    }
