"""Interviews as iCalendar (RFC 5545) with the icalendar library.

One VEVENT per interview: the UID never changes, SEQUENCE counts the changes,
a cancelled one stays in the feed as STATUS:CANCELLED (so subscribed calendars
drop it), times carry their TZID with a matching VTIMEZONE, and a take-home
deadline is an all-day event (DATE values). No event recurs.
"""

import zoneinfo
from datetime import UTC, timedelta

from django.urls import reverse
from icalendar import Calendar, Event

from job_tracker.models import InterviewStatus

from ..reports.emails import absolute

PRODID = "-//ResuMate//Interviews//EN"
UID_DOMAIN = "resumate"


def event_uid(interview) -> str:
    return f"{interview.uid}@{UID_DOMAIN}"


def _summary(interview) -> str:
    application = interview.application
    return f"{interview.get_kind_display()}: {application.job_title} at {application.company_name}"


def interview_event(interview) -> Event:
    tz = zoneinfo.ZoneInfo(interview.time_zone)
    event = Event()
    event.add("uid", event_uid(interview))
    event.add("dtstamp", interview.updated_at.astimezone(UTC))
    event.add("created", interview.created_at.astimezone(UTC))
    event.add("last-modified", interview.updated_at.astimezone(UTC))
    event.add("sequence", interview.sequence)
    event.add("summary", _summary(interview))
    if interview.is_all_day:
        due = interview.starts_at.astimezone(tz).date()
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        event.add("dtstart", interview.starts_at.astimezone(tz))
        event.add("dtend", interview.ends_at.astimezone(tz))
    if interview.location:
        event.add("location", interview.location)
    if interview.link:
        event.add("url", interview.link)
    page = absolute(reverse("job_tracker:application", args=[interview.application_id]))
    lines = [interview.notes.strip()] if interview.notes.strip() else []
    if interview.is_all_day:
        lines.insert(0, f"Due {interview.starts_at.astimezone(tz):%H:%M} ({interview.time_zone}).")
    if interview.link:
        lines.append(f"Join: {interview.link}")
    names = [contact.name for contact in interview.contacts.all()]
    if names:
        lines.append("With: " + ", ".join(names))
    lines.append(f"In ResuMate: {page}")
    event.add("description", "\n".join(lines))
    cancelled = interview.status == InterviewStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def interviews_calendar(interviews, *, name: str = "ResuMate interviews") -> bytes:
    """The interviews (contacts prefetched) as one VCALENDAR, with a VTIMEZONE for each zone used."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for interview in interviews:
        calendar.add_component(interview_event(interview))
    calendar.add_missing_timezones()
    return calendar.to_ical()
