"""The job board in a real browser: search, then "Track" swaps in a link through htmx."""

import os

import pytest
from django.conf import settings
from django.test import Client

from job_tracker.models import JobApplication
from job_tracker.tests.factories import JobPostingFactory, JobSourceFactory
from job_tracker.tests.jobs.test_matching import python_resume
from resumate.tests.browser import browser_page  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_search_and_track_without_a_reload(browser_page, live_server, user):  # noqa: F811
    python_resume(user)
    remotive = JobSourceFactory(kind="remotive", identifier="all", name="Remotive")
    posting = JobPostingFactory(
        source=remotive,
        title="Django Developer",
        company_name="Kraków Labs",
        remote="remote",
        skills_required=["Python", "Django", "Kubernetes"],
        url="https://remotive.com/remote-jobs/software-dev/django-developer-1",
    )
    JobPostingFactory(title="Registered Nurse", skills_required=["Patient Care"])
    page = browser_page
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )

    page.goto("/jobs/")
    page.fill("input[name=q]", "django")
    page.click("form.job-filters button[type=submit]")
    page.wait_for_url("**/jobs/?*q=django*")
    assert page.locator(".job-card").count() == 1
    assert "Registered Nurse" not in page.content()
    page.evaluate("window.__notReloaded = true")

    page.click(f"#track-{posting.pk} button")
    page.wait_for_selector(f"#track-{posting.pk} a:has-text('Added to wishlist')")

    assert page.evaluate("window.__notReloaded") is True
    assert page.locator(".skill-matched").all_inner_texts() == ["✓ Python", "✓ Django"]
    assert JobApplication.objects.get(user=user).job_posting_id == posting.pk
    if os.environ.get("JOBS_SCREENSHOT"):
        page.screenshot(path=os.environ["JOBS_SCREENSHOT"], full_page=True)
