"""Dashboard panel: the user's best-matching active postings."""

from dataclasses import asdict

from django.core.cache import cache

from . import selectors
from .matching import Match, recommendations
from .services import postings_generation

PANEL_SIZE = 5
PANEL_CACHE_SECONDS = 10 * 60


def recommendations_panel_context(request) -> dict:
    """Dashboard panel: the user's best-matching active postings.

    Ranking scans every active posting, so the dashboard keeps the result for a
    few minutes; a scrape that changes postings starts a new cache generation.
    """
    key = f"job_tracker:dashboard-recs:{request.user.pk}:{postings_generation()}"
    cached = cache.get(key)
    if cached is not None:
        postings = selectors.posting_list().in_bulk([row["id"] for row in cached])
        rows = [
            {"posting": postings[row["id"]], "match": Match(**row["match"])}
            for row in cached
            if row["id"] in postings
        ]
    else:
        ranked = recommendations(user=request.user, limit=PANEL_SIZE)
        rows = [{"posting": posting, "match": match} for posting, match in ranked]
        cache.set(
            key, [{"id": r["posting"].pk, "match": asdict(r["match"])} for r in rows], PANEL_CACHE_SECONDS
        )
    return {"rows": rows}
