from celery import shared_task

from . import services


@shared_task(name="resumes.importing.tasks.purge_expired_import_drafts", acks_late=True)
def purge_expired_import_drafts():
    """Daily: delete import drafts past their expiry, file text included (idempotent). Returns how many."""
    return services.drafts_purge_expired()
