"""Demo weekly reports: the last 12 weeks for the demo user, from the seeded applications.

Idempotent: reports are upserted per (user, week); nothing is e-mailed.
"""

from datetime import timedelta

from job_tracker.models import WeeklyReport

from .metrics import TREND_WEEKS
from .services import generate_weekly_reports, report_users
from .weeks import previous_week_start, zone


def seed(*, staff, demo, stdout):
    user = report_users().get(pk=demo.pk)
    last = previous_week_start(tz=zone(user.time_zone))
    for weeks_back in range(TREND_WEEKS - 1, -1, -1):
        generate_weekly_reports(users=[user], week_start=last - timedelta(weeks=weeks_back))
    count = WeeklyReport.objects.filter(user=user).count()
    stdout.write(f"Weekly reports: {count} report(s) for {user.username}.")
