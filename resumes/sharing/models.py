"""Share links (secret, revocable links to one resume), their daily counts and comments; public profiles."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower


class ShareLink(models.Model):
    """A secret link to one resume (or variant).

    Only a SHA-256 of the token is looked up; the token itself is kept Fernet-encrypted
    so the owner can copy the link again later. A database dump alone opens no link.
    """

    resume = models.ForeignKey("resumes.Resume", on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    token_encrypted = models.TextField(editable=False)
    expires_at = models.DateTimeField(null=True, blank=True)
    # Django's password hasher format; empty means no password.
    password_hash = models.CharField(max_length=256, blank=True, editable=False)
    allow_comments = models.BooleanField(default=False)
    show_email = models.BooleanField(default=False)
    show_phone = models.BooleanField(default=False)
    show_location = models.BooleanField(default=False)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True) | Q(expires_at__gt=F("created_at")),
                name="sharelink_expires_after_creation",
            ),
        ]

    def __str__(self):
        return f"Share link {self.pk} to {self.resume}"

    @property
    def has_password(self) -> bool:
        return bool(self.password_hash)


class ShareLinkDailyCount(models.Model):
    """Views and downloads of a link per day; no visitor data is stored."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="daily_counts")
    date = models.DateField()
    views = models.PositiveIntegerField(default=0)
    downloads = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-date"]
        constraints = [models.UniqueConstraint(fields=["link", "date"], name="sharelink_one_count_per_day")]

    def __str__(self):
        return f"{self.link_id} {self.date}: {self.views} views, {self.downloads} downloads"


class ShareComment(models.Model):
    """A link holder's comment on one section of the shared resume."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(max_length=30)
    author_name = models.CharField(max_length=80)
    body = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["link", "-created_at"])]

    def __str__(self):
        return f"{self.author_name} on {self.section}"


class PublicProfile(models.Model):
    """The user's page at /p/<slug>/: off until published."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="public_profile"
    )
    # Stored lower-case; empty until the user picks one.
    slug = models.CharField(max_length=40, blank=True)
    published = models.BooleanField(default=False)
    # Empty means the user's auto resume, so the page stays current by itself.
    resume = models.ForeignKey(
        "resumes.Resume", on_delete=models.SET_NULL, null=True, blank=True, related_name="public_profiles"
    )
    # Section keys to show, in the document's order; empty means every section.
    sections = models.JSONField(default=list, blank=True)
    show_email = models.BooleanField(default=False)
    show_phone = models.BooleanField(default=False)
    show_location = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                Lower("slug"), condition=~Q(slug=""), name="publicprofile_slug_unique_ci"
            ),
            models.CheckConstraint(
                condition=Q(published=False) | ~Q(slug=""), name="publicprofile_published_has_slug"
            ),
        ]
        # /p/<slug>/ reads published profiles only.
        indexes = [
            models.Index(fields=["slug"], condition=Q(published=True), name="publicprofile_published_slug"),
        ]

    def __str__(self):
        return f"/p/{self.slug or '?'}/ ({'published' if self.published else 'off'})"
