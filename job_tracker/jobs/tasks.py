"""Scraping tasks. They take ids, re-read rows and are safe to run twice.

Names are pinned: Beat's schedule (created by a migration, editable in the
admin) stores them as text, so they must not follow the module's path.
"""

import logging

from celery import shared_task
from django.db import OperationalError

from job_tracker.models import JobSource

from .services import due_source_ids, source_scrape

logger = logging.getLogger(__name__)


@shared_task(
    bind=True,
    name="job_tracker.tasks.scrape_source",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=15 * 60,
    time_limit=16 * 60,
)
def scrape_source(self, source_id, force=False):
    """Scrape one source. Board failures are recorded on the source, not raised.

    Idempotent: an upsert keyed on (source, external_id), a per-source lock, and
    the minimum interval make a redelivered message harmless.
    """
    source = JobSource.objects.filter(pk=source_id).first()
    if source is None:
        return None
    # A redelivery (the worker was killed mid-scrape) keeps the task id, so it may take the lock over.
    return source_scrape(source=source, force=force, run_id=self.request.id).as_dict()


@shared_task(
    name="job_tracker.tasks.scrape_job_sources",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def scrape_job_sources():
    """Beat entry point (every 4 hours): one ``scrape_source`` per active, due source."""
    source_ids = due_source_ids()
    for source_id in source_ids:
        scrape_source.delay(source_id)
    logger.info("queued %d job source scrapes", len(source_ids))
    return source_ids
