from rest_framework import serializers

from resumate.serializers import StrictModelSerializer, StrictSerializer

from .models import ImportDraft


class ImportDraftSerializer(StrictModelSerializer):
    draft = serializers.SerializerMethodField()

    class Meta:
        model = ImportDraft
        fields = [
            "id",
            "kind",
            "status",
            "filename",
            "draft",
            "result",
            "created_at",
            "expires_at",
            "confirmed_at",
        ]
        read_only_fields = fields

    def get_draft(self, obj) -> dict:
        return {**obj.draft, "warnings": obj.warnings}


class ImportUploadSerializer(StrictSerializer):
    file = serializers.FileField(
        help_text="PDF, DOCX, LinkedIn ZIP, JSON Resume / Reactive Resume JSON or CSV."
    )
    kind = serializers.CharField(
        required=False, allow_blank=True, help_text="Skip detection (e.g. tracker_csv)."
    )


class ImportEditSerializer(StrictSerializer):
    draft = serializers.JSONField(help_text="The whole reviewed draft; an entry left out is dropped.")


class ImportConfirmSerializer(StrictSerializer):
    entries = serializers.ListField(
        child=serializers.IntegerField(min_value=0),
        required=False,
        help_text="Indices to write; all when absent.",
    )
