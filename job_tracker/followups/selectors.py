"""Which applications need a follow-up, and whose digest is due."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from job_tracker.models import ApplicationStatus, JobApplication, TrackerSettings

from ..reports.weeks import zone

DEFAULTS = TrackerSettings(reminder_hours=24, follow_up_days=7)
DIGEST_HOUR = 8


def tracker_settings(*, user) -> TrackerSettings:
    """The user's settings, or an unsaved row of defaults (one query)."""
    return TrackerSettings.objects.filter(user=user).first() or TrackerSettings(
        user=user,
        reminder_hours=DEFAULTS.reminder_hours,
        follow_up_days=DEFAULTS.follow_up_days,
    )


def follow_up_list(*, user, days: int, today: date | None = None) -> QuerySet[JobApplication]:
    """Live applications still in applied ``days`` after they were sent (or followed up), oldest first.

    A snoozed one returns on its snooze date; one marked done returns ``days`` after
    that if the employer still has not answered.
    """
    today = today or timezone.localdate(timezone=zone(user.time_zone))
    cutoff = today - timedelta(days=days)
    followed_before = datetime.combine(cutoff + timedelta(days=1), time.min, tzinfo=zone(user.time_zone))
    return (
        JobApplication.objects.filter(
            user=user, status=ApplicationStatus.APPLIED, is_example=False, date_applied__lte=cutoff
        )
        .filter(Q(follow_up_snoozed_until__isnull=True) | Q(follow_up_snoozed_until__lte=today))
        .filter(Q(followed_up_at__isnull=True) | Q(followed_up_at__lt=followed_before))
        .select_related("resume_used")
        .order_by("date_applied", "id")
    )


def digest_due_user_ids(*, now: datetime | None = None) -> list[tuple[int, date]]:
    """(user id, local day) of opted-in active users at 08:xx locally who have no digest for that day yet."""
    now = now or timezone.now()
    rows = (
        TrackerSettings.objects.filter(follow_up_digest=True, user__is_active=True)
        .exclude(user__email="")
        .values_list("user_id", "user__time_zone", "digest_sent_on")
    )
    due = []
    for user_id, name, sent_on in rows.iterator(chunk_size=2000):
        local = now.astimezone(zone(name))
        if local.hour == DIGEST_HOUR and (sent_on is None or sent_on < local.date()):
            due.append((user_id, local.date()))
    return due
