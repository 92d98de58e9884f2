"""Dashboard panel: the latest weekly report."""

from . import selectors


def dashboard_panel(request):
    return {"report": selectors.latest_report(user=request.user)}
