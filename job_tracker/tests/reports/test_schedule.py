"""Hourly Beat run: each user's report goes out at Monday 09:xx in their own time zone."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django_celery_beat.models import PeriodicTask

from accounts.models import User
from accounts.tests.factories import UserFactory
from job_tracker.models import WeeklyReport
from job_tracker.reports.services import users_due_for_weekly_report
from job_tracker.reports.tasks import send_weekly_reports
from job_tracker.tests.reports.helpers import application_with_history, local

pytestmark = pytest.mark.django_db

LAST_WEEK = date(2026, 11, 16)
# Monday 23 November 2026, 00:10 UTC: 09:10 Monday in Tokyo, 16:10 Sunday in Los Angeles.
TOKYO_MONDAY_9 = local("UTC", 2026, 11, 23, 0, 10)
UTC_MONDAY_9 = local("UTC", 2026, 11, 23, 9, 5)
LA_MONDAY_9 = local("UTC", 2026, 11, 23, 17, 0)  # PST, UTC-8


@pytest.fixture
def people():
    tokyo = UserFactory(username="haruki", first_name="春樹", time_zone="Asia/Tokyo")
    utc = UserFactory(username="zoë", first_name="Zoë", time_zone="UTC")
    la = UserFactory(username="lucía", first_name="Lucía", time_zone="America/Los_Angeles")
    application_with_history(tokyo, "ソニー", [("applied", local("Asia/Tokyo", 2026, 11, 17, 10))])
    return tokyo, utc, la


def run_hour(instant):
    send_weekly_reports.delay(now=instant.isoformat())


def test_only_users_at_monday_nine_locally_are_emailed(people, mailoutbox):
    tokyo, utc, la = people

    run_hour(TOKYO_MONDAY_9)

    assert [m.to for m in mailoutbox] == [[tokyo.email]]
    assert "Applications sent: 1" in mailoutbox[0].body
    report = WeeklyReport.objects.get()
    assert (report.user, report.week_start) == (tokyo, LAST_WEEK)
    assert report.emailed_at is not None

    run_hour(UTC_MONDAY_9)
    assert [m.to for m in mailoutbox] == [[tokyo.email], [utc.email]]
    assert WeeklyReport.objects.get(user=utc).week_start == LAST_WEEK

    run_hour(LA_MONDAY_9)
    assert [m.to for m in mailoutbox][-1] == [la.email]
    assert WeeklyReport.objects.get(user=la).week_start == LAST_WEEK
    assert len(mailoutbox) == 3


def test_running_the_same_hour_twice_sends_nothing_twice(people, mailoutbox):
    tokyo, _, _ = people
    run_hour(TOKYO_MONDAY_9)
    run_hour(local("Asia/Tokyo", 2026, 11, 23, 9, 40))
    assert [m.to for m in mailoutbox] == [[tokyo.email]]
    assert WeeklyReport.objects.count() == 1


def test_other_hours_and_days_send_nothing(people, mailoutbox):
    run_hour(local("UTC", 2026, 11, 23, 10, 0))  # Monday 10:00 UTC, 19:00 Tokyo, 02:00 LA
    run_hour(local("UTC", 2026, 11, 24, 9, 0))  # Tuesday 09:00 UTC
    run_hour(local("UTC", 2026, 11, 22, 9, 0))  # Sunday 09:00 UTC
    assert mailoutbox == []
    assert WeeklyReport.objects.count() == 0


def test_unknown_or_blank_zone_uses_the_site_zone_and_opt_out_is_kept(people, mailoutbox, settings):
    assert settings.TIME_ZONE == "UTC"
    tokyo, utc, _ = people
    odd = UserFactory(username="józef")
    blank = UserFactory(username="ørjan")
    # Names the model's choices would reject, as an older row or a removed zone could hold.
    User.objects.filter(pk=odd.pk).update(time_zone="Mars/Olympus_Mons")
    User.objects.filter(pk=blank.pk).update(time_zone="")
    User.objects.filter(pk=utc.pk).update(weekly_report_emails=False)

    run_hour(TOKYO_MONDAY_9)
    assert [m.to for m in mailoutbox] == [[tokyo.email]]

    run_hour(UTC_MONDAY_9)
    assert sorted(m.to[0] for m in mailoutbox[1:]) == sorted([odd.email, blank.email])
    # The opted-out user still gets the report row, never the e-mail.
    assert WeeklyReport.objects.get(user=utc).emailed_at is None


def test_explicit_week_still_reaches_everyone(people, mailoutbox):
    send_weekly_reports.delay(week=LAST_WEEK.isoformat(), now=TOKYO_MONDAY_9.isoformat())
    assert len(mailoutbox) == 3
    assert set(WeeklyReport.objects.values_list("week_start", flat=True)) == {LAST_WEEK}


def test_hourly_selection_takes_two_queries_whatever_the_number_of_users(django_assert_max_num_queries):
    zones = ("Asia/Tokyo", "Asia/Kolkata", "UTC", "Europe/Berlin", "America/Los_Angeles", "")
    User.objects.bulk_create(
        [User(username=f"bulk{i}", email=f"bulk{i}@example.com", time_zone=zones[i % 6]) for i in range(300)]
    )
    with django_assert_max_num_queries(2):
        due = users_due_for_weekly_report(now=TOKYO_MONDAY_9)
    assert list(due) == [LAST_WEEK]
    assert len(due[LAST_WEEK]) == 50
    # Kolkata (UTC+5:30) is at Monday 09:30 on the 04:00 UTC run.
    kolkata = users_due_for_weekly_report(now=local("UTC", 2026, 11, 23, 4, 0))
    assert User.objects.filter(pk__in=kolkata[LAST_WEEK]).values_list(
        "time_zone", flat=True
    ).distinct().get() == ("Asia/Kolkata")


def test_migration_leaves_an_hourly_utc_crontab_and_reverses_to_monday(settings):
    task = PeriodicTask.objects.get(task="job_tracker.tasks.send_weekly_reports")
    assert task.enabled
    crontab = task.crontab
    assert (
        crontab.minute,
        crontab.hour,
        crontab.day_of_week,
        crontab.day_of_month,
        crontab.month_of_year,
    ) == (
        "0",
        "*",
        "*",
        "*",
        "*",
    )
    assert str(crontab.timezone) == "UTC"

    migration = importlib.import_module("job_tracker.migrations.0006_weekly_report_schedule_hourly")
    migration.monday_9(apps, None)
    task.refresh_from_db()
    assert (task.crontab.minute, task.crontab.hour, task.crontab.day_of_week) == ("0", "9", "1")
    assert str(task.crontab.timezone) == settings.TIME_ZONE
    migration.hourly(apps, None)
    task.refresh_from_db()
    assert (task.crontab.hour, task.crontab.day_of_week, str(task.crontab.timezone)) == ("*", "*", "UTC")
