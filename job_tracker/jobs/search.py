"""Full-text search over job postings.

PostgreSQL matches the stored, trigger-maintained ``search_vector`` (GIN
indexed, migration 0002) with a web-search style query and ranks by
``ts_rank``; other databases fall back to case-insensitive substring matching
of every word over title, company and description.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q, QuerySet

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200


def search_postings(queryset: QuerySet, query: str) -> QuerySet:
    """``queryset`` narrowed to postings matching ``query``, best first on PostgreSQL."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        search = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIG)
        return (
            queryset.filter(search_vector=search)
            .annotate(search_rank=SearchRank(F("search_vector"), search))
            .order_by("-search_rank", "-published_at", "-id")
        )
    for word in query.split():
        word = word.strip("\"'()")
        if word and word.lower() not in {"or", "and"} and not word.startswith("-"):
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(company_name__icontains=word) | Q(description__icontains=word)
            )
    return queryset
