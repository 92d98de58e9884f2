"""Interview reads: per application, per contact, the calendar feed and due reminders."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from job_tracker.models import Contact, Interview, InterviewStatus, TrackerSettings


def _with_joins(queryset) -> QuerySet[Interview]:
    return queryset.select_related("application").prefetch_related(
        Prefetch("contacts", queryset=Contact.objects.only("id", "name", "user_id").order_by("name"))
    )


def interview_list(*, application) -> QuerySet[Interview]:
    """An application's interviews, soonest first, with application and contacts joined."""
    return _with_joins(Interview.objects.filter(application=application)).order_by("starts_at", "id")


def interview_get(*, application, pk) -> Interview:
    return get_object_or_404(interview_list(application=application), pk=pk)


def interview_get_for_user(*, user, pk) -> Interview:
    return get_object_or_404(
        _with_joins(Interview.objects.filter(user=user, application__is_deleted=False)), pk=pk
    )


def calendar_interviews(*, user) -> QuerySet[Interview]:
    """Every interview on the user's live applications, cancelled ones included (calendars must see them)."""
    return _with_joins(Interview.objects.filter(user=user, application__is_deleted=False)).order_by(
        "starts_at", "id"
    )


def user_for_calendar_token(token: str):
    """The owner of a calendar feed token, or None (a revoked or mistyped token)."""
    if not token:
        return None
    row = TrackerSettings.objects.filter(calendar_token=token).select_related("user").first()
    return row.user if row and row.user.is_active else None


def due_reminder_ids(*, now=None) -> list[int]:
    """Scheduled interviews still ahead whose reminder time has come and that were not reminded yet."""
    now = now or timezone.now()
    return list(
        Interview.objects.filter(
            status=InterviewStatus.SCHEDULED,
            reminder_sent_at__isnull=True,
            remind_at__lte=now,
            starts_at__gt=now,
            application__is_deleted=False,
            user__is_active=True,
        )
        .exclude(user__email="")
        .order_by("starts_at")
        .values_list("id", flat=True)
    )


def upcoming_by_application(*, application_ids, now=None) -> dict[int, Interview]:
    """{application id: its next scheduled interview} in one query."""
    now = now or timezone.now()
    rows = Interview.objects.filter(
        application_id__in=list(application_ids), status=InterviewStatus.SCHEDULED, starts_at__gte=now
    ).order_by("application_id", "starts_at", "id")
    found = {}
    for interview in rows:
        found.setdefault(interview.application_id, interview)
    return found
