"""Reads of saved searches, shared by the API, the pages and the tasks."""

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from job_tracker.models import SavedSearch, SavedSearchMatch


def saved_search_list(*, user) -> QuerySet[SavedSearch]:
    """The user's searches with their source and how many postings each has announced (one query)."""
    return (
        SavedSearch.objects.filter(user=user)
        .select_related("source")
        .annotate(
            announced_count=Count("matches", filter=Q(matches__state=SavedSearchMatch.State.SENT)),
            pending_count=Count("matches", filter=Q(matches__state=SavedSearchMatch.State.PENDING)),
        )
        .order_by("-created_at", "-id")
    )


def saved_search_get(*, user, pk) -> SavedSearch:
    """The user's search; another user's or a missing one is a 404."""
    return get_object_or_404(saved_search_list(user=user), pk=pk)
