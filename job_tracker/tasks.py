"""Celery's ``autodiscover_tasks()`` imports ``job_tracker.tasks``: it registers every room's tasks.

The tasks keep their names (``job_tracker.tasks.<name>``), which Beat's stored schedule uses.
"""

from .followups.tasks import send_follow_up_digest, send_follow_up_digests
from .interviews.tasks import send_interview_reminder, send_interview_reminders
from .jobs.alerts.tasks import (
    collect_saved_search_matches,
    send_saved_search_alert,
    send_saved_search_digests,
)
from .jobs.semantic.tasks import refit_semantic_index
from .jobs.tasks import scrape_job_sources, scrape_source
from .reports.tasks import send_weekly_reports, send_weekly_reports_batch

__all__ = [
    "collect_saved_search_matches",
    "refit_semantic_index",
    "scrape_job_sources",
    "scrape_source",
    "send_follow_up_digest",
    "send_follow_up_digests",
    "send_interview_reminder",
    "send_interview_reminders",
    "send_saved_search_alert",
    "send_saved_search_digests",
    "send_weekly_reports",
    "send_weekly_reports_batch",
]
