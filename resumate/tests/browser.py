"""Headless Chromium through Playwright, for tests that need a real browser.

Uses Debian's Chromium (Playwright's own browser download does not work
here). Without it the browser tests skip, unless REQUIRE_BROWSER=1 (CI sets
it), when they fail instead.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def browser_page(live_server, monkeypatch):
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    # Playwright's sync API runs its own event loop; Django must allow ORM calls beside it.
    # monkeypatch: the flag must not leak into later tests (check --deploy refuses it).
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(base_url=live_server.url)
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            browser.close()
