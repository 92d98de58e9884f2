"""Job posting writes: scraped postings into the database, and postings into applications.

``ingest_postings`` writes what one fetch returned (bulk upserts, deactivation);
``source_scrape`` runs a whole fetch for one source with failure isolation:
whatever goes wrong is recorded on that source and never touches its (or
anyone's) existing postings. ``posting_track`` makes a wishlist application
from a posting.
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from job_tracker.applications import services as application_services
from job_tracker.models import (
    ApplicationSource,
    ApplicationStatus,
    JobApplication,
    JobPosting,
    JobSource,
    JobSourceKind,
)
from resumate.metrics import POSTINGS_INGESTED, SCRAPES
from resumes.skills import canonical_skill_name, extract_skills

from .matching import build_profile, score_posting
from .pipeline import after_scrape
from .scraping import FetchResult, NormalizedPosting, ScrapeError, adapter_for

logger = logging.getLogger(__name__)

BATCH_SIZE = 1000
# Board terms: Remotive asks for at most about four calls a day.
DEFAULT_MIN_INTERVAL_HOURS = {JobSourceKind.REMOTIVE: 6}
LOCK_SECONDS = 15 * 60
GENERATION_KEY = "job_tracker:postings-generation"

STATUS_OK = "ok"
STATUS_FAILED = "failed"
STATUS_SKIPPED = "skipped"
EMPTY_BOARD_NOTE = (
    "The board listed no postings; the existing ones were kept (an unknown identifier answers the same way)."
)

UPSERT_FIELDS = [
    "url",
    "title",
    "company_name",
    "location",
    "remote",
    "employment_type",
    "salary_min",
    "salary_max",
    "currency",
    "description",
    "description_html",
    "skills_required",
    "published_at",
    "last_seen_at",
    "is_active",
]


@dataclass
class IngestSummary:
    source_id: int | None = None
    status: str = STATUS_OK
    fetched: int = 0
    created: int = 0
    updated: int = 0
    deactivated: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self):
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def min_interval(source) -> timedelta:
    hours = source.min_interval_hours
    if hours is None:
        hours = DEFAULT_MIN_INTERVAL_HOURS.get(source.kind, 0)
    return timedelta(hours=hours)


def source_is_due(source, *, now=None) -> bool:
    """Whether the schedule (or a plain ``scrape_jobs``) may fetch this source now."""
    if source.last_run_at is None:
        return True
    return (now or timezone.now()) - source.last_run_at >= min_interval(source)


def _skills(posting: NormalizedPosting) -> list[str]:
    found = extract_skills(f"{posting.title}\n{posting.description}")
    known = {s.lower() for s in found}
    for hint in posting.skills_hint:
        name = canonical_skill_name(hint)
        # Board tags count only when the taxonomy knows them as skills.
        if name and name.lower() not in known and extract_skills(name):
            known.add(name.lower())
            found.append(name)
    return found


def _row(source, posting: NormalizedPosting, now) -> JobPosting:
    low, high = posting.salary_min, posting.salary_max
    if low is not None and high is not None and high < low:
        low, high = high, low
    return JobPosting(
        source=source,
        external_id=posting.external_id[:200],
        url=posting.url[:1000],
        title=posting.title[:300],
        company_name=posting.company_name[:200],
        location=posting.location[:300],
        remote=posting.remote,
        employment_type=posting.employment_type[:100],
        salary_min=low,
        salary_max=high,
        currency=posting.currency[:3],
        description=posting.description,
        description_html=posting.description_html,
        skills_required=_skills(posting),
        published_at=posting.published_at,
        first_seen_at=now,
        last_seen_at=now,
        is_active=True,
    )


def build_rows(*, source, postings, now) -> list[JobPosting]:
    """Unsaved rows for ``postings``, one per external id, skills extracted."""
    unique = {}
    for posting in postings:
        unique.setdefault(posting.external_id, posting)  # one row per id, or the upsert fails
    return [_row(source, p, now) for p in unique.values()]


def ingest_postings(*, source, postings, complete=True, skipped=0, now=None) -> IngestSummary:
    """Upsert ``postings`` for ``source`` in batches of one ``bulk_create`` each.

    New rows are created, known ones refreshed (and reactivated); ``first_seen_at``
    never changes. Only when ``complete`` is true (the fetch listed the whole
    board) are the source's active postings that were not listed marked inactive.
    Skills are extracted before the transaction opens, so it stays short.
    """
    now = now or timezone.now()
    rows = build_rows(source=source, postings=postings, now=now)
    return upsert_rows(source=source, rows=rows, complete=complete, skipped=skipped, now=now)


@transaction.atomic
def upsert_rows(*, source, rows, complete, now, skipped=0) -> IngestSummary:
    """The database half of ``ingest_postings``: two queries per batch, one to deactivate."""
    summary = IngestSummary(source_id=source.pk, skipped=skipped, fetched=len(rows))
    for start in range(0, len(rows), BATCH_SIZE):
        batch = rows[start : start + BATCH_SIZE]
        known = set(
            JobPosting.objects.filter(
                source=source, external_id__in=[r.external_id for r in batch]
            ).values_list("external_id", flat=True)
        )
        JobPosting.objects.bulk_create(
            batch,
            update_conflicts=True,
            unique_fields=["source", "external_id"],
            update_fields=UPSERT_FIELDS,
        )
        summary.updated += len(known)
        summary.created += len(batch) - len(known)
    if complete:
        # Everything listed now carries last_seen_at == now; the rest has gone from the board.
        summary.deactivated = JobPosting.objects.filter(
            source=source, is_active=True, last_seen_at__lt=now
        ).update(is_active=False)
    transaction.on_commit(_bump_generation)
    POSTINGS_INGESTED.inc(summary.created + summary.updated)
    return summary


def postings_generation() -> int:
    """A number that changes whenever a scrape changes postings (keys cached rankings)."""
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None) or 0


def _bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        cache.set(GENERATION_KEY, 2, timeout=None)


def _record(source, *, status, error="", seen=None, now):
    SCRAPES.labels(kind=source.kind, outcome=status).inc()
    source.last_run_at = now
    source.last_status = status
    source.last_error = error
    fields = ["last_run_at", "last_status", "last_error", "updated_at"]
    if seen is not None:
        source.postings_seen = seen
        fields.append("postings_seen")
    source.save(update_fields=fields)


def source_scrape(*, source, force=False, client=None, run_id=None) -> IngestSummary:
    """Fetch one source and ingest it; never raises for a board's failure.

    Skipped (status ``skipped``) when the source is inactive or not yet due
    (both unless ``force``: an operator's explicit request) or already being
    scraped. A failed fetch is recorded in ``last_status``/``last_error`` and
    leaves every existing posting as it was. ``run_id`` (the task's id) lets a
    redelivered task take over the lock its killed first attempt left behind.
    """
    summary = IngestSummary(source_id=source.pk)
    if not force and (not source.is_active or not source_is_due(source)):
        summary.status = STATUS_SKIPPED
        return summary
    lock, holder = f"job_tracker:scrape-lock:{source.pk}", run_id or uuid.uuid4().hex
    # False means another run holds the lock; None (cache down, errors ignored) must not block scraping.
    if cache.add(lock, holder, LOCK_SECONDS) is False and cache.get(lock) != holder:
        summary.status = STATUS_SKIPPED
        return summary
    try:
        try:
            result: FetchResult = adapter_for(source, client=client).fetch_all()
        except ScrapeError as exc:
            return _failed(source, summary, str(exc))
        except Exception as exc:  # one broken board never stops the others
            logger.exception("scraping source %s failed", source.pk)
            return _failed(source, summary, f"{type(exc).__name__}: {exc}")
        now = timezone.now()
        # An empty answer never deactivates: some boards answer an unknown identifier that way.
        complete = result.complete and bool(result.postings)
        try:
            summary = ingest_postings(
                source=source, postings=result.postings, skipped=result.skipped, complete=complete, now=now
            )
        except Exception as exc:  # the atomic upsert rolled back: nothing half-written
            logger.exception("ingesting source %s failed", source.pk)
            return _failed(source, summary, f"{type(exc).__name__}: {exc}")
        _record(
            source,
            status=STATUS_OK,
            seen=summary.fetched,
            now=now,
            error="" if result.postings else EMPTY_BOARD_NOTE,
        )
        after_scrape(source_id=source.pk, seen_at=now, created=summary.created)
        logger.info("scraped source %s: %s", source.pk, summary.as_dict())
        return summary
    finally:
        cache.delete(lock)


def _failed(source, summary, error):
    summary.status = STATUS_FAILED
    summary.errors.append(error)
    _record(source, status=STATUS_FAILED, error=error[:2000], now=timezone.now())
    logger.warning("scraping source %s failed: %s", source.pk, error)
    return summary


def due_source_ids(*, force=False) -> list[int]:
    """Active sources the schedule should fetch now."""
    sources = JobSource.objects.filter(is_active=True).order_by("pk")
    now = timezone.now()
    return [s.pk for s in sources if force or source_is_due(s, now=now)]


def _salary(posting: JobPosting) -> str:
    if posting.salary_min is None and posting.salary_max is None:
        return ""
    low, high = posting.salary_min, posting.salary_max
    amount = f"{low:,} - {high:,}" if low is not None and high is not None else f"{low or high:,}"
    return f"{amount} {posting.currency}".strip()[:100]


@transaction.atomic
def posting_track(*, user, posting: JobPosting) -> tuple[JobApplication, bool]:
    """The user's wishlist application for ``posting``: (application, created).

    Idempotent: a second call returns the live application already made from
    this posting. The posting row is locked so two simultaneous calls cannot
    both create one.
    """
    JobPosting.objects.select_for_update().filter(pk=posting.pk).values_list("pk", flat=True).first()
    existing = JobApplication.objects.filter(user=user, job_posting=posting).order_by("pk").first()
    if existing is not None:
        return existing, False
    application = application_services.application_create(
        user=user,
        status=ApplicationStatus.WISHLIST,
        note="Tracked from the job board",
        job_posting=posting,
        job_title=posting.title[:200],
        company_name=(posting.company_name or str(posting.source))[:200],
        location=posting.location[:200],
        url=posting.url,
        salary=_salary(posting),
        original_job_description=posting.description,
        source=ApplicationSource.BOARD,
        # Kept as it was when tracked: outcomes compare what the user saw when deciding to apply.
        match_score=score_posting(build_profile(user=user), posting).score,
    )
    return application, True
