from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PARSED = "parsed", _("Parsed, waiting for review")
    CONFIRMED = "confirmed", _("Confirmed")


class ImportDraft(models.Model):
    """A parsed file waiting for review; nothing reaches achievements until it is confirmed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_drafts")
    # A registry key (resumes.importing.registry), not choices: other apps register kinds.
    kind = models.CharField(max_length=30)
    status = models.CharField(max_length=20, choices=ImportStatus.choices, default=ImportStatus.PARSED)
    filename = models.CharField(max_length=255, blank=True, help_text="As uploaded; shown only.")
    draft = models.JSONField(default=dict)
    warnings = models.JSONField(default=list, blank=True)
    # The file's text: what "Improve with AI" may draw on, and nothing else.
    source_text = models.TextField(blank=True)
    result = models.JSONField(default=dict, blank=True, help_text="Ids created and merged by the confirm.")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "resumes"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "-created_at"]), models.Index(fields=["expires_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ImportStatus.values), name="import_draft_status_known"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="import_draft_expires_later"
            ),
            models.CheckConstraint(
                condition=Q(status=ImportStatus.PARSED) | Q(confirmed_at__isnull=False),
                name="import_draft_confirmed_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.kind} import #{self.pk} ({self.status})"
