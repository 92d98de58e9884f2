"""The kanban board in a real browser: htmx moves a card without reloading the page."""

import os

import pytest
from django.conf import settings
from django.test import Client

from job_tracker.models import JobApplication

from .application_factories import JobApplicationFactory

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium"),
]


@pytest.fixture
def browser_page(live_server, user, monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the ORM calls here are still synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        yield context.new_page()
        browser.close()


def test_moving_a_card_updates_the_board_in_place(browser_page, live_server, user):
    application = JobApplicationFactory(user=user, job_title="Rust developer", company_name="Ørsted")
    page = browser_page
    page.goto(f"{live_server.url}/applications/")
    page.evaluate("window.__notReloaded = true")

    card = f"#application-{application.pk}"
    page.select_option(f"{card} select[name=status]", "screening")
    page.wait_for_selector(f'section[data-status="screening"] {card}')
    assert page.evaluate("window.__notReloaded") is True

    page.drag_and_drop(card, 'section[data-status="offer"]')
    page.wait_for_selector(f'section[data-status="offer"] {card}')
    assert page.evaluate("window.__notReloaded") is True

    moves = list(JobApplication.objects.get(pk=application.pk).events.values_list("from_status", "to_status"))
    assert moves == [("", "wishlist"), ("wishlist", "screening"), ("screening", "offer")]
