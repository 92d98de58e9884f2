"""Hooks into accounts: data export / erasure and the dashboard panel."""


def register_reports():
    from accounts.registry import register_dashboard_panel, register_user_data
    from job_tracker.models import WeeklyReport

    from .views import dashboard_panel

    register_user_data("job_tracker.weeklyreport", lambda user: WeeklyReport.objects.filter(user=user))
    register_dashboard_panel("job_tracker/reports/_panel.html", dashboard_panel, order=60)
