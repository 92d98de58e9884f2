"""Every 4 hours, on the hour: ``scrape_job_sources`` (editable afterwards in the admin).

Created here so a fresh database has the schedule; the crontab's time zone is
explicit because django-celery-beat defaults to UTC only while Celery is loaded.
"""

from django.conf import settings
from django.db import migrations

TASK_NAME = "Scrape job boards every 4 hours"
TASK = "job_tracker.tasks.scrape_job_sources"


def create_schedule(apps, schema_editor):
    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    crontab, _ = CrontabSchedule.objects.get_or_create(
        minute="0",
        hour="*/4",
        day_of_week="*",
        day_of_month="*",
        month_of_year="*",
        timezone=settings.TIME_ZONE,
    )
    PeriodicTask.objects.get_or_create(
        name=TASK_NAME,
        defaults={
            "task": TASK,
            "crontab": crontab,
            "enabled": True,
            "description": "Fans out one scrape per active, due job source.",
        },
    )


def remove_schedule(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("job_tracker", "0002_posting_search_vector"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
