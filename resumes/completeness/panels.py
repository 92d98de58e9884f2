"""The completeness panel on the dashboard."""

from .rules import profile_completeness


def completeness_panel(request) -> dict:
    return profile_completeness(user=request.user)
