"""Job application writes: create, update, status changes, soft delete, restore, purge.

Every status change (and every creation) leaves exactly one ``ApplicationEvent``;
events are written here and nowhere else, so the history and the weekly report
can trust them.
"""

from collections.abc import Callable
from datetime import datetime, timedelta

from django.core.cache import cache
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from job_tracker.contacts.services import company_ensure
from job_tracker.jobs.matching import profile_from, score_posting
from job_tracker.models import ApplicationEvent, ApplicationStatus, JobApplication, JobPosting
from resumes.skills import extract_skills

# Fields a caller may set; ownership, soft-delete state and timestamps are managed here.
EDITABLE_FIELDS = frozenset(
    {
        "resume_used",
        "job_posting",
        "job_title",
        "company_name",
        "location",
        "url",
        "original_job_description",
        "salary",
        "date_applied",
        "notes",
        "cover_letter",
        "is_example",
        "source",
        "match_score",
    }
)
# Statuses that mean the application has been sent; entering one stamps date_applied.
SENT_STATUSES = frozenset(ApplicationStatus.values) - {ApplicationStatus.WISHLIST}
# Changing one of these changes how well the resume fits the application.
FIT_FIELDS = frozenset({"resume_used", "job_posting", "job_title", "location", "original_job_description"})

EXAMPLES_CACHE_KEY = "job_tracker:example-applications:v1"
EXAMPLES_CACHE_SECONDS = 60 * 60


def examples_cache_invalidate() -> None:
    """Forget the cached public example list (called whenever an example row changes)."""
    cache.delete(EXAMPLES_CACHE_KEY)


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"Not editable through the service: {', '.join(sorted(unknown))}")


def _check_status(status: str) -> None:
    if status not in ApplicationStatus.values:
        raise ValidationError({"status": [f'"{status}" is not a valid status.']})


def _check_owner(application: JobApplication) -> None:
    resume = application.resume_used
    if resume is not None and resume.user_id != application.user_id:
        raise ValidationError({"resume_used": [gettext("Resume not found.")]})


def _full_clean(application: JobApplication) -> None:
    """Model validation (lengths, choices, URLs) as DRF field errors; nothing is written on failure."""
    _check_owner(application)
    try:
        # user / job_posting are checked by the caller or the FK itself; skip their lookups.
        application.full_clean(exclude=["user", "resume_used", "job_posting"], validate_constraints=False)
    except DjangoValidationError as exc:
        raise ValidationError(exc.message_dict) from exc


# --- How well the resume sent fits the application ---------------------------------------------


def _posting_of(application: JobApplication) -> JobPosting:
    """The application's posting, or one read off its own title and pasted description."""
    if application.job_posting is not None:
        return application.job_posting
    return JobPosting(
        title=application.job_title,
        location=application.location,
        description=application.original_job_description,
        skills_required=extract_skills(application.original_job_description),
    )


def resume_fit(*, user, application: JobApplication, resume) -> int | None:
    """``jobs.matching`` score (0-100) of ``resume``'s content for the application; None without a resume.

    The profile is the resume's own content (its skills, titles, place), not the user's
    whole record, so two variants of one person score differently. No queries.
    """
    if resume is None:
        return None
    profile = profile_from(user=user, content=resume.content, skill_names=[])
    return score_posting(profile, _posting_of(application)).score


def _score(application: JobApplication, *, sent: bool) -> None:
    """Current fit of ``resume_used``; ``sent`` also freezes it as the fit at send time."""
    score = resume_fit(user=application.user, application=application, resume=application.resume_used)
    application.resume_score, application.resume_scored_at = score, timezone.now()
    if sent:
        application.resume_score_sent = score


def application_scores_refresh(*, user, resumes) -> int:
    """Re-score the user's applications sent with any of ``resumes`` (just rebuilt); returns how many changed.

    Two queries at most, whatever the number of applications: read them with their
    postings, write the changed scores in one UPDATE (``updated_at`` stays: the
    application itself did not change). The score at send time is left as it was.
    """
    by_id = {r.pk: r for r in resumes}
    rows = JobApplication.objects.filter(user=user, resume_used_id__in=list(by_id))
    rows = rows.select_related("job_posting")
    now, changed = timezone.now(), []
    for application in rows:
        score = resume_fit(user=user, application=application, resume=by_id[application.resume_used_id])
        if score != application.resume_score:
            application.resume_score, application.resume_scored_at = score, now
            changed.append(application)
    if changed:
        JobApplication.objects.bulk_update(changed, ["resume_score", "resume_scored_at"])
    return len(changed)


def _record_event(application, *, from_status: str, to_status: str, note: str = "", at=None):
    return ApplicationEvent.objects.create(
        application=application,
        user_id=application.user_id,
        from_status=from_status,
        to_status=to_status,
        note=note[:500],
        created_at=at or timezone.now(),
    )


@transaction.atomic
def application_create(
    *, user, status: str = ApplicationStatus.WISHLIST, note: str = "", at: datetime | None = None, **fields
) -> JobApplication:
    """Create an application for ``user`` and record its creation event (from "" to ``status``).

    Raises DRF ``ValidationError`` with field errors (unknown status, over-long
    fields, another user's resume); nothing is written then. ``at`` backdates
    the creation event (imports and demo data).
    """
    _check_fields(fields)
    _check_status(status)
    application = JobApplication(user=user, status=status, **fields)
    if status in SENT_STATUSES and application.date_applied is None:
        application.date_applied = timezone.localdate(at) if at else timezone.localdate()
    _full_clean(application)
    if application.resume_used_id:
        _score(application, sent=status in SENT_STATUSES)
    application.save()
    _record_event(application, from_status="", to_status=status, note=note, at=at)
    company_ensure(user=user, name=application.company_name)
    return application


@transaction.atomic
def application_change_status(
    *, application: JobApplication, status: str, note: str = "", at: datetime | None = None
) -> ApplicationEvent | None:
    """Move ``application`` to ``status`` and record one event; ``None`` when it already is there."""
    _check_status(status)
    previous = application.status
    if previous == status:
        return None
    application.status = status
    update_fields = ["status", "updated_at"]
    if status in SENT_STATUSES and application.date_applied is None:
        application.date_applied = timezone.localdate(at) if at else timezone.localdate()
        update_fields.append("date_applied")
    if status in SENT_STATUSES and previous not in SENT_STATUSES and application.resume_used_id:
        _score(application, sent=True)  # what was sent, and how well it fitted then
        update_fields += ["resume_score", "resume_score_sent", "resume_scored_at"]
    application.save(update_fields=update_fields)
    return _record_event(application, from_status=previous, to_status=status, note=note, at=at)


@transaction.atomic
def application_update(
    *, application: JobApplication, status: str | None = None, note: str = "", **fields
) -> JobApplication:
    """Update editable fields; a new ``status`` goes through ``application_change_status``.

    Validation happens before anything is saved, so a bad field leaves the row as it was.
    """
    _check_fields(fields)
    if status is not None:
        _check_status(status)
    renamed = "company_name" in fields and fields["company_name"] != application.company_name
    refit = any(getattr(application, name) != value for name, value in fields.items() if name in FIT_FIELDS)
    resume_changed = "resume_used" in fields and fields["resume_used"] != application.resume_used
    for name, value in fields.items():
        setattr(application, name, value)
    _full_clean(application)
    if refit:
        # A resume recorded (or corrected) on a sent application is the one that was sent.
        _score(application, sent=resume_changed and application.status in SENT_STATUSES)
    application.save()
    if renamed:
        company_ensure(user=application.user, name=application.company_name)
    if status is not None:
        application_change_status(application=application, status=status, note=note)
    return application


def application_soft_delete(*, application: JobApplication) -> JobApplication:
    """Hide the application (it stays restorable until purged). Idempotent."""
    if not application.is_deleted:
        application.is_deleted = True
        application.deleted_at = timezone.now()
        application.save(update_fields=["is_deleted", "deleted_at", "updated_at"])
    return application


def application_restore(*, application: JobApplication) -> JobApplication:
    """Bring a soft-deleted application back. Idempotent."""
    if application.is_deleted:
        application.is_deleted = False
        application.deleted_at = None
        application.save(update_fields=["is_deleted", "deleted_at", "updated_at"])
    return application


def applications_mark_example(*, applications, is_example: bool = True) -> int:
    """Flag (or unflag) applications as public examples; returns how many changed."""
    changed = 0
    for application in applications:
        if application.is_example != is_example:
            application.is_example = is_example
            application.save(update_fields=["is_example", "updated_at"])
            changed += 1
    if changed:
        examples_cache_invalidate()
    return changed


def deleted_applications_to_purge(*, older_than: timedelta):
    """Soft-deleted applications whose deletion is older than ``older_than``."""
    cutoff = timezone.now() - older_than
    return JobApplication.all_objects.filter(is_deleted=True).filter(
        Q(deleted_at__lt=cutoff) | Q(deleted_at__isnull=True, updated_at__lt=cutoff)
    )


def applications_purge_deleted(
    *, older_than: timedelta, batch_size: int = 500, progress: Callable[[int], object] | None = None
) -> int:
    """Delete for good soft-deleted applications older than ``older_than``, in batches.

    Each batch is its own transaction so a long purge never holds one huge lock;
    ``progress(n)`` is called after each batch. Returns the number of applications removed.
    """
    ids = list(deleted_applications_to_purge(older_than=older_than).values_list("pk", flat=True))
    removed = 0
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        with transaction.atomic():
            # Re-filter: a row restored since the scan above must survive.
            _, per_model = deleted_applications_to_purge(older_than=older_than).filter(pk__in=batch).delete()
        count = per_model.get(JobApplication._meta.label, 0)
        removed += count
        if progress:
            progress(len(batch))
    return removed
