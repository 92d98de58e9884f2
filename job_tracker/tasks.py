from datetime import date

from celery import shared_task

from .reports import services as report_services
from .reports.weeks import previous_week_start


@shared_task(acks_late=True)
def send_weekly_reports(week: str | None = None):
    """Beat, Monday 09:00: queue last week's reports for every active user, in batches."""
    week_start = date.fromisoformat(week) if week else previous_week_start()
    batches = 0
    for user_ids in report_services.user_id_batches(report_services.report_users()):
        send_weekly_reports_batch.delay(user_ids, week_start.isoformat())
        batches += 1
    return batches


@shared_task(
    acks_late=True,
    autoretry_for=(report_services.WeeklyReportDeliveryError,),
    retry_backoff=60,
    max_retries=5,
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
