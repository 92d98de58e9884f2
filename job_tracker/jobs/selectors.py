"""Reads of job postings shared by the jobs API, pages and tasks."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from job_tracker.models import JobApplication, JobPosting, JobSourceKind

# Boards whose terms ask for a visible credit and a link back to their posting.
CREDITED_BOARDS = {JobSourceKind.REMOTIVE: "Remotive"}


def posting_list() -> QuerySet[JobPosting]:
    """Every posting with its source; the raw HTML and search vector stay in the database."""
    return JobPosting.objects.select_related("source").defer("description_html", "search_vector")


def posting_get(*, pk) -> JobPosting:
    return get_object_or_404(posting_list(), pk=pk)


def posting_credit(posting: JobPosting) -> dict | None:
    """``{"name", "url"}`` when the posting's board asks to be credited, else None."""
    name = CREDITED_BOARDS.get(posting.source.kind)
    return {"name": name, "url": posting.url} if name else None


def tracked_posting_ids(*, user, posting_ids) -> dict[int, int]:
    """{posting id: application id} for the user's live applications made from these postings."""
    rows = JobApplication.objects.filter(user=user, job_posting_id__in=list(posting_ids)).values_list(
        "job_posting_id", "id"
    )
    return dict(rows)
