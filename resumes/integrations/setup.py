"""Registrations made from ``ResumesConfig.ready()``: owned data and the dashboard panel."""

from accounts.registry import register_dashboard_panel, register_user_data

from .stats import achievement_stats, per_year_chart


def stats_panel(request) -> dict:
    from resumes.models import AchievementType

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


def connect() -> None:
    from .models import Integration, WebhookLog

    register_user_data(
        "resumes.integration",
        lambda user: Integration.objects.filter(user=user),
        exclude=("secret_encrypted",),
    )
    register_user_data("resumes.webhooklog", lambda user: WebhookLog.objects.filter(integration__user=user))
    register_dashboard_panel("resumes/integrations/_stats_panel.html", stats_panel, order=20)
