from celery import shared_task
from django.db import IntegrityError, OperationalError


@shared_task(
    name="resumes.integrations.tasks.process_webhook",
    acks_late=True,
    # Transient: a lost connection, or a concurrent delivery that created the same achievement first
    # (the retry then finds it and updates it).
    autoretry_for=(OperationalError, IntegrityError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=5,
)
def process_webhook(log_id: int) -> str | None:
    """Process one received webhook delivery; safe to run again (idempotent on the log)."""
    # Imported here: the services module queues this task, so it imports this module first.
    from .services import delivery_process

    log = delivery_process(log_id=log_id)
    return log.status if log else None


@shared_task(name="resumes.integrations.tasks.requeue_stranded_deliveries")
def requeue_stranded_deliveries() -> int:
    """Beat, every few minutes: deliveries accepted while the broker was down get processed."""
    from .services import deliveries_requeue_stranded

    return deliveries_requeue_stranded()
