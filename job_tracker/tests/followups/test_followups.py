"""Follow-ups: who is on the list, snooze and done (htmx), the dashboard panel and the opt-in daily digest."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from job_tracker.followups import selectors
from job_tracker.followups.services import tracker_settings_update
from job_tracker.followups.tasks import send_follow_up_digests
from job_tracker.models import TrackerSettings
from job_tracker.tests.factories import JobApplicationFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 16)


def applied(user, days_ago, *, is_deleted=False, **extra):
    application = JobApplicationFactory(user=user, status="applied", **extra)
    application.date_applied = TODAY - timedelta(days=days_ago)
    application.is_deleted = is_deleted
    application.save()
    return application


def listed(user, days=7, today=TODAY):
    return [a.company_name for a in selectors.follow_up_list(user=user, days=days, today=today)]


def test_selection_by_delay_and_status(user, other_user):
    applied(user, 10, company_name="Old")
    applied(user, 7, company_name="Exactly")
    applied(user, 3, company_name="Fresh")
    answered = applied(user, 20, company_name="Answered")
    answered.status = "screening"
    answered.save()
    applied(user, 30, company_name="Deleted", is_deleted=True)
    applied(other_user, 30, company_name="Theirs")
    assert listed(user) == ["Old", "Exactly"]
    assert listed(user, days=14) == []


def test_snooze_and_done(user):
    snoozed = applied(user, 10, company_name="Snoozed")
    done = applied(user, 10, company_name="Done")
    snoozed.follow_up_snoozed_until = TODAY + timedelta(days=3)
    snoozed.save()
    done.followed_up_at = datetime(2026, 3, 15, 12, tzinfo=UTC)
    done.save()
    assert listed(user) == []
    assert listed(user, today=TODAY + timedelta(days=3)) == ["Snoozed"]
    # Done comes back after another full delay without an answer.
    assert listed(user, today=date(2026, 3, 22)) == ["Snoozed", "Done"]


def test_dashboard_panel_with_htmx_snooze_and_done(user, django_assert_max_num_queries):
    page = Client()
    page.force_login(user)
    first = applied(user, 10 - (timezone.localdate() - TODAY).days, company_name="Globex")
    second = applied(user, 12 - (timezone.localdate() - TODAY).days, company_name="Initech")
    assert first.date_applied == timezone.localdate() - timedelta(days=10)
    html = page.get("/dashboard/").content.decode()
    assert 'id="follow-up-panel"' in html
    assert "Globex" in html and "Initech" in html
    response = page.post(f"/applications/{first.pk}/follow-up/snooze/", {"days": "5"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Globex" not in response.content.decode() and "Initech" in response.content.decode()
    first.refresh_from_db()
    assert first.follow_up_snoozed_until == timezone.localdate() + timedelta(days=5)
    response = page.post(f"/applications/{second.pk}/follow-up/done/", HTTP_HX_REQUEST="true")
    assert "Nothing to follow up on." in response.content.decode()
    # Without htmx: back to the dashboard.
    assert page.post(f"/applications/{second.pk}/follow-up/done/").status_code == 302


def test_someone_elses_application_cannot_be_snoozed(user, other_user):
    theirs = applied(other_user, 10)
    page = Client()
    page.force_login(user)
    assert page.post(f"/applications/{theirs.pk}/follow-up/snooze/").status_code == 404


@pytest.mark.parametrize("rows", [1, 30])
def test_panel_query_count_does_not_grow(user, rows, django_assert_max_num_queries):
    from django.test import RequestFactory

    from accounts.registry import dashboard_panels

    for _ in range(rows):
        applied(user, 40)
    request = RequestFactory().get("/dashboard/")
    request.user = user
    panel = next(p for p in dashboard_panels(request) if p["template"] == "job_tracker/followups/_panel.html")
    assert panel["context"]["applications"]
    with django_assert_max_num_queries(2):  # settings, the list
        from job_tracker.followups.panels import follow_up_panel

        follow_up_panel(request)


def test_the_delay_is_a_user_setting(user):
    applied(user, 4, company_name="Four days")
    assert listed(user, days=selectors.tracker_settings(user=user).follow_up_days) == []
    tracker_settings_update(user=user, follow_up_days=3)
    assert listed(user, days=selectors.tracker_settings(user=user).follow_up_days) == ["Four days"]


def test_digest_is_opt_in_at_eight_local_and_sent_once_a_day(user, other_user, mailoutbox):
    user.time_zone = "Asia/Tokyo"
    user.save()
    applied(user, 10, company_name="Globex")
    applied(other_user, 10)  # not opted in
    now = datetime(2026, 3, 15, 23, 30, tzinfo=UTC)  # 08:30 on the 16th in Tokyo
    from job_tracker.followups.selectors import digest_due_user_ids

    assert digest_due_user_ids(now=now) == []
    tracker_settings_update(user=user, follow_up_digest=True)
    assert digest_due_user_ids(now=now) == [(user.pk, TODAY)]
    assert digest_due_user_ids(now=now - timedelta(hours=1)) == []  # 07:30 there

    from job_tracker.followups.tasks import send_follow_up_digest

    assert send_follow_up_digest.delay(user.pk, TODAY.isoformat()).get() is True
    assert send_follow_up_digest.delay(user.pk, TODAY.isoformat()).get() is False
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "1 application to follow up on today"
    assert "Globex" in mailoutbox[0].body
    assert TrackerSettings.objects.get(user=user).digest_sent_on == TODAY
    assert digest_due_user_ids(now=now) == []


def test_the_beat_task_runs_without_error(mailoutbox):
    assert send_follow_up_digests.delay().get() == 0


def test_settings_page(user):
    page = Client()
    page.force_login(user)
    response = page.get("/tracker/settings/")
    assert response.status_code == 200
    assert "Create calendar address" in response.content.decode()
    data = {"reminder_hours": "6", "follow_up_days": "10", "follow_up_digest": "on"}
    assert page.post("/tracker/settings/", data).status_code == 302
    row = TrackerSettings.objects.get(user=user)
    assert (row.reminder_hours, row.follow_up_days, row.follow_up_digest) == (6, 10, True)
    response = page.post("/tracker/settings/", {"reminder_hours": "0", "follow_up_days": "500"})
    assert response.status_code == 400
    assert TrackerSettings.objects.get(user=user).reminder_hours == 6
    assert "/tracker/settings/" in page.get("/settings/").content.decode()
