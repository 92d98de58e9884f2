"""Interview writes. Each change that a calendar shows bumps SEQUENCE; a new start re-arms the reminder."""

import zoneinfo
from datetime import timedelta
from functools import lru_cache

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from job_tracker.models import Interview, InterviewKind, InterviewStatus, TrackerSettings

from .emails import build_reminder_email

FIELDS = frozenset({"kind", "starts_at", "ends_at", "time_zone", "location", "link", "notes", "status"})
DEFAULT_REMINDER_HOURS = TrackerSettings._meta.get_field("reminder_hours").default


@lru_cache(maxsize=1)
def _zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def check_time_zone(name: str) -> str:
    if name not in _zone_names():
        raise ValidationError(
            {
                "time_zone": [
                    gettext('"%(name)s" is not an IANA time zone name (like "Europe/Berlin").')
                    % {"name": name}
                ]
            }
        )
    return name


def localize(moment, time_zone: str):
    """A naive date-time is read as wall-clock time in ``time_zone``; an aware one is kept."""
    if moment is not None and timezone.is_naive(moment):
        return moment.replace(tzinfo=zoneinfo.ZoneInfo(time_zone))
    return moment


def reminder_hours_for(user) -> int:
    row = TrackerSettings.objects.filter(user=user).values_list("reminder_hours", flat=True).first()
    return row or DEFAULT_REMINDER_HOURS


def _validate(interview: Interview, contacts) -> None:
    errors = {}
    if interview.kind not in InterviewKind.values:
        errors["kind"] = [f'"{interview.kind}" is not a valid kind.']
    if interview.status not in InterviewStatus.values:
        errors["status"] = [f'"{interview.status}" is not a valid status.']
    if interview.kind != InterviewKind.TAKE_HOME and interview.ends_at is None:
        errors["ends_at"] = ["An interview needs an end (only a take-home deadline has none)."]
    if interview.ends_at is not None and interview.ends_at < interview.starts_at:
        errors["ends_at"] = ["Ends before it starts."]
    if len(interview.location) > 300:
        errors["location"] = ["At most 300 characters."]
    if any(contact.user_id != interview.user_id for contact in contacts or ()):
        errors["contacts"] = ["Not found."]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def interview_create(*, application, contacts=(), **fields) -> Interview:
    """Schedule an interview on one of the user's applications (the caller has checked the owner)."""
    if set(fields) - FIELDS:
        raise TypeError(f"Not editable: {', '.join(sorted(set(fields) - FIELDS))}")
    check_time_zone(fields.get("time_zone", ""))
    for name in ("starts_at", "ends_at"):
        fields[name] = localize(fields.get(name), fields["time_zone"])
    interview = Interview(user_id=application.user_id, application=application, **fields)
    contacts = list(contacts or ())
    _validate(interview, contacts)
    interview.remind_at = interview.starts_at - timedelta(hours=reminder_hours_for(application.user_id))
    interview.save()
    interview.contacts.set(contacts)
    return interview


@transaction.atomic
def interview_update(*, interview: Interview, contacts=None, **fields) -> Interview:
    """Change an interview; SEQUENCE goes up once per call that changes anything a calendar shows."""
    if set(fields) - FIELDS:
        raise TypeError(f"Not editable: {', '.join(sorted(set(fields) - FIELDS))}")
    time_zone = check_time_zone(fields.get("time_zone", interview.time_zone))
    for name in ("starts_at", "ends_at"):
        if name in fields:
            fields[name] = localize(fields[name], time_zone)
    changed = {name for name, value in fields.items() if getattr(interview, name) != value}
    for name in changed:
        setattr(interview, name, fields[name])
    contacts = list(contacts) if contacts is not None else None
    _validate(interview, contacts)
    if contacts is not None and {c.pk for c in contacts} != set(
        interview.contacts.values_list("pk", flat=True)
    ):
        interview.contacts.set(contacts)
        changed.add("contacts")
    if not changed:
        return interview
    interview.sequence += 1
    if "starts_at" in changed:
        interview.remind_at = interview.starts_at - timedelta(hours=reminder_hours_for(interview.user_id))
        interview.reminder_sent_at = None  # a new time deserves its own reminder
    interview.save()
    return interview


def interview_cancel(*, interview: Interview) -> Interview:
    return interview_update(interview=interview, status=InterviewStatus.CANCELLED)


def interview_delete(*, interview: Interview) -> None:
    interview.delete()


def interviews_rearm_reminders(*, user, hours: int) -> int:
    """After a change of the reminder setting: future, not yet reminded interviews get the new time."""
    return Interview.objects.filter(
        user=user, starts_at__gt=timezone.now(), reminder_sent_at__isnull=True
    ).update(remind_at=F("starts_at") - timedelta(hours=hours))


def interview_send_reminder(*, interview_id: int, now=None) -> bool:
    """E-mail the reminder of one interview at most once; True when this call sent it.

    The row is claimed with a conditional UPDATE before sending, so a second
    worker or a redelivered task finds it taken; a failed send releases the claim.
    """
    now = now or timezone.now()
    claimed = Interview.objects.filter(
        pk=interview_id,
        reminder_sent_at__isnull=True,
        status=InterviewStatus.SCHEDULED,
        starts_at__gt=now,
        application__is_deleted=False,
    ).update(reminder_sent_at=now)
    if not claimed:
        return False
    interview = (
        Interview.objects.select_related("user", "application")
        .prefetch_related("contacts")
        .get(pk=interview_id)
    )
    if not (interview.user.is_active and interview.user.email):
        return False
    try:
        build_reminder_email(interview=interview).send(fail_silently=False)
    except Exception:
        Interview.objects.filter(pk=interview_id, reminder_sent_at=now).update(reminder_sent_at=None)
        raise
    return True
