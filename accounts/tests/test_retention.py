"""Deleted accounts: inactive at once (no log-in, API, e-mail or public page), restorable with the
password during the grace period, their data export still available, erased by the daily task."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from django_celery_beat.models import PeriodicTask
from rest_framework.test import APIClient

from accounts import services
from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.helpers import erase_after_grace, totp_code, totp_for
from accounts.tokens.services import token_create
from job_tracker.followups.services import tracker_settings_update
from job_tracker.followups.tasks import send_follow_up_digest
from job_tracker.interviews.services import interview_create
from job_tracker.interviews.tasks import send_interview_reminder, send_interview_reminders
from job_tracker.models import JobApplication
from job_tracker.reports.tasks import send_weekly_reports
from job_tracker.tests.factories import JobApplicationFactory
from resumes.models import Resume
from resumes.sharing.services import public_profile_update, share_link_create

pytestmark = pytest.mark.django_db


def delete_through_the_page(client, user):
    client.force_login(user)
    response = client.post("/settings/", {"action": "delete", "delete-password": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    return user


def test_deletion_deactivates_at_once_and_revokes_every_credential(user):
    jwt = APIClient().post("/api/v1/auth/token/", {"username": user.username, "password": PASSWORD}).json()
    _, pat = token_create(user=user, name="script", scope="write")
    user = delete_through_the_page(Client(), user)
    assert not user.is_active and user.deletion_requested_at is not None
    for header in (f"Bearer {jwt['access']}", f"Bearer {pat}"):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=header)
        assert client.get("/api/v1/auth/me/").status_code == 401, header
    assert APIClient().post("/api/v1/auth/token/refresh/", {"refresh": jwt["refresh"]}).status_code == 401


def test_logging_in_with_the_password_during_the_grace_period_offers_restore(user):
    delete_through_the_page(Client(), user)
    client = Client()
    wrong = client.post("/login/", {"login": user.username, "password": "not-it"})
    assert wrong.status_code == 200 and client.get("/account/restore/").status_code == 302
    offer = client.post("/login/", {"login": user.username, "password": PASSWORD})
    assert offer.status_code == 302 and offer["Location"] == "/account/restore/"
    page = client.get("/account/restore/")
    assert page.status_code == 200
    erase_on = (user.deletion_requested_at + timedelta(days=30)).strftime("%-d %B %Y")
    assert erase_on in page.content.decode()

    export = client.post("/account/restore/", {"action": "export"})
    assert export.status_code == 200 and export.json()["profile"]["username"] == user.username
    user.refresh_from_db()
    assert not user.is_active, "downloading the data does not restore the account"

    restored = client.post("/account/restore/", {"action": "restore"})
    assert restored.status_code == 302 and restored["Location"] == "/dashboard/"
    assert client.get("/dashboard/").status_code == 200
    user.refresh_from_db()
    assert user.is_active and user.deletion_requested_at is None


def test_an_account_with_two_factor_is_restored_or_exported_only_after_a_code(user):
    secret = totp_for(user)
    delete_through_the_page(Client(), user)
    client = Client()
    offer = client.post("/login/", {"login": user.username, "password": PASSWORD})
    assert offer["Location"] == "/account/restore/"
    page = client.get("/account/restore/")
    assert b'name="code"' in page.content and b"Restore my account" not in page.content
    # The password alone neither takes the data nor brings the account back.
    for action in ("export", "restore"):
        refused = client.post("/account/restore/", {"action": action})
        assert refused.status_code == 400 and refused["Content-Type"].startswith("text/html"), action
    assert client.post("/account/restore/", {"code": "000000"}).status_code == 400
    user.refresh_from_db()
    assert not user.is_active and client.get("/dashboard/").status_code == 302

    assert client.post("/account/restore/", {"code": totp_code(secret)}).status_code == 302
    assert b"Restore my account" in client.get("/account/restore/").content
    assert client.post("/account/restore/", {"action": "restore"})["Location"] == "/dashboard/"
    user.refresh_from_db()
    assert user.is_active and client.get("/dashboard/").status_code == 200


def test_no_password_reset_mail_goes_to_a_deleted_account(user, mailoutbox):
    services.user_deactivate(user=user)
    assert APIClient().post("/api/v1/auth/password/reset/", {"email": user.email}).status_code == 202
    assert Client().post("/accounts/password/reset/", {"email": user.email}).status_code == 302
    assert mailoutbox == []


def test_the_restore_page_needs_the_password_first(user):
    delete_through_the_page(Client(), user)
    stranger = Client()
    assert stranger.get("/account/restore/").status_code == 302
    assert stranger.post("/account/restore/", {"action": "restore"}).status_code == 302
    user.refresh_from_db()
    assert not user.is_active


def test_no_weekly_report_mail_goes_to_a_deleted_account(mailoutbox):
    kept, gone = UserFactory(), UserFactory()
    services.user_deactivate(user=gone)
    send_weekly_reports.delay(week=date(2026, 11, 16).isoformat())
    assert [m.to for m in mailoutbox] == [[kept.email]]


def test_the_daily_task_erases_only_after_the_grace_period(settings):
    settings.ACCOUNT_DELETION_GRACE_DAYS = 30
    recent, old, alive = UserFactory(), UserFactory(), UserFactory()
    services.user_deactivate(user=recent)
    services.user_deactivate(user=old)
    User.objects.filter(pk=recent.pk).update(deletion_requested_at=timezone.now() - timedelta(days=29))
    erase_after_grace(old)
    assert set(User.objects.values_list("pk", flat=True)) == {recent.pk, alive.pk}


def test_the_erasure_schedule_exists_with_its_pinned_task_name(db):
    task = PeriodicTask.objects.get(name="Erase deleted accounts after their grace period")
    assert task.task == "accounts.tasks.erase_deleted_accounts" and task.enabled
    assert str(task.crontab.timezone) == "UTC"


def test_an_account_awaiting_erasure_cannot_be_active(user):
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(deletion_requested_at=timezone.now(), is_active=True)


def test_a_deleted_accounts_share_links_and_public_profile_answer_404(user):
    resume = Resume.objects.create(user=user, title="CV", content={"basics": {"name": "Ada"}})
    _, token = share_link_create(resume=resume)
    public_profile_update(user=user, slug="ada-deleted", published=True, resume=resume)
    visitor = Client()
    assert visitor.get(f"/s/{token}/").status_code == 200
    assert visitor.get("/p/ada-deleted/").status_code == 200
    services.user_deactivate(user=user)
    assert visitor.get(f"/s/{token}/").status_code == 404
    assert visitor.get("/p/ada-deleted/").status_code == 404


def test_deletion_ends_the_accounts_sessions_in_every_other_browser(user):
    other_browser = Client()
    other_browser.post("/login/", {"login": user.username, "password": PASSWORD})
    assert other_browser.get("/dashboard/").status_code == 200
    delete_through_the_page(Client(), user)
    assert other_browser.get("/dashboard/").status_code == 302
    assert other_browser.get("/api/v1/auth/me/").status_code == 401


def test_no_interview_reminder_or_follow_up_digest_goes_to_a_deleted_account(mailoutbox):
    today = timezone.localdate()

    def with_a_due_interview_and_digest(user):
        application = JobApplicationFactory(user=user, status="applied", company_name="Acme")
        JobApplication.objects.filter(pk=application.pk).update(date_applied=today - timedelta(days=10))
        start = timezone.now() + timedelta(hours=20)
        tracker_settings_update(user=user, follow_up_digest=True)
        return interview_create(
            application=application, kind="onsite", starts_at=start, ends_at=start + timedelta(hours=1),
            time_zone="UTC", location="Main St 1",
        )  # fmt: skip

    kept, gone = UserFactory(), UserFactory()
    with_a_due_interview_and_digest(kept)
    interview = with_a_due_interview_and_digest(gone)
    services.user_deactivate(user=gone)

    assert send_interview_reminders.delay().get() == 1
    assert send_interview_reminder.delay(interview.pk).get() is False
    assert send_follow_up_digest.delay(kept.pk, today.isoformat()).get() is True
    assert send_follow_up_digest.delay(gone.pk, today.isoformat()).get() is False
    assert [m.to for m in mailoutbox] == [[kept.email], [kept.email]]


def test_signing_up_with_a_deleted_accounts_address_mails_it_nothing(settings, mailoutbox):
    # With mandatory verification allauth would mail the address "you already have an account".
    settings.ACCOUNT_EMAIL_VERIFICATION = "mandatory"
    gone = UserFactory(email="gone@example.com")
    services.user_deactivate(user=gone)
    form = {"username": "newcomer", "email": "Gone@example.com", "password1": "a-long-pass-7x"}
    response = Client().post("/signup/", {**form, "password2": form["password1"]})
    assert response.status_code == 302
    assert mailoutbox == []
    assert list(User.objects.values_list("pk", flat=True)) == [gone.pk]


def test_the_api_log_in_tells_the_owner_of_a_deleted_account_how_to_restore_it(user):
    services.user_deactivate(user=user)
    api = APIClient()
    wrong = api.post("/api/v1/auth/token/", {"username": user.username, "password": "not-it"})
    assert wrong.status_code == 401 and wrong.json()["code"] != "account_deleted"
    right = api.post("/api/v1/auth/token/", {"username": user.username.upper(), "password": PASSWORD})
    assert right.status_code == 403 and "access" not in right.json()
    assert right.json()["code"] == "account_deleted" and "Log in on the site" in right.json()["detail"]
    user.refresh_from_db()
    assert right.json()["erase_after"] == (user.deletion_requested_at + timedelta(days=30)).isoformat()
    assert not user.is_active
