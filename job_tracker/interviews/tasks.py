"""Interview reminder tasks. Names are pinned: Beat's stored schedule refers to them by name."""

from celery import shared_task

from . import selectors, services


@shared_task(name="job_tracker.tasks.send_interview_reminders", acks_late=True)
def send_interview_reminders():
    """Beat, every 10 minutes: queue one task per interview whose reminder is due."""
    ids = selectors.due_reminder_ids()
    for interview_id in ids:
        send_interview_reminder.delay(interview_id)
    return len(ids)


@shared_task(
    name="job_tracker.tasks.send_interview_reminder",
    acks_late=True,
    autoretry_for=(ConnectionError, TimeoutError, OSError),
    retry_backoff=60,
    max_retries=5,
)
def send_interview_reminder(interview_id: int):
    """E-mail one reminder; running it twice (a retry, a redelivery) never sends a second one."""
    return services.interview_send_reminder(interview_id=interview_id)
