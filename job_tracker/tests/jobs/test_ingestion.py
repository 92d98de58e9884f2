"""Scraping end to end: task -> adapter -> local board -> bulk upsert -> rows and source status."""

import json
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from werkzeug import Response

from job_tracker.jobs.scraping import NormalizedPosting
from job_tracker.jobs.services import ingest_postings
from job_tracker.jobs.tasks import scrape_job_sources, scrape_source
from job_tracker.models import JobPosting
from job_tracker.tests.factories import JobPostingFactory, JobSourceFactory

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_scraping(settings):
    settings.JOB_SCRAPE_TIMEOUT = 0.3
    settings.JOB_SCRAPE_MAX_RETRIES = 1
    settings.JOB_SCRAPE_BACKOFF_SECONDS = 0
    settings.JOB_SCRAPE_REQUEST_DELAY = 0


def greenhouse_body(drop_ids=()):
    data = json.loads((FIXTURES / "greenhouse_jobs.json").read_text(encoding="utf-8"))
    data["jobs"] = [j for j in data["jobs"] if j.get("id") not in drop_ids]
    return data


@pytest.fixture
def greenhouse(httpserver):
    return JobSourceFactory(kind="greenhouse", identifier="acmeanalytics", base_url=httpserver.url_for("/"))


def serve_greenhouse(httpserver, body):
    httpserver.clear()
    httpserver.expect_request("/v1/boards/acmeanalytics/jobs").respond_with_json(body)


def test_scrape_creates_normalised_postings_with_skills(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())

    summary = scrape_source.delay(greenhouse.pk).get()

    assert summary["status"] == "ok"
    assert (summary["fetched"], summary["created"], summary["updated"], summary["skipped"]) == (2, 2, 0, 1)
    posting = JobPosting.objects.get(source=greenhouse, external_id="4012345006")
    assert posting.title == "Senior Backend Engineer (Python/Django)"
    assert posting.company_name == "Acme Analytics"
    assert posting.remote == "remote"
    assert posting.is_active
    assert {"Python", "Django", "PostgreSQL", "Celery", "Redis"} <= set(posting.skills_required)
    assert "<p>" in posting.description_html and "<" not in posting.description
    greenhouse.refresh_from_db()
    assert (greenhouse.last_status, greenhouse.last_error, greenhouse.postings_seen) == ("ok", "", 2)
    assert greenhouse.last_run_at is not None


def test_rerunning_creates_no_duplicates_and_keeps_first_seen(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())
    scrape_source.delay(greenhouse.pk)
    first_seen = JobPosting.objects.get(external_id="4012345006").first_seen_at

    summary = scrape_source.delay(greenhouse.pk).get()

    assert (summary["created"], summary["updated"], summary["deactivated"]) == (0, 2, 0)
    assert JobPosting.objects.filter(source=greenhouse).count() == 2
    posting = JobPosting.objects.get(external_id="4012345006")
    assert posting.first_seen_at == first_seen
    assert posting.last_seen_at > first_seen


def test_a_posting_removed_from_the_board_becomes_inactive_and_can_return(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())
    scrape_source.delay(greenhouse.pk)

    serve_greenhouse(httpserver, greenhouse_body(drop_ids={4012345007}))
    summary = scrape_source.delay(greenhouse.pk).get()

    assert summary["deactivated"] == 1
    assert not JobPosting.objects.get(external_id="4012345007").is_active
    assert JobPosting.objects.get(external_id="4012345006").is_active

    serve_greenhouse(httpserver, greenhouse_body())
    scrape_source.delay(greenhouse.pk)
    assert JobPosting.objects.get(external_id="4012345007").is_active


def _slow(request):
    time.sleep(0.8)
    return Response("{}", content_type="application/json")


@pytest.mark.parametrize(
    ("respond", "error"),
    [
        (lambda h: h.respond_with_data("Internal Server Error", status=500), "HTTP 500"),
        (lambda h: h.respond_with_handler(_slow), "Timeout"),
        (lambda h: h.respond_with_data('{"jobs": [{"id": 1,', content_type="application/json"), "Malformed"),
        (lambda h: h.respond_with_json({"jobs": "none"}), "no 'jobs' list"),
    ],
    ids=["500", "timeout", "malformed-json", "wrong-shape"],
)
def test_a_failing_source_keeps_every_posting_and_reports_the_error(httpserver, greenhouse, respond, error):
    serve_greenhouse(httpserver, greenhouse_body())
    scrape_source.delay(greenhouse.pk)
    other = JobPostingFactory()  # another source's posting
    httpserver.clear()
    respond(httpserver.expect_request("/v1/boards/acmeanalytics/jobs"))

    summary = scrape_source.delay(greenhouse.pk, force=True).get()

    assert summary["status"] == "failed"
    assert JobPosting.objects.filter(source=greenhouse, is_active=True).count() == 2
    assert JobPosting.objects.get(pk=other.pk).is_active
    greenhouse.refresh_from_db()
    assert greenhouse.last_status == "failed"
    assert error in greenhouse.last_error
    assert greenhouse.postings_seen == 2  # from the last good run


def test_the_schedule_fans_out_and_isolates_a_broken_source(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())
    httpserver.expect_request("/v0/postings/gone").respond_with_data("Bad Gateway", status=502)
    broken = JobSourceFactory(kind="lever", identifier="gone", base_url=httpserver.url_for("/"))
    kept = JobPostingFactory(source=broken)
    JobSourceFactory(is_active=False, base_url=httpserver.url_for("/"))

    queued = scrape_job_sources.delay().get()

    assert queued == [greenhouse.pk, broken.pk]
    assert JobPosting.objects.filter(source=greenhouse).count() == 2
    broken.refresh_from_db()
    assert broken.last_status == "failed" and "HTTP 502" in broken.last_error
    assert JobPosting.objects.get(pk=kept.pk).is_active


def test_remotive_minimum_interval_is_respected_by_the_schedule_but_not_when_forced(httpserver):
    httpserver.expect_request("/api/remote-jobs").respond_with_data(
        (FIXTURES / "remotive_jobs.json").read_text(encoding="utf-8"), content_type="application/json"
    )
    remotive = JobSourceFactory(
        kind="remotive",
        identifier="all",
        base_url=httpserver.url_for("/"),
        last_run_at=timezone.now() - timedelta(hours=2),
    )

    assert scrape_job_sources.delay().get() == []
    assert scrape_source.delay(remotive.pk).get()["status"] == "skipped"
    assert scrape_source.delay(remotive.pk, force=True).get()["created"] == 2

    remotive.last_run_at = timezone.now() - timedelta(hours=7)
    remotive.save()
    assert scrape_job_sources.delay().get() == [remotive.pk]


def test_ingest_dedupes_within_a_batch_and_counts():
    source = JobSourceFactory()
    postings = [
        NormalizedPosting(external_id="a", title="Python Developer", description="Django and Celery"),
        NormalizedPosting(external_id="a", title="Duplicate of a"),
        NormalizedPosting(external_id="b", title="Go Developer", salary_min=90000, salary_max=60000),
    ]

    summary = ingest_postings(source=source, postings=postings)

    assert (summary.fetched, summary.created) == (2, 2)
    assert JobPosting.objects.get(external_id="a").title == "Python Developer"
    b = JobPosting.objects.get(external_id="b")
    assert (b.salary_min, b.salary_max) == (60000, 90000)


def test_ingest_is_one_upsert_per_batch(django_assert_max_num_queries):
    source = JobSourceFactory()
    postings = [NormalizedPosting(external_id=str(i), title=f"Engineer {i}") for i in range(2500)]

    # Savepoint pair + (existing-ids select + upsert) x 3 batches + deactivation. SQLite caps
    # a statement at 999 parameters, so Django splits each batch's INSERT there.
    with django_assert_max_num_queries(9 if connection.vendor == "postgresql" else 70):
        summary = ingest_postings(source=source, postings=postings)

    assert summary.created == 2500
    assert JobPosting.objects.filter(source=source).count() == 2500


def test_beat_schedule_exists_after_migrate():
    task = PeriodicTask.objects.get(task="job_tracker.tasks.scrape_job_sources")
    assert task.enabled
    assert task.crontab.hour == "*/4" and task.crontab.minute == "0"
    assert str(task.crontab.timezone) == "UTC"


def test_scrape_jobs_command_prints_a_summary_per_source(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())
    broken = JobSourceFactory(kind="lever", identifier="gone", base_url=httpserver.url_for("/"))
    httpserver.expect_request("/v0/postings/gone").respond_with_data("nope", status=404)
    out = StringIO()

    call_command("scrape_jobs", "--sync", stdout=out, stderr=StringIO())

    text = out.getvalue()
    assert f"#{greenhouse.pk}" in text and "ok" in text
    assert "fetched 2, created 2, updated 0, deactivated 0, skipped 1" in text
    assert f"#{broken.pk}" in text and "failed" in text and "HTTP 404" in text
    assert "Total: 2 sources, fetched 2, created 2" in text


def test_scrape_jobs_one_source_ignores_the_minimum_interval(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())
    greenhouse.min_interval_hours = 24
    greenhouse.last_run_at = timezone.now()
    greenhouse.save()
    out = StringIO()

    call_command("scrape_jobs", "--sync", stdout=out, stderr=StringIO())
    assert JobPosting.objects.count() == 0
    assert "not due" in out.getvalue()

    call_command("scrape_jobs", "--source", str(greenhouse.pk), "--sync", stdout=out, stderr=StringIO())
    assert JobPosting.objects.count() == 2


def test_an_inactive_source_is_left_alone_unless_named(httpserver, greenhouse):
    serve_greenhouse(httpserver, greenhouse_body())
    greenhouse.is_active = False
    greenhouse.save()

    assert scrape_job_sources.delay().get() == []
    assert scrape_source.delay(greenhouse.pk).get()["status"] == "skipped"
    call_command(
        "scrape_jobs", "--source", str(greenhouse.pk), "--sync", stdout=StringIO(), stderr=StringIO()
    )

    assert JobPosting.objects.filter(source=greenhouse).count() == 2


def test_a_scrape_already_running_is_not_started_twice(httpserver, greenhouse):
    from django.core.cache import cache

    serve_greenhouse(httpserver, greenhouse_body())
    cache.add(f"job_tracker:scrape-lock:{greenhouse.pk}", 1, 60)

    assert scrape_source.delay(greenhouse.pk, force=True).get()["status"] == "skipped"
    assert JobPosting.objects.count() == 0


def test_a_redelivered_scrape_takes_over_the_lock_its_killed_first_attempt_left(httpserver, greenhouse):
    """A worker killed mid-scrape leaves its lock; the broker hands the same task (same id) out again."""
    from django.core.cache import cache

    serve_greenhouse(httpserver, greenhouse_body())
    cache.add(f"job_tracker:scrape-lock:{greenhouse.pk}", "task-1", 60)

    assert scrape_source.apply(args=[greenhouse.pk], task_id="task-2").get()["status"] == "skipped"
    assert scrape_source.apply(args=[greenhouse.pk], task_id="task-1").get()["status"] == "ok"
    assert JobPosting.objects.filter(source=greenhouse).count() == 2
    assert cache.get(f"job_tracker:scrape-lock:{greenhouse.pk}") is None
