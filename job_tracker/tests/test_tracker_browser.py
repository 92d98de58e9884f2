"""Interviews, follow-ups and outcomes in a real browser: htmx follow-up actions, the outcomes chart."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from job_tracker.models import JobApplication
from job_tracker.tests.factories import JobApplicationFactory, make_resume
from resumate.tests.browser import browser_page  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_follow_up_snooze_and_done_without_a_reload(browser_page, live_server, user):  # noqa: F811
    page = browser_page
    resume = make_resume(user, "Data engineer")
    waiting = []
    for company in ("Globex", "Initech"):
        application = JobApplicationFactory(
            user=user, status="applied", company_name=company, resume_used=resume
        )
        JobApplication.objects.filter(pk=application.pk).update(
            date_applied=timezone.localdate() - timedelta(days=12)
        )
        waiting.append(application)
    sign_in(page, live_server, user)
    page.goto("/dashboard/")
    page.evaluate("window.__notReloaded = true")
    page.click(f"#follow-up-{waiting[0].pk} button:has-text('Snooze')")
    page.wait_for_selector(f"#follow-up-{waiting[0].pk}", state="detached")
    page.click(f"#follow-up-{waiting[1].pk} button:has-text('Done')")
    page.wait_for_selector("#follow-up-list:has-text('Nothing to follow up on.')")
    assert page.evaluate("window.__notReloaded") is True
    assert JobApplication.objects.get(pk=waiting[1].pk).followed_up_at is not None


def test_adding_an_interview_shows_it_on_the_page_and_the_card(browser_page, live_server, user):  # noqa: F811
    page = browser_page
    application = JobApplicationFactory(user=user, status="interviewing", job_title="Data engineer")
    sign_in(page, live_server, user)
    page.goto(f"/applications/{application.pk}/interviews/new/")
    page.select_option("select[name=kind]", "technical")
    start = timezone.localtime() + timedelta(days=3)
    page.fill("input[name=starts_at]", start.strftime("%Y-%m-%dT10:00"))
    page.fill("input[name=ends_at]", start.strftime("%Y-%m-%dT11:30"))
    page.select_option("select[name=time_zone]", "Europe/Prague")
    page.fill("input[name=location]", "Václavské náměstí 1")
    page.click("button:has-text('Add interview')")
    page.wait_for_selector("#interviews li.interview")
    assert "Václavské náměstí 1" in page.inner_text("#interviews")
    assert "Europe/Prague" in page.inner_text("#interviews")
    page.goto("/applications/")
    assert "Next: Technical" in page.inner_text(f"#application-{application.pk}")
