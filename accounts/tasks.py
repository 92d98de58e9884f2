from celery import shared_task
from django.core.management import call_command


@shared_task(acks_late=True)
def flush_expired_tokens():
    """Daily: drop expired outstanding and blacklisted JWTs (idempotent)."""
    call_command("flushexpiredtokens")
