"""Refitting the semantic index after scrapes (pinned task name: Beat and queued messages store it)."""

import logging

from celery import shared_task
from django.core.cache import cache
from django.db import OperationalError, transaction

from .index import semantic_index_refit

logger = logging.getLogger(__name__)

QUEUED_KEY = "job_tracker:semantic-refit-queued"
# Several sources finish within minutes of each other: one refit covers them all.
DEBOUNCE_SECONDS = 300


@shared_task(
    name="job_tracker.tasks.refit_semantic_index",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
    soft_time_limit=20 * 60,
    time_limit=21 * 60,
)
def refit_semantic_index():
    """Fit a new index on today's postings; safe to run twice (the newer fit wins, older ones go)."""
    cache.delete(QUEUED_KEY)
    row = semantic_index_refit()
    return row.pk if row else None


def queue_refit():
    """Queue one refit a few minutes after the transaction commits, unless one is already queued."""
    if cache.add(QUEUED_KEY, 1, DEBOUNCE_SECONDS) is False:
        return
    transaction.on_commit(lambda: refit_semantic_index.apply_async(countdown=DEBOUNCE_SECONDS), robust=True)
