"""What follows a scrape once its postings are committed: saved-search alerts and the semantic refit."""

from django.db import transaction

from .alerts.tasks import collect_saved_search_matches
from .semantic.tasks import queue_refit


def after_scrape(*, source_id: int, seen_at, created: int) -> None:
    """Queue (on commit) the alert collection for the postings first seen at ``seen_at``, and a refit."""
    if not created:
        return
    when = seen_at.isoformat()
    transaction.on_commit(lambda: collect_saved_search_matches.delay(source_id, when), robust=True)
    queue_refit()
