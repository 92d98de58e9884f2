"""Builders for weekly report tests: applications with a dated status history.

Events are normally written by the application services; here the history is
laid down directly because the tests need events at exact past moments.
"""

import zoneinfo
from datetime import datetime

from job_tracker.models import ApplicationEvent, JobApplication


def local(tz_name, *args):
    """An aware datetime in ``tz_name``: local("Pacific/Kiritimati", 2026, 11, 15, 23, 30)."""
    return datetime(*args, tzinfo=zoneinfo.ZoneInfo(tz_name))


def application_with_history(user, company, history, *, is_deleted=False, title="Backend developer"):
    """``history``: [(status, aware datetime), ...] in order; the application ends in the last status."""
    application = JobApplication.all_objects.create(
        user=user, company_name=company, job_title=title, status=history[-1][0], is_deleted=is_deleted
    )
    previous = ""
    events = []
    for status, moment in history:
        events.append(
            ApplicationEvent(
                application=application, user=user, from_status=previous, to_status=status, created_at=moment
            )
        )
        previous = status
    ApplicationEvent.objects.bulk_create(events)
    return application
