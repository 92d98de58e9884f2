"""Variant pages in a real browser: the live preview redraws through htmx; phone and desktop widths fit."""

import pytest
from django.conf import settings
from django.test import Client

from resumate.tests.browser import browser_page  # noqa: F401  (fixture)
from resumes import services
from resumes.variants import services as variant_services

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def test_variant_editor_previews_live_and_pages_fit_phone_and_desktop(browser_page, live_server, user):  # noqa: F811
    services.achievement_create(
        user=user, type="job", title="Backend Developer", organization="Kiwi.com", start_date="2021-01-01",
        tags=["backend"], skills=["Python", "Django"], highlights=["Cut p95 latency by 40%"],
    )  # fmt: skip
    services.achievement_create(
        user=user, type="degree", title="Computer Science", organization="ČVUT", start_date="2014-09-01",
        end_date="2018-06-30",
    )  # fmt: skip
    main = services.rebuild_resume(user=user)
    variant = variant_services.variant_create(main=main, title="Backend only", definition={"types": ["job"]})
    page = browser_page
    _sign_in(page, live_server, user)

    page.goto(f"/resumes/{main.pk}/variants/new/")
    preview = page.locator("#variant-preview")
    assert "ČVUT" in preview.inner_text()
    page.evaluate("window.__notReloaded = true")
    page.check("input[name=types][value=job]")
    page.wait_for_selector("#variant-preview:has-text('leaves out 1')")
    assert "ČVUT" not in preview.inner_text() and "Kiwi.com" in preview.inner_text()
    page.check("input[name=anonymize]")
    page.wait_for_selector("#variant-preview:has-text('A company')")
    assert page.evaluate("window.__notReloaded") is True

    pages = [
        f"/resumes/{main.pk}/variants/new/",
        f"/resumes/{variant.pk}/variant/",
        f"/resumes/{variant.pk}/",
        f"/resumes/compare/?a={main.pk}&b={variant.pk}",
        "/resumes/",
    ]
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for url in pages:
            page.goto(url)
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px at {width}px"
