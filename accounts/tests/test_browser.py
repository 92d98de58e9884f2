"""In a real browser: social log-in against the local provider, deleting and restoring an account,
and personal access tokens from creation to revocation."""

import re

import httpx
import pytest
from allauth.socialaccount.models import SocialAccount

from accounts.models import PersonalAccessToken, User
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.helpers import totp_code
from resumate.tests.browser import browser_page  # noqa: F401  (fixture)

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

NEW_PASSWORD = "brand-new-passphrase-3"


def log_in(page, login, password=PASSWORD):
    page.goto("/login/")
    submit_log_in(page, login, password)


def submit_log_in(page, login, password=PASSWORD):
    page.fill("#id_login", login)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")


def link_in(mail, prefix):
    match = re.search(rf"https?://[^/\s]+({re.escape(prefix)}[^\s]+)", mail.body)
    assert match, mail.body
    return match.group(1)


def api_me(live_server, raw):
    return httpx.get(
        f"{live_server.url}/api/v1/auth/me/", headers={"Authorization": f"Bearer {raw}"}, trust_env=False
    )


@pytest.mark.parametrize(
    ("provider", "button", "uid"),
    [("github", "Continue with GitHub", "583231"), ("google", "Continue with Google", "g-1001")],
)
def test_social_log_in_with_consent_lands_on_the_dashboard(browser_page, request, provider, button, uid):  # noqa: F811
    fake = request.getfixturevalue(provider)
    fake.consent_page = True
    page = browser_page
    page.goto("/login/")
    page.click(f"text={button}")
    page.click("main button[type=submit]")  # allauth's "continue to the provider" step (a POST)
    page.wait_for_selector("text=Authorize ResuMate")
    assert page.url.startswith(fake.base_url)
    page.click("text=Authorize ResuMate")
    page.wait_for_url("**/dashboard/")
    assert "Hello" in page.text_content("h1")
    account = SocialAccount.objects.get(provider=provider)
    assert account.uid == uid and account.user.email == fake.account.email
    assert fake.token_requests[-1]["code_verifier"]  # PKCE, end to end


def test_delete_the_account_then_restore_it_with_the_password(browser_page):  # noqa: F811
    user = UserFactory(username="second_thoughts")
    page = browser_page
    log_in(page, user.username)
    page.wait_for_url("**/dashboard/")
    page.goto("/settings/")
    page.fill("#id_delete-password", PASSWORD)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("button:has-text('Delete my account')")
    page.wait_for_url("**/login/")
    assert "Your account is deleted" in page.text_content(".messages")
    user.refresh_from_db()
    assert not user.is_active
    page.goto("/dashboard/")
    page.wait_for_url("**/login/**")  # signed out

    log_in(page, user.username, "not-the-password")
    assert "correct username and password" in page.text_content("main")
    log_in(page, user.username)
    page.wait_for_url("**/account/restore/")
    assert "will be erased for good on" in page.text_content("main")
    with page.expect_download() as download:
        page.click("button:has-text('Download my data')")
    assert download.value.suggested_filename == "resumate-second_thoughts.json"
    page.click("button:has-text('Restore my account')")
    page.wait_for_url("**/dashboard/")
    assert "Welcome back" in page.text_content(".messages")
    user.refresh_from_db()
    assert user.is_active and user.deletion_requested_at is None


def test_create_a_token_see_it_once_then_revoke_it(browser_page, live_server):  # noqa: F811
    user = UserFactory(username="scripter")
    page = browser_page
    log_in(page, user.username)
    page.wait_for_url("**/dashboard/")
    page.goto("/settings/")
    page.click("text=API tokens")
    page.wait_for_url("**/settings/tokens/")
    page.fill("#id_name", "Laptop script")
    page.select_option("#id_scope", "read")
    page.click("button:has-text('Create token')")
    page.wait_for_selector("#new-token")
    assert "Copy it now: it is shown this once only." in page.text_content("main")
    raw = page.text_content("#new-token").strip()
    assert raw.startswith("rmt_")
    me = api_me(live_server, raw)
    assert me.status_code == 200 and me.json()["username"] == "scripter"

    page.goto("/settings/tokens/")
    assert raw not in page.content()
    row = page.locator("tr", has_text="Laptop script")
    assert row.locator("td[data-label='Last used']").text_content().strip() != "never"
    row.locator("button:has-text('Revoke')").click()
    page.wait_for_selector("text=Token “Laptop script” revoked.")
    assert page.locator("tr", has_text="Laptop script").locator("button").count() == 0
    assert PersonalAccessToken.objects.get().revoked_at is not None
    gone = api_me(live_server, raw)
    assert gone.status_code == 401 and gone.json()["code"] == "token_not_valid"
    assert User.objects.get(pk=user.pk).is_active


def test_change_the_password_then_the_email_address_through_its_mailed_link(browser_page, mailoutbox):  # noqa: F811
    UserFactory(username="mover", email="mover@example.com")
    page = browser_page
    log_in(page, "mover")
    page.wait_for_url("**/dashboard/")
    page.goto("/settings/")
    page.fill("#id_password-old_password", PASSWORD)
    page.fill("#id_password-new_password1", NEW_PASSWORD)
    page.fill("#id_password-new_password2", NEW_PASSWORD)
    page.click("button:has-text('Change password')")
    page.wait_for_url("**/settings/")
    assert "Password changed" in page.text_content(".messages")
    page.click("header button:has-text('Log out')")
    log_in(page, "mover")
    assert "correct username and password" in page.text_content("main")
    log_in(page, "mover", NEW_PASSWORD)
    page.wait_for_url("**/dashboard/")

    page.goto("/settings/")
    page.click("text=Change or verify")
    page.wait_for_url("**/accounts/email/")
    page.fill("#id_email", "moved@example.com")
    page.click("button:has-text('Change e-mail')")
    page.wait_for_selector("text=Changing to")
    [mail] = mailoutbox
    assert mail.to == ["moved@example.com"] and "expires in 3 days" in mail.body
    assert User.objects.get(username="mover").email == "mover@example.com", "not before the link"
    page.goto(link_in(mail, "/accounts/confirm-email/"))
    page.click("main button[type=submit]")
    page.goto("/settings/")
    security = page.locator("section", has_text="Sign-in and security")
    assert "moved@example.com" in security.text_content() and security.locator(".badge.ok").count() >= 1
    assert User.objects.get(username="mover").email == "moved@example.com"


def test_staff_are_made_to_set_up_two_factor_before_the_admin(browser_page, settings):  # noqa: F811
    settings.STAFF_REQUIRE_MFA = True
    settings.MFA_TOTP_TOLERANCE = 1
    UserFactory(username="operator", is_staff=True, is_superuser=True)
    page = browser_page
    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/login/\?next=(/|%2F)admin"))
    submit_log_in(page, "operator")
    # Sent to set up TOTP, which (as for everyone) asks for the password once more.
    page.wait_for_url("**/reauthenticate/**")
    assert "must set up two-factor" in page.text_content(".messages")
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/totp/activate/")
    page.goto("/admin/")
    page.wait_for_url("**/2fa/totp/activate/")  # still not in
    page.fill("#id_code", totp_code(page.input_value("#authenticator_secret")))
    page.click("main button[type=submit]")
    page.wait_for_url("**/2fa/recovery-codes/**")
    page.goto("/admin/")
    assert page.url.endswith("/admin/") and "Site administration" in page.text_content("body")
