"""Weekly reports: Beat runs ``send_weekly_reports`` hourly; the task picks the users at Monday 09:xx locally.

Only the crontab (and description) of the existing row change, so an operator's
edits to it (enabled, queue, ...) survive and it stays editable in the admin. An
installation that deleted the row is left without it. Reversing restores the
Monday 09:00 settings.TIME_ZONE schedule of 0005.
"""

from django.conf import settings
from django.db import migrations
from django.utils import timezone

TASK_NAME = "Send weekly reports"
HOURLY = {"minute": "0", "hour": "*", "day_of_week": "*", "day_of_month": "*", "month_of_year": "*"}
MONDAY_9 = {"minute": "0", "hour": "9", "day_of_week": "1", "day_of_month": "*", "month_of_year": "*"}


def _reschedule(apps, crontab_fields, description):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    task = PeriodicTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        return
    task.crontab, _ = CrontabSchedule.objects.get_or_create(**crontab_fields)
    task.interval = task.solar = task.clocked = None
    task.description = description
    task.save(update_fields=["crontab", "interval", "solar", "clocked", "description", "date_changed"])
    # Historical models send no signals: tell a running Beat to reload its schedule.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def hourly(apps, schema_editor):
    # Explicit UTC: every hour of every zone is an hour in UTC, and no DST gap or repeat.
    _reschedule(
        apps,
        {**HOURLY, "timezone": "UTC"},
        "Hourly: last week's report for each active user at Monday 09:xx in their own time zone, e-mailed once.",
    )


def monday_9(apps, schema_editor):
    _reschedule(
        apps,
        {**MONDAY_9, "timezone": settings.TIME_ZONE},
        "Every Monday 09:00: last week's report for every active user, e-mailed once.",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("job_tracker", "0005_weekly_report_schedule"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(hourly, monday_9)]
