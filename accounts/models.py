import zoneinfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower

# The tokens sub-package's model belongs to this app; importing it here registers it.
from .tokens.models import PersonalAccessToken, TokenScope

__all__ = ["PersonalAccessToken", "TokenScope", "User"]

TIME_ZONE_CHOICES = sorted((tz, tz) for tz in zoneinfo.available_timezones())


class ResuMateUserManager(UserManager):
    def get_by_natural_key(self, username):
        return self.get(username__iexact=username)


class User(AbstractUser):
    email = models.EmailField("email address")
    time_zone = models.CharField(max_length=64, choices=TIME_ZONE_CHOICES, default="UTC")
    headline = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    location = models.CharField(max_length=120, blank=True)
    website = models.URLField(blank=True)
    weekly_report_emails = models.BooleanField(
        default=True, help_text="Send the weekly report by e-mail every Monday."
    )
    # Set when the owner deletes the account: inactive from then on, erased after the grace period.
    deletion_requested_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = ResuMateUserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
            # An account awaiting erasure is never active.
            models.CheckConstraint(
                condition=models.Q(deletion_requested_at__isnull=True) | models.Q(is_active=False),
                name="user_pending_deletion_inactive",
            ),
        ]
