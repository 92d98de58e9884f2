"""Dashboard panel: applications waiting for a follow-up."""

from . import selectors

PANEL_ROWS = 8


def follow_up_panel(request) -> dict:
    settings = selectors.tracker_settings(user=request.user)
    rows = list(selectors.follow_up_list(user=request.user, days=settings.follow_up_days)[: PANEL_ROWS + 1])
    return {
        "applications": rows[:PANEL_ROWS],
        "more": len(rows) > PANEL_ROWS,
        "days": settings.follow_up_days,
    }
