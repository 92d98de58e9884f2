import pytest

from accounts.models import User

from .browser import browser_page  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_a_visitor_signs_up_and_edits_the_profile_in_a_real_browser(browser_page):  # noqa: F811
    page = browser_page
    page.goto("/signup/")
    page.fill("#id_username", "browser_user")
    page.fill("#id_email", "browser@example.com")
    page.fill("#id_password1", "a-long-passphrase-7")
    page.fill("#id_password2", "a-long-passphrase-7")
    page.click("button[type=submit]")
    page.wait_for_url("**/dashboard/")
    assert "Hello, browser_user" in page.text_content("h1")

    page.goto("/settings/")
    page.fill("#id_profile-headline", "Data engineer")
    page.click("form:has(input[value=profile]) button[type=submit]")
    page.wait_for_url("**/settings/")
    assert "Profile saved." in page.text_content(".messages")
    assert User.objects.get(username="browser_user").headline == "Data engineer"
