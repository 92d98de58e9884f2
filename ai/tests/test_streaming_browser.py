"""The cover-letter page in a real browser: the letter grows on screen while it is written."""

import datetime as dt
import time

import pytest
from django.core.cache import cache
from django.test import Client

from job_tracker.models import JobApplication
from resumate.tests.browser import browser_page  # noqa: F401  (fixture)
from resumes.services import achievement_create

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


@pytest.fixture
def application(user):
    # Through the services: with real commits the rebuild runs, as in production.
    user.first_name, user.last_name = "Zoë", "Brontë"
    user.save()
    for title, org, start, end, highlights in [
        ("Backend Developer", "Acme Analytics", dt.date(2021, 3, 1), None,
         ["Cut API latency by 40% by adding Redis caching", "Led the move of 12 services to Docker"]),
        ("Junior Developer", "Müller & Söhne GmbH", dt.date(2018, 6, 1), dt.date(2021, 2, 28),
         ["Built a customer dashboard used by 3,000 people"]),
    ]:  # fmt: skip
        achievement_create(
            user=user, type="job", title=title, organization=org, start_date=start, end_date=end,
            skills=["Python", "Django", "PostgreSQL"], highlights=highlights,
        )  # fmt: skip
    return JobApplication.objects.create(
        user=user,
        job_title="Senior Python Engineer",
        company_name="Fjord Logistics",
        original_job_description="You will build our platform with Python, Django and Kubernetes.",
    )


def test_the_letter_is_shown_while_it_is_written(browser_page, live_server, user, application, settings):  # noqa: F811
    settings.AI_OFFLINE_STREAM_DELAY_SECONDS = 0.15  # the offline writer, paced like a remote model
    cache.clear()  # a cached letter would arrive in one piece
    client = Client()
    client.force_login(user)
    page = browser_page
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
          "url": live_server.url}]
    )  # fmt: skip
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto("/ai/cover-letter/")
    page.select_option("select[name=application]", str(application.pk))
    page.click("form[data-stream-url] button[type=submit]")

    lengths = []
    probe = """() => {
        const text = document.querySelector("[data-stream-text]");
        const done = !!document.querySelector(".letter:not(.streaming)");
        return {done, length: text ? text.textContent.length : 0};
    }"""
    deadline = time.monotonic() + 90  # a ceiling against a hang, not a timing assertion
    while not (seen := page.evaluate(probe))["done"]:
        assert time.monotonic() < deadline, f"the letter never finished streaming: {lengths}"
        if seen["length"] and (not lengths or lengths[-1] != seen["length"]):
            lengths.append(seen["length"])
        page.wait_for_timeout(40)

    final = page.locator(".letter").inner_text()
    assert len(lengths) >= 3, lengths  # seen growing, not arriving at once
    assert lengths == sorted(lengths) and lengths[-1] <= len(final)
    assert "Saved on Senior Python Engineer at Fjord Logistics" in page.content()
    saved = JobApplication.objects.get(pk=application.pk).cover_letter
    assert saved.startswith("Dear Fjord Logistics hiring team,") and saved.split()[-1] in final
    assert errors == []
