"""Dashboard panel: live applications per status, as an SVG bar chart."""

from job_tracker.models import ApplicationStatus

from . import selectors

CHART_BAR_MAX = 170  # px of the 300-wide panel chart left for the longest bar


def applications_panel_context(request) -> dict:
    """Live applications per status, every status present, with the bars' geometry."""
    counts = selectors.application_status_counts(user=request.user)
    peak = max(counts.values()) or 1
    rows = []
    for index, (status, label) in enumerate(ApplicationStatus.choices):
        width = round(CHART_BAR_MAX * counts[status] / peak)
        rows.append(
            {"label": label, "count": counts[status], "y": index * 20, "width": width, "label_x": 100 + width}
        )
    return {"total": sum(counts.values()), "rows": rows, "height": len(rows) * 20}
