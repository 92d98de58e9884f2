"""Beat's schedule names tasks as text in the database; every name must reach a registered task."""

import pytest
from django_celery_beat.models import PeriodicTask

from resumate.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_every_scheduled_task_is_registered():
    celery_app.loader.import_default_modules()  # what a worker does at start: autodiscover_tasks()
    scheduled = set(PeriodicTask.objects.values_list("task", flat=True))
    assert scheduled >= {"job_tracker.tasks.scrape_job_sources", "job_tracker.tasks.send_weekly_reports"}
    assert scheduled - set(celery_app.tasks) == set()


def test_task_names_stay_where_the_schedule_and_callers_expect_them():
    celery_app.loader.import_default_modules()
    names = {
        "job_tracker.tasks.scrape_source",
        "job_tracker.tasks.scrape_job_sources",
        "job_tracker.tasks.send_weekly_reports",
        "job_tracker.tasks.send_weekly_reports_batch",
    }
    assert names <= set(celery_app.tasks)
