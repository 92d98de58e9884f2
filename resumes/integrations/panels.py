"""The achievement statistics panel on the dashboard."""

from resumes.models import AchievementType

from .stats import achievement_stats, per_year_chart


def stats_panel(request) -> dict:
    stats = achievement_stats(user=request.user)
    months = stats["experience_months"]
    years, rest = divmod(months, 12)
    parts = [f"{years} yr" if years else "", f"{rest} mo" if rest or not years else ""]
    labels = dict(AchievementType.choices)
    return {
        "stats": stats,
        "chart": per_year_chart(stats["per_year"]),
        "experience_years": " ".join(p for p in parts if p),
        "types": [(labels[t], n) for t, n in stats["by_type"].items() if n],
    }
