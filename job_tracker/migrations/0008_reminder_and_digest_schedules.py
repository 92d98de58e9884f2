"""Backfill the new application columns and schedule interview reminders and follow-up digests.

Applications made from a posting came from a job board; every employer name
already applied to gets its company record. Both schedules run in UTC (explicit:
without it a schedule made here is UTC only by accident); the tasks pick what is
due themselves, in each user's own time zone.
"""

from django.db import migrations
from django.utils import timezone

SCHEDULES = [
    (
        "Send interview reminders",
        "job_tracker.tasks.send_interview_reminders",
        {"minute": "*/10", "hour": "*"},
        "Every 10 minutes: e-mail each interview's reminder once, the user's chosen hours before it.",
    ),
    (
        "Send follow-up digests",
        "job_tracker.tasks.send_follow_up_digests",
        {"minute": "5", "hour": "*"},
        "Hourly: the follow-up digest for users who opted in, at 08:xx in their own time zone, once a day.",
    ),
]


def forwards(apps, schema_editor):
    JobApplication = apps.get_model("job_tracker", "JobApplication")
    Company = apps.get_model("job_tracker", "Company")
    JobApplication.objects.filter(job_posting__isnull=False).update(source="board")
    seen = set()
    companies = []
    rows = JobApplication.objects.exclude(company_name="").values_list("user_id", "company_name")
    for user_id, name in rows.order_by("user_id", "id").iterator():
        name_key = " ".join(name.split()).casefold()[:200]  # as company_key() in job_tracker.contacts
        if name_key and (user_id, name_key) not in seen:
            seen.add((user_id, name_key))
            companies.append(Company(user_id=user_id, name=name.strip(), name_key=name_key))
    Company.objects.bulk_create(companies, batch_size=1000, ignore_conflicts=True)

    CrontabSchedule = apps.get_model("django_celery_beat", "CrontabSchedule")
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTasks = apps.get_model("django_celery_beat", "PeriodicTasks")
    for name, task, crontab_fields, description in SCHEDULES:
        crontab, _ = CrontabSchedule.objects.get_or_create(
            **crontab_fields, day_of_week="*", day_of_month="*", month_of_year="*", timezone="UTC"
        )
        PeriodicTask.objects.get_or_create(
            name=name, defaults={"task": task, "crontab": crontab, "description": description}
        )
    # Historical models send no signals: tell a running Beat to reload its schedule.
    PeriodicTasks.objects.update_or_create(ident=1, defaults={"last_update": timezone.now()})


def backwards(apps, schema_editor):
    PeriodicTask = apps.get_model("django_celery_beat", "PeriodicTask")
    PeriodicTask.objects.filter(name__in=[name for name, *_ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("job_tracker", "0007_outcomes_interviews_contacts"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
