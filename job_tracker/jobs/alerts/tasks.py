"""Alert tasks (names pinned: Beat rows and queued messages store them)."""

import logging
from datetime import datetime

from celery import shared_task
from django.db import OperationalError, transaction
from django.utils.dateparse import parse_datetime

from job_tracker.models import AlertFrequency, SavedSearch

from .services import collect_new_matches, saved_search_send, searches_with_pending

logger = logging.getLogger(__name__)
# Mail servers fail for a while and come back; everything else is a bug to see.
RETRY_ERRORS = (OperationalError, ConnectionError, TimeoutError, OSError)


@shared_task(
    name="job_tracker.tasks.collect_saved_search_matches",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def collect_saved_search_matches(source_id, seen_at):
    """After a scrape: store the new postings matching saved searches; instant ones are sent now."""
    when = parse_datetime(seen_at) if isinstance(seen_at, str) else seen_at
    if not isinstance(when, datetime):
        return {}
    added = collect_new_matches(source_id=source_id, seen_at=when)
    instant = SavedSearch.objects.filter(
        pk__in=[pk for pk, n in added.items() if n], frequency=AlertFrequency.INSTANT
    ).values_list("pk", flat=True)
    for search_id in instant:
        transaction.on_commit(lambda search_id=search_id: send_saved_search_alert.delay(search_id))
    return added


@shared_task(
    name="job_tracker.tasks.send_saved_search_alert",
    acks_late=True,
    autoretry_for=RETRY_ERRORS,
    retry_backoff=True,
    max_retries=5,
)
def send_saved_search_alert(saved_search_id):
    """One e-mail with the search's pending matches; a second run finds nothing pending."""
    return saved_search_send(saved_search_id=saved_search_id)


@shared_task(
    name="job_tracker.tasks.send_saved_search_digests",
    acks_late=True,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def send_saved_search_digests(frequency):
    """Beat entry point (daily / weekly rows): one send task per search with pending matches."""
    if frequency not in (AlertFrequency.DAILY, AlertFrequency.WEEKLY):
        return []
    ids = searches_with_pending(frequency=frequency)
    for search_id in ids:
        send_saved_search_alert.delay(search_id)
    logger.info("queued %d %s saved-search digests", len(ids), frequency)
    return ids
