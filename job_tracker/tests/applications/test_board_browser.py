"""The kanban board in a real browser: htmx moves a card without reloading the page."""

import pytest
from django.conf import settings
from django.test import Client

from job_tracker.models import JobApplication
from job_tracker.tests.factories import JobApplicationFactory
from resumate.tests.browser import browser_page  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_moving_a_card_updates_the_board_in_place(browser_page, live_server, user):  # noqa: F811
    application = JobApplicationFactory(user=user, job_title="Rust developer", company_name="Ørsted")
    page = browser_page
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    page.goto("/applications/")
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
