"""Weekly report tasks. Names are pinned: Beat's stored schedule refers to them by name."""

from datetime import date, datetime

from celery import shared_task

from . import services


@shared_task(name="job_tracker.tasks.send_weekly_reports", acks_late=True)
def send_weekly_reports(week: str | None = None, now: str | None = None):
    """Beat, hourly: queue last week's report, in batches, for the users whose local time is Monday 09:xx.

    ``week`` (YYYY-MM-DD, from the command or an operator) queues that week for every
    active user instead. ``now`` (ISO 8601, aware) replaces the current instant.
    Running an hour twice is harmless: a report already e-mailed is never sent again.
    """
    if week:
        due = {date.fromisoformat(week): list(services.report_users().values_list("id", flat=True))}
    else:
        instant = datetime.fromisoformat(now) if isinstance(now, str) else now
        due = services.users_due_for_weekly_report(now=instant)
    batches = 0
    for week_start, ids in due.items():
        for user_ids in services.id_batches(ids):
            send_weekly_reports_batch.delay(user_ids, week_start.isoformat())
            batches += 1
    return batches


@shared_task(
    name="job_tracker.tasks.send_weekly_reports_batch",
    acks_late=True,
    autoretry_for=(services.WeeklyReportDeliveryError,),
    retry_backoff=60,
    max_retries=5,
    soft_time_limit=15 * 60,
    time_limit=16 * 60,
)
def send_weekly_reports_batch(user_ids: list[int], week: str):
    """Generate and e-mail one batch; idempotent, so a retry only sends what did not go out."""
    users = list(services.report_users().filter(pk__in=user_ids))
    if not users:
        return {"generated": 0}
    summary = services.run_weekly_reports(users=users, week_start=date.fromisoformat(week))
    if summary.failed:
        raise services.WeeklyReportDeliveryError(f"{len(summary.failed)} e-mails failed")
    return {"generated": summary.generated, "emailed": summary.emailed}
