from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from resumate.serializers import StrictModelSerializer, StrictSerializer
from resumes.models import Resume

from . import tokens
from .models import PublicProfile, ShareLink
from .privacy import SECTION_KEYS


def share_url(request, link: ShareLink, token: str | None = None) -> str | None:
    token = token or tokens.decrypt_token(link.token_encrypted)
    if token is None:
        return None
    path = reverse("resumes:share", args=[token])
    return request.build_absolute_uri(path) if request is not None else path


class ShareLinkCreateSerializer(StrictSerializer):
    expires_at = serializers.DateTimeField(required=False, allow_null=True, help_text="Empty: never expires.")
    password = serializers.CharField(
        required=False,
        allow_blank=True,
        write_only=True,
        min_length=4,
        max_length=128,
        trim_whitespace=False,
        help_text="Visitors must enter it; stored hashed.",
    )
    allow_comments = serializers.BooleanField(default=False)
    show_email = serializers.BooleanField(default=False)
    show_phone = serializers.BooleanField(default=False)
    show_location = serializers.BooleanField(default=False)


class ShareLinkSerializer(StrictModelSerializer):
    url = serializers.SerializerMethodField(help_text="Null only when the server's SECRET_KEY changed.")
    views = serializers.IntegerField(read_only=True, default=0)
    downloads = serializers.IntegerField(read_only=True, default=0)
    last_viewed_on = serializers.DateField(read_only=True, allow_null=True, default=None)
    revoked = serializers.SerializerMethodField()
    has_password = serializers.BooleanField(read_only=True)

    class Meta:
        model = ShareLink
        fields = [
            "id",
            "url",
            "resume",
            "views",
            "downloads",
            "last_viewed_on",
            "expires_at",
            "revoked",
            "revoked_at",
            "has_password",
            "allow_comments",
            "show_email",
            "show_phone",
            "show_location",
            "created_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, obj):
        return share_url(self.context.get("request"), obj, self.context.get("token"))

    @extend_schema_field(serializers.BooleanField())
    def get_revoked(self, obj) -> bool:
        return obj.revoked_at is not None


class DailyCountSerializer(StrictSerializer):
    date = serializers.DateField()
    views = serializers.IntegerField()
    downloads = serializers.IntegerField()


class ShareLinkDetailSerializer(ShareLinkSerializer):
    daily = serializers.SerializerMethodField(help_text="Views and downloads per day, last 90 days.")

    class Meta(ShareLinkSerializer.Meta):
        fields = [*ShareLinkSerializer.Meta.fields, "daily"]
        read_only_fields = fields

    @extend_schema_field(DailyCountSerializer(many=True))
    def get_daily(self, obj):
        return DailyCountSerializer(self.context.get("daily", []), many=True).data


class OwnResumeField(serializers.PrimaryKeyRelatedField):
    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return Resume.objects.none()
        return Resume.objects.filter(user=request.user)


class PublicProfileSerializer(StrictModelSerializer):
    slug = serializers.CharField(max_length=60, allow_blank=True, required=False, help_text="Lower-cased.")
    resume = OwnResumeField(
        allow_null=True, required=False, help_text="Null: your auto resume, always current."
    )
    sections = serializers.ListField(
        child=serializers.ChoiceField(choices=SECTION_KEYS),
        required=False,
        max_length=len(SECTION_KEYS),
        help_text="Sections to show; empty shows all.",
    )
    url = serializers.SerializerMethodField()
    updated_at = serializers.DateTimeField(
        read_only=True, allow_null=True, help_text="Null until first saved."
    )

    class Meta:
        model = PublicProfile
        fields = [
            "slug",
            "published",
            "resume",
            "sections",
            "show_email",
            "show_phone",
            "show_location",
            "url",
            "updated_at",
        ]
        read_only_fields = ["url", "updated_at"]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_url(self, obj):
        if not obj.slug:
            return None
        path = reverse("resumes:public-profile", args=[obj.slug])
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path
