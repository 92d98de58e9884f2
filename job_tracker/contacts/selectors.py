"""Reads of contacts and company records, joins applied."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from job_tracker.models import Company, Contact, Interview, JobApplication, JobPosting

from .services import company_key


def contact_list(*, user) -> QuerySet[Contact]:
    """The user's contacts with the ids of their live applications and their interviews (two prefetches)."""
    return Contact.objects.filter(user=user).prefetch_related(
        Prefetch("applications", queryset=JobApplication.objects.only("id")),
        Prefetch("interviews", queryset=Interview.objects.only("id")),
    )


def contact_get(*, user, pk) -> Contact:
    return get_object_or_404(Contact.objects.filter(user=user), pk=pk)


def contact_applications(*, contact: Contact) -> QuerySet[JobApplication]:
    return contact.applications.all().order_by("-date_applied", "-id")


def contact_interviews(*, contact: Contact) -> QuerySet[Interview]:
    return (
        contact.interviews.filter(application__is_deleted=False)
        .select_related("application")
        .order_by("-starts_at", "-id")
    )


def company_list(*, user) -> QuerySet[Company]:
    return Company.objects.filter(user=user)


def company_get(*, user, pk) -> Company:
    return get_object_or_404(company_list(user=user), pk=pk)


def company_for_name(*, user, name: str) -> Company | None:
    """The user's record for an employer, matched by name whatever its case."""
    if not name:
        return None
    return Company.objects.filter(user=user, name_key=company_key(name)).first()


def company_applications(*, company: Company) -> QuerySet[JobApplication]:
    """The user's live applications to this employer, whatever the case or spacing of the name (two queries).

    Matched in Python with ``company_key``: SQLite's case-insensitive match folds ASCII only.
    """
    names = JobApplication.objects.filter(user_id=company.user_id).values_list("id", "company_name")
    ids = [pk for pk, name in names.iterator(chunk_size=2000) if company_key(name) == company.name_key]
    return JobApplication.objects.filter(pk__in=ids).order_by("-date_applied", "-id")


def company_postings(*, company: Company, limit: int = 20) -> list[JobPosting]:
    rows = JobPosting.objects.filter(company_name__iexact=company.name).select_related("source")
    return list(
        rows.defer("description_html", "search_vector").order_by("-is_active", "-published_at")[:limit]
    )
