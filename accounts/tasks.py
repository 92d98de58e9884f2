from celery import shared_task
from django.core.management import call_command

from . import services


@shared_task(name="accounts.tasks.flush_expired_tokens", acks_late=True)
def flush_expired_tokens():
    """Daily: drop expired outstanding and blacklisted JWTs (idempotent)."""
    call_command("flushexpiredtokens")


@shared_task(name="accounts.tasks.erase_deleted_accounts", acks_late=True)
def erase_deleted_accounts():
    """Daily: erase accounts whose deletion grace period is over (idempotent). Returns how many."""
    return services.users_erase_expired()
