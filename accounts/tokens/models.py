import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "rmt_"  # noqa: S105  (a marker, not a secret)


class TokenScope(models.TextChoices):
    READ = "read", _("Read only")
    WRITE = "write", _("Read and write")


class PersonalAccessToken(models.Model):
    """An API key: ``rmt_<lookup id>_<secret>``; only the SHA-256 of the whole key is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="personal_access_tokens"
    )
    name = models.CharField(max_length=100)
    scope = models.CharField(max_length=10, choices=TokenScope.choices, default=TokenScope.READ)
    # Public part of the key, to find the row without scanning every hash.
    lookup_id = models.CharField(max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "accounts"
        ordering = ["-created_at", "-id"]
        verbose_name = "personal access token"
        constraints = [
            models.UniqueConstraint(
                "user", "name", condition=Q(revoked_at__isnull=True), name="pat_live_name_unique_per_user"
            ),
            models.CheckConstraint(condition=Q(scope__in=TokenScope.values), name="pat_scope_valid"),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=models.F("created_at")),
                name="pat_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.display_prefix}…)"

    @property
    def display_prefix(self) -> str:
        return f"{TOKEN_PREFIX}{self.lookup_id}"

    @property
    def allows_write(self) -> bool:
        """True for ``write`` tokens: they may use unsafe methods (POST, PUT, PATCH, DELETE)."""
        return self.scope == TokenScope.WRITE

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    @staticmethod
    def hash_secret(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()
