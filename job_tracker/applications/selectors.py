"""Job application reads shared by the API, the pages, the admin and tasks.

Querysets come with their joins applied so callers get a fixed number of queries.
"""

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404

from job_tracker.interviews.selectors import upcoming_by_application
from job_tracker.models import ApplicationEvent, ApplicationStatus, JobApplication


def application_list(*, user) -> QuerySet[JobApplication]:
    """The user's live (not soft-deleted) applications, newest activity first."""
    return JobApplication.objects.filter(user=user).select_related("resume_used", "job_posting")


def application_get(*, user, pk) -> JobApplication:
    """One live application of ``user``; 404 when absent, deleted or someone else's."""
    return get_object_or_404(application_list(user=user), pk=pk)


def deleted_application_list(*, user) -> QuerySet[JobApplication]:
    """The user's soft-deleted applications, most recently deleted first."""
    return (
        JobApplication.all_objects.filter(user=user, is_deleted=True)
        .select_related("resume_used", "job_posting")
        .order_by("-deleted_at", "-id")
    )


def deleted_application_get(*, user, pk) -> JobApplication:
    return get_object_or_404(deleted_application_list(user=user), pk=pk)


def application_events(*, application: JobApplication) -> QuerySet[ApplicationEvent]:
    """The application's history, oldest first."""
    return ApplicationEvent.objects.filter(application=application).order_by("created_at", "id")


def example_application_list() -> QuerySet[JobApplication]:
    """Public example applications (not deleted, owner's account live), in pipeline-friendly order."""
    return JobApplication.objects.filter(is_example=True, user__is_active=True).order_by(
        "company_name", "job_title", "id"
    )


def application_status_counts(*, user) -> dict[str, int]:
    """Live applications per status, every status present (zeros included), in pipeline order."""
    rows = (
        JobApplication.objects.filter(user=user)
        .order_by()
        .values("status")
        .annotate(n=Count("id"))
        .values_list("status", "n")
    )
    found = dict(rows)
    return {status: found.get(status, 0) for status in ApplicationStatus.values}


def application_board(*, user) -> list[dict]:
    """Kanban columns: one per status in pipeline order, each with its applications."""
    columns = {
        status: {"status": status, "label": label, "applications": []}
        for status, label in ApplicationStatus.choices
    }
    applications = list(application_list(user=user).order_by("-updated_at", "-id"))
    upcoming = upcoming_by_application(application_ids=[a.pk for a in applications])
    for application in applications:
        application.next_interview = upcoming.get(application.pk)
        columns[application.status]["applications"].append(application)
    return list(columns.values())


def application_any_state_list(*, user) -> QuerySet[JobApplication]:
    """All the user's applications, soft-deleted ones included (restore, export)."""
    return JobApplication.all_objects.filter(user=user).select_related("resume_used", "job_posting")
