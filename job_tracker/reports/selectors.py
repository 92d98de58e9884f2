from job_tracker.models import WeeklyReport


def reports_for_user(*, user):
    """The user's reports, newest week first."""
    return WeeklyReport.objects.filter(user=user).order_by("-week_start", "-id")


def latest_report(*, user) -> WeeklyReport | None:
    return reports_for_user(user=user).first()
