"""Reads of contacts and company records, joins applied."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from job_tracker.models import Company, Contact, Interview, JobApplication, JobPosting


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
    return Company.objects.filter(user=user, name__iexact=name.strip()).first()


def company_applications(*, company: Company) -> QuerySet[JobApplication]:
    return JobApplication.objects.filter(user_id=company.user_id, company_name__iexact=company.name).order_by(
        "-date_applied", "-id"
    )


def company_postings(*, company: Company, limit: int = 20) -> list[JobPosting]:
    rows = JobPosting.objects.filter(company_name__iexact=company.name).select_related("source")
    return list(
        rows.defer("description_html", "search_vector").order_by("-is_active", "-published_at")[:limit]
    )
