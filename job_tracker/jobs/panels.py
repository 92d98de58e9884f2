"""Dashboard panel: the user's best-matching active postings."""

from dataclasses import asdict

from django.core.cache import cache

from . import selectors
from .semantic.index import current_index_id
from .semantic.ranking import RankedMatch, blended_recommendations
from .services import postings_generation

PANEL_SIZE = 5
PANEL_CACHE_SECONDS = 10 * 60


def recommendations_panel_context(request) -> dict:
    """Dashboard panel: the user's best-matching active postings, ranked as the API ranks them.

    Ranking scans every active posting, so the dashboard keeps the result for a
    few minutes; a scrape that changes postings starts a new cache generation,
    and a refitted semantic index (new similarities) a new key.
    """
    key = f"job_tracker:dashboard-recs:{request.user.pk}:{postings_generation()}:{current_index_id()}"
    cached = cache.get(key)
    if cached is not None:
        postings = selectors.posting_list().in_bulk([row["id"] for row in cached])
        rows = [
            {"posting": postings[row["id"]], "match": RankedMatch(**row["match"])}
            for row in cached
            if row["id"] in postings
        ]
    else:
        ranked = blended_recommendations(user=request.user, limit=PANEL_SIZE)
        rows = [{"posting": posting, "match": match} for posting, match in ranked]
        cache.set(
            key, [{"id": r["posting"].pk, "match": asdict(r["match"])} for r in rows], PANEL_CACHE_SECONDS
        )
    return {"rows": rows}
