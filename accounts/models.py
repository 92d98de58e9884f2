import zoneinfo

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models.functions import Lower

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

    objects = ResuMateUserManager()

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
        ]
