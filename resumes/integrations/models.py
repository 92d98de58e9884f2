import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Platform(models.TextChoices):
    GENERIC = "generic", _("Generic (ResuMate format)")
    GITHUB = "github", "GitHub"
    OPENBADGES = "openbadges", "Open Badges 2.0"


class Integration(models.Model):
    """A connected platform: its webhook URL (``hook_id``) and the shared signing secret."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="integrations")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    name = models.CharField(max_length=100)
    # Random, so webhook URLs cannot be guessed from ids.
    hook_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Fernet token of the secret: HMAC verification needs the secret itself, so it cannot be hashed.
    secret_encrypted = models.TextField(editable=False)
    secret_rotated_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_event_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "platform"])]

    def __str__(self):
        return f"{self.name} ({self.get_platform_display()})"


class DeliveryStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    PROCESSED = "processed", _("Processed")
    IGNORED = "ignored", _("Ignored")
    FAILED = "failed", _("Failed")


class WebhookLog(models.Model):
    """One accepted delivery. Unique per (integration, delivery_id): a redelivery is processed once."""

    integration = models.ForeignKey(Integration, on_delete=models.CASCADE, related_name="logs")
    platform = models.CharField(max_length=20, choices=Platform.choices)
    event_type = models.CharField(max_length=100, blank=True)
    delivery_id = models.CharField(max_length=200)
    payload = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.RECEIVED)
    error = models.TextField(blank=True)
    is_test = models.BooleanField(
        default=False, help_text="Sent by the 'send test event' button; writes nothing."
    )
    achievement = models.ForeignKey(
        "resumes.Achievement", on_delete=models.SET_NULL, null=True, blank=True, related_name="webhook_logs"
    )
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["integration", "-received_at"]), models.Index(fields=["status"])]
        constraints = [
            models.UniqueConstraint(fields=["integration", "delivery_id"], name="webhooklog_delivery_unique"),
        ]

    def __str__(self):
        return f"{self.platform} {self.event_type or '?'} {self.delivery_id} ({self.status})"
