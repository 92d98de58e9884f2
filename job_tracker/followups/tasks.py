"""Follow-up digest tasks. Names are pinned: Beat's stored schedule refers to them by name."""

from datetime import date

from celery import shared_task

from . import selectors, services


@shared_task(name="job_tracker.tasks.send_follow_up_digests", acks_late=True)
def send_follow_up_digests():
    """Beat, hourly: queue the digest of each opted-in user whose local time is 08:xx."""
    due = selectors.digest_due_user_ids()
    for user_id, day in due:
        send_follow_up_digest.delay(user_id, day.isoformat())
    return len(due)


@shared_task(
    name="job_tracker.tasks.send_follow_up_digest",
    acks_late=True,
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=60,
    max_retries=5,
)
def send_follow_up_digest(user_id: int, day: str):
    """One user's digest for one local day; a second run of the same day sends nothing."""
    return services.follow_up_send_digest(user_id=user_id, day=date.fromisoformat(day))
