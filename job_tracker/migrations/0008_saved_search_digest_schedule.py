"""Beat rows for the saved-search digests: daily at 08:00 and Mondays at 08:00, in settings.TIME_ZONE.

Instant alerts need no schedule (they follow each scrape). The rows are
editable in the admin; reversing removes them.
"""

import json

from django.conf import settings
from django.db import migrations
from django.utils import timezone

TASK = "job_tracker.tasks.send_saved_search_digests"
ROWS = {
    "Saved-search daily digest": ("daily", {"day_of_week": "*"}, "Every day 08:00: pending saved-search alerts."),
    "Saved-search weekly digest": ("weekly", {"day_of_week": "1"}, "Mondays 08:00: pending saved-search alerts."),
}


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, (frequency, days, description) in ROWS.items():
        # Explicit time zone: without it a schedule made here is UTC by accident.
        crontab, _ = CrontabSchedule.objects.get_or_create(
            minute="0", hour="8", day_of_month="*", month_of_year="*", timezone=settings.TIME_ZONE, **days
        )
        PeriodicTask.objects.get_or_create(
            name=name,
            defaults={
                "task": TASK,
                "crontab": crontab,
                "kwargs": json.dumps({"frequency": frequency}),
                "description": description,
            },
        )
    # Historical models send no signals: tell a running Beat to reload its schedule.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def remove_schedule(apps, schema_editor):
    apps.get_model("django_celery_beat", "PeriodicTask").objects.filter(name__in=list(ROWS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("job_tracker", "0007_boards_alerts_semantic_hh"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
