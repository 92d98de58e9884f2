"""Celery tasks for job_tracker. Tasks take ids, re-read rows and are safe to run twice."""

import logging

from celery import shared_task
from django.db import OperationalError

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=15 * 60,
    time_limit=16 * 60,
)
def scrape_source(source_id, force=False):
    """Scrape one source. Board failures are recorded on the source, not raised.

    Idempotent: an upsert keyed on (source, external_id), a per-source lock, and
    the minimum interval make a redelivered message harmless.
    """
    from .ingestion import source_scrape
    from .models import JobSource

    source = JobSource.objects.filter(pk=source_id).first()
    if source is None:
        return None
    return source_scrape(source=source, force=force).as_dict()


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=3)
def scrape_job_sources():
    """Beat entry point (every 4 hours): one ``scrape_source`` per active, due source."""
    from .ingestion import due_source_ids

    source_ids = due_source_ids()
    for source_id in source_ids:
        scrape_source.delay(source_id)
    logger.info("queued %d job source scrapes", len(source_ids))
    return source_ids


# --- Weekly reports (issue 8) ---
from datetime import date, datetime  # noqa: E402

from .reports import services as report_services  # noqa: E402


@shared_task(acks_late=True)
def send_weekly_reports(week: str | None = None, now: str | None = None):
    """Beat, hourly: queue last week's report, in batches, for the users whose local time is Monday 09:xx.

    ``week`` (YYYY-MM-DD, from the command or an operator) queues that week for every
    active user instead. ``now`` (ISO 8601, aware) replaces the current instant.
    Running an hour twice is harmless: a report already e-mailed is never sent again.
    """
    if week:
        due = {date.fromisoformat(week): list(report_services.report_users().values_list("id", flat=True))}
    else:
        instant = datetime.fromisoformat(now) if isinstance(now, str) else now
        due = report_services.users_due_for_weekly_report(now=instant)
    batches = 0
    for week_start, ids in due.items():
        for user_ids in report_services.id_batches(ids):
            send_weekly_reports_batch.delay(user_ids, week_start.isoformat())
            batches += 1
    return batches


@shared_task(
    acks_late=True,
    autoretry_for=(report_services.WeeklyReportDeliveryError,),
    retry_backoff=60,
    max_retries=5,
    soft_time_limit=15 * 60,
    time_limit=16 * 60,
)
def send_weekly_reports_batch(user_ids: list[int], week: str):
    """Generate and e-mail one batch; idempotent, so a retry only sends what did not go out."""
    users = list(report_services.report_users().filter(pk__in=user_ids))
    if not users:
        return {"generated": 0}
    summary = report_services.run_weekly_reports(users=users, week_start=date.fromisoformat(week))
    if summary.failed:
        raise report_services.WeeklyReportDeliveryError(f"{len(summary.failed)} e-mails failed")
    return {"generated": summary.generated, "emailed": summary.emailed}
