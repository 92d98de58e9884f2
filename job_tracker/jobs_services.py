"""Writes that start from a job posting."""

from django.db import transaction

from . import services
from .models import ApplicationStatus, JobApplication, JobPosting


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
    application = services.application_create(
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
    )
    return application, True
