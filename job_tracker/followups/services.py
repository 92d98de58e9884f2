"""Follow-up writes: snooze, done, the daily digest; and the tracker settings they read."""

import secrets
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from job_tracker.models import JobApplication, TrackerSettings

from ..interviews.services import interviews_rearm_reminders
from ..reports.emails import absolute
from ..reports.weeks import zone
from . import selectors

SETTINGS_FIELDS = frozenset({"reminder_hours", "follow_up_days", "follow_up_digest"})
SNOOZE_DAYS = 3


@transaction.atomic
def tracker_settings_update(*, user, **fields) -> TrackerSettings:
    """Save the user's settings; a new reminder lead time moves the pending reminders with it."""
    if set(fields) - SETTINGS_FIELDS:
        raise TypeError(f"Not editable: {', '.join(sorted(set(fields) - SETTINGS_FIELDS))}")
    errors = {}
    if "reminder_hours" in fields and not 1 <= fields["reminder_hours"] <= 336:
        errors["reminder_hours"] = ["Between 1 and 336 hours (two weeks)."]
    if "follow_up_days" in fields and not 1 <= fields["follow_up_days"] <= 90:
        errors["follow_up_days"] = ["Between 1 and 90 days."]
    if errors:
        raise ValidationError(errors)
    row, _ = TrackerSettings.objects.select_for_update().get_or_create(user=user)
    previous_hours = row.reminder_hours
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()
    if row.reminder_hours != previous_hours:
        interviews_rearm_reminders(user=user, hours=row.reminder_hours)
    return row


@transaction.atomic
def calendar_token_rotate(*, user) -> str:
    """Turn the calendar feed on, or give it a new address: the old one stops working at once."""
    row, _ = TrackerSettings.objects.select_for_update().get_or_create(user=user)
    row.calendar_token = secrets.token_urlsafe(32)
    row.save(update_fields=["calendar_token", "updated_at"])
    return row.calendar_token


def calendar_token_revoke(*, user) -> None:
    TrackerSettings.objects.filter(user=user).update(calendar_token="", updated_at=timezone.now())


def follow_up_snooze(*, application: JobApplication, days: int = SNOOZE_DAYS) -> JobApplication:
    if not 1 <= days <= 60:
        raise ValidationError({"days": [gettext("Between 1 and 60 days.")]})
    today = timezone.localdate(timezone=zone(application.user.time_zone))
    application.follow_up_snoozed_until = today + timedelta(days=days)
    application.save(update_fields=["follow_up_snoozed_until", "updated_at"])
    return application


def follow_up_done(*, application: JobApplication) -> JobApplication:
    """The user followed up: off the list until another full delay passes without an answer."""
    application.followed_up_at = timezone.now()
    application.follow_up_snoozed_until = None
    application.save(update_fields=["followed_up_at", "follow_up_snoozed_until", "updated_at"])
    return application


def build_digest_email(*, user, applications, days: int) -> EmailMultiAlternatives:
    context = {
        "user": user,
        "applications": applications,
        "days": days,
        "dashboard_url": absolute(reverse("accounts:dashboard")),
        "settings_url": absolute(reverse("job_tracker:tracker-settings")),
    }
    count = len(applications)
    return EmailMultiAlternatives(
        subject=f"{count} application{'s' if count != 1 else ''} to follow up on today",
        body=render_to_string("job_tracker/followups/digest_email.txt", context),
        to=[user.email],
    )


def follow_up_send_digest(*, user_id: int, day: date) -> bool:
    """The user's digest for local ``day``, at most once; nothing is sent when the list is empty."""
    claimed = (
        TrackerSettings.objects.filter(user_id=user_id, follow_up_digest=True)
        .filter(Q(digest_sent_on__isnull=True) | Q(digest_sent_on__lt=day))
        .update(digest_sent_on=day)
    )
    if not claimed:
        return False
    user = get_user_model().objects.filter(pk=user_id, is_active=True).exclude(email="").first()
    if user is None:
        return False
    days = user.tracker_settings.follow_up_days
    applications = list(selectors.follow_up_list(user=user, days=days, today=day))
    if not applications:
        return False
    try:
        build_digest_email(user=user, applications=applications, days=days).send(fail_silently=False)
    except Exception:
        TrackerSettings.objects.filter(user_id=user_id, digest_sent_on=day).update(digest_sent_on=None)
        raise
    return True
