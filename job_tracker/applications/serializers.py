"""Shapes of job applications and their history in the API; writes go through services."""

from rest_framework import serializers

from job_tracker.models import ApplicationEvent, ApplicationStatus, JobApplication, JobPosting
from resumate.serializers import StrictModelSerializer
from resumes.models import Resume


class OwnResumeField(serializers.PrimaryKeyRelatedField):
    """A resume id that must belong to the requesting user (anyone else's reads as absent)."""

    def get_queryset(self):
        request = self.context.get("request")
        if request is None or not request.user.is_authenticated:
            return Resume.objects.none()
        return Resume.objects.filter(user=request.user)


class ApplicationSerializer(StrictModelSerializer):
    resume_used = OwnResumeField(required=False, allow_null=True)
    job_posting = serializers.PrimaryKeyRelatedField(
        queryset=JobPosting.objects.all(), required=False, allow_null=True
    )
    status_note = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=500,
        help_text="Kept on the status event.",
    )

    class Meta:
        model = JobApplication
        fields = [
            "id",
            "job_title",
            "company_name",
            "location",
            "url",
            "original_job_description",
            "salary",
            "date_applied",
            "status",
            "status_note",
            "notes",
            "cover_letter",
            "resume_used",
            "resume_score_sent",
            "resume_score",
            "resume_scored_at",
            "job_posting",
            "source",
            "match_score",
            "is_example",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "match_score",
            "resume_score_sent",
            "resume_score",
            "resume_scored_at",
            "is_example",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "resume_score_sent": {"help_text": "Fit (0-100) of resume_used for this job when it was sent."},
            "resume_score": {"help_text": "Fit of resume_used now: recomputed as that resume rebuilds."},
        }


class ApplicationEventSerializer(StrictModelSerializer):
    # The creation event comes from no status at all: "".
    from_status = serializers.ChoiceField(choices=ApplicationStatus.choices, allow_blank=True, read_only=True)

    class Meta:
        model = ApplicationEvent
        fields = ["id", "from_status", "to_status", "note", "created_at"]
        read_only_fields = fields


class ExampleApplicationSerializer(StrictModelSerializer):
    """Public view of an example: no owner, resume or posting links, and never its private notes."""

    class Meta:
        model = JobApplication
        fields = [
            "id",
            "job_title",
            "company_name",
            "location",
            "url",
            "original_job_description",
            "salary",
            "date_applied",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
