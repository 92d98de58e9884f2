"""Contacts and companies in the API; links accept only the requesting user's rows."""

from rest_framework import serializers

from job_tracker.models import Company, Contact, JobApplication
from resumate.serializers import StrictModelSerializer


class OwnApplicationField(serializers.PrimaryKeyRelatedField):
    """An application id of the requesting user (anyone else's reads as absent)."""

    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return JobApplication.objects.none()
        return JobApplication.objects.filter(user=request.user)


class ContactSerializer(StrictModelSerializer):
    applications = OwnApplicationField(many=True, required=False, help_text="Linked application ids.")
    interviews = serializers.PrimaryKeyRelatedField(
        many=True, read_only=True, help_text="Interviews this contact takes part in (set on the interview)."
    )

    class Meta:
        model = Contact
        fields = [
            "id",
            "name",
            "role",
            "company",
            "email",
            "phone",
            "linkedin_url",
            "notes",
            "applications",
            "interviews",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "interviews", "created_at", "updated_at"]


class CompanySerializer(StrictModelSerializer):
    class Meta:
        model = Company
        fields = ["id", "name", "website", "size", "notes", "created_at", "updated_at"]
        read_only_fields = ["id", "name", "created_at", "updated_at"]
