"""In a real browser: create a link in the Share panel (htmx), open it as a visitor; layouts fit a phone."""

import pytest

from accounts.tests.factories import PASSWORD
from resumate.tests.browser import browser_page  # noqa: F401  (fixture)
from resumes.sharing.models import PublicProfile, ShareLink

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

WIDTHS = (390, 1280)


def log_in(page, user):
    page.goto("/login/")
    page.fill("#id_login", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard/")


def assert_fits(page, path):
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(path)
        overflow = page.evaluate("(d => d.scrollWidth - d.clientWidth)(document.documentElement)")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"


def test_share_a_resume_and_open_it_as_a_visitor(browser_page, user, resume):  # noqa: F811
    page = browser_page
    log_in(page, user)
    page.goto(f"/resumes/{resume.pk}/")
    page.click("#share-panel summary")
    page.check("#id_allow_comments")
    page.click("#share-panel button:has-text('Create link')")
    page.wait_for_selector("#share-panel tr.new code.copyable")
    url = page.text_content("#share-panel tr.new code.copyable").strip()
    assert ShareLink.objects.get().allow_comments
    assert_fits(page, f"/resumes/{resume.pk}/")

    visitor = page.context.browser.new_page()
    visitor.goto(url)
    assert "Ada Lovelace" in visitor.text_content(".resume-document")
    visitor.select_option("#id_section", "work")
    visitor.fill("#id_author_name", "Mari")
    visitor.fill("#id_body", "Great numbers")
    visitor.click("button:has-text('Send comment')")
    visitor.wait_for_selector("text=your comment was sent")
    assert_fits(visitor, url)
    visitor.close()

    page.goto(f"/resumes/{resume.pk}/")
    assert "Great numbers" in page.text_content("#share-panel")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#share-panel button:has-text('Revoke')")
    page.wait_for_selector("#share-panel .badge:has-text('revoked')")
    assert ShareLink.objects.get().revoked_at is not None


def test_public_profile_settings_dashboard_fit_a_phone(browser_page, user, resume):  # noqa: F811
    page = browser_page
    log_in(page, user)
    page.goto("/settings/")
    page.fill("#id_slug", "ada-lovelace")
    page.check("#id_published")
    page.click("#public-profile button[type=submit]")
    page.wait_for_selector("#public-profile a[href$='/p/ada-lovelace/']")
    assert PublicProfile.objects.get().published
    for path in ("/settings/", "/dashboard/", "/p/ada-lovelace/"):
        assert_fits(page, path)
