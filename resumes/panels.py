"""The achievements panel on the dashboard."""

from . import selectors


def achievements_panel(request) -> dict:
    return selectors.dashboard_figures(user=request.user)
