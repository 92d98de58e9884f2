import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

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


def _link(mail, prefix):
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s]+)", mail.body)
    assert match, mail.body
    return match.group(1)


def test_sign_up_verify_the_email_link_then_log_in(browser_page, mailoutbox):  # noqa: F811
    page = browser_page
    page.goto("/signup/")
    page.fill("#id_username", "verify_me")
    page.fill("#id_email", "verify@example.com")
    page.fill("#id_password1", "a-long-passphrase-7")
    page.fill("#id_password2", "a-long-passphrase-7")
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/")
    [mail] = mailoutbox
    assert "expires in 3 days" in mail.body

    page.goto(_link(mail, "/accounts/confirm-email/"))
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert EmailAddress.objects.get(email="verify@example.com").verified

    page.click("header button:has-text('Log out')")
    page.goto("/login/")
    page.fill("#id_login", "verify@example.com")  # the address works as well as the username
    page.fill("#id_password", "a-long-passphrase-7")
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/")
    assert "verify_me" in page.text_content("h1")


def test_password_reset_by_email_in_a_real_browser(browser_page, mailoutbox):  # noqa: F811
    user = UserFactory(username="forgetful", email="forgetful@example.com")
    page = browser_page
    page.goto("/login/")
    page.click("text=Forgot your password?")
    page.fill("#id_email", user.email)
    page.click("main button[type=submit]")
    page.wait_for_url("**/password/reset/done/")
    [mail] = mailoutbox
    assert "expires in 24 hours" in mail.body

    page.goto(_link(mail, "/accounts/password/reset/key/"))
    page.fill("#id_password1", "brand-new-passphrase-3")
    page.fill("#id_password2", "brand-new-passphrase-3")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    page.goto("/login/")
    page.fill("#id_login", "forgetful")
    page.fill("#id_password", "brand-new-passphrase-3")
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/")


def test_totp_setup_and_log_in_with_a_code_in_a_real_browser(browser_page, settings):  # noqa: F811
    settings.MFA_TOTP_TOLERANCE = 1  # the app's next code is as good as its current one
    UserFactory(username="careful")
    page = browser_page
    page.goto("/login/")
    page.fill("#id_login", "careful")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/")

    page.goto("/accounts/2fa/totp/activate/")
    page.wait_for_url("**/reauthenticate/**")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/totp/activate/")
    assert page.is_visible("img")  # the QR code
    secret = page.input_value("#authenticator_secret")
    page.fill("#id_code", _totp(secret))
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/recovery-codes/**")

    page.click("header button:has-text('Log out')")
    page.goto("/login/")
    page.fill("#id_login", "careful")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/authenticate/")
    page.fill("#id_code", _totp(secret, step=1))
    page.click("main button[type=submit]")
    page.wait_for_url("**/dashboard/")


def _totp(secret, step=0):
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD + step
    return format_hotp_value(hotp_value(secret, counter))
