"""Registrations made from ``ResumesConfig.ready()``: owned data and the dashboard panel."""

from accounts.registry import register_dashboard_panel, register_user_data

from .panels import stats_panel


def connect() -> None:
    from .models import Integration, WebhookLog

    register_user_data(
        "resumes.integration",
        lambda user: Integration.objects.filter(user=user),
        exclude=("secret_encrypted",),
    )
    register_user_data("resumes.webhooklog", lambda user: WebhookLog.objects.filter(integration__user=user))
    register_dashboard_panel("resumes/integrations/_stats_panel.html", stats_panel, order=20)
