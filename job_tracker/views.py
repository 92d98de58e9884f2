"""Server-rendered application pages: kanban board, list, detail, recently deleted."""

from . import selectors
from .models import ApplicationStatus

CHART_BAR_MAX = 170  # px of the 300-wide panel chart left for the longest bar


def applications_panel_context(request) -> dict:
    """Dashboard panel: live applications per status, as an SVG bar chart."""
    counts = selectors.application_status_counts(user=request.user)
    peak = max(counts.values()) or 1
    rows = []
    for index, (status, label) in enumerate(ApplicationStatus.choices):
        width = round(CHART_BAR_MAX * counts[status] / peak)
        rows.append(
            {"label": label, "count": counts[status], "y": index * 20, "width": width, "label_x": 100 + width}
        )
    return {"total": sum(counts.values()), "rows": rows, "height": len(rows) * 20}
