import socket
from datetime import date, datetime, timedelta

import pytest

from accounts.tests.factories import UserFactory
from job_tracker.models import JobPosting, JobSource, WeeklyReport
from job_tracker.reports.metrics import compute_metrics
from job_tracker.reports.services import generate_weekly_reports, run_weekly_reports
from job_tracker.reports.weeks import parse_week, previous_week_start, zone
from job_tracker.tests.reports.helpers import application_with_history, local
from resumes.models import Achievement, Skill

pytestmark = pytest.mark.django_db

TZ = "Pacific/Kiritimati"  # UTC+14: Sunday night local is still Sunday morning in UTC
WEEK_1 = date(2026, 11, 9)
WEEK_2 = date(2026, 11, 16)


@pytest.fixture
def far_east_user():
    user = UserFactory(time_zone=TZ, first_name="Łukasz")
    application_with_history(
        user,
        "Acme",
        [
            ("applied", local(TZ, 2026, 11, 9, 10, 0)),
            ("screening", local(TZ, 2026, 11, 15, 23, 30)),  # Sunday night: week 1
            ("interviewing", local(TZ, 2026, 11, 16, 0, 30)),  # Monday just after midnight: week 2
        ],
    )
    application_with_history(
        user,
        "Globex",
        [("applied", local(TZ, 2026, 11, 15, 23, 0)), ("rejected", local(TZ, 2026, 11, 18, 12, 0))],
    )
    application_with_history(user, "Initech", [("applied", local(TZ, 2026, 10, 20, 9, 0))])
    application_with_history(
        user,
        "Umbrella",
        [("applied", local(TZ, 2026, 11, 16, 0, 10)), ("offer", local(TZ, 2026, 11, 20, 17, 0))],
    )
    # Deleted applications and other stages before "applied" do not count.
    application_with_history(
        user, "Deleted Co", [("applied", local(TZ, 2026, 11, 17, 9, 0))], is_deleted=True
    )
    application_with_history(user, "Wishful", [("wishlist", local(TZ, 2026, 11, 17, 9, 0))])
    achievement = Achievement.objects.create(user=user, type="project", title="Weekly report service")
    Achievement.objects.filter(pk=achievement.pk).update(created_at=local(TZ, 2026, 11, 22, 23, 59))
    return user


def test_numbers_fall_into_the_users_local_weeks(far_east_user):
    # Sanity: the two Sunday-night events are on the same UTC day as the Monday ones.
    assert local(TZ, 2026, 11, 15, 23, 30).astimezone(zone("UTC")).date() == date(2026, 11, 15)
    assert local(TZ, 2026, 11, 16, 0, 30).astimezone(zone("UTC")).date() == date(2026, 11, 15)

    week_1 = compute_metrics(users=[far_east_user], week_start=WEEK_1)[far_east_user.pk]
    assert (week_1.week.applications_sent, week_1.week.responses, week_1.week.interviews) == (2, 1, 0)
    assert (week_1.week.offers, week_1.week.rejections) == (0, 0)
    assert week_1.response_rate == pytest.approx(1 / 3, abs=1e-4)  # Acme of Acme, Globex, Initech
    assert week_1.achievements_added == 0

    week_2 = compute_metrics(users=[far_east_user], week_start=WEEK_2)[far_east_user.pk]
    numbers = week_2.week
    assert numbers.week_start == WEEK_2
    assert (numbers.applications_sent, numbers.responses, numbers.interviews) == (1, 2, 2)
    assert (numbers.offers, numbers.rejections) == (1, 1)
    assert week_2.total_sent == 4
    assert week_2.response_rate == 0.75
    assert week_2.interview_rate == 0.5
    assert week_2.achievements_added == 1  # Sunday 23:59 local
    assert week_2.stale_applied == ["Initech"]
    # The trend ends with the two weeks, in order.
    assert [w.week_start for w in week_2.trend[-2:]] == [WEEK_1, WEEK_2]
    assert [w.applications_sent for w in week_2.trend[-2:]] == [2, 1]
    assert len(week_2.trend) == 12


def test_a_user_in_utc_sees_the_same_events_in_other_weeks(far_east_user):
    far_east_user.time_zone = "UTC"
    week_1 = compute_metrics(users=[far_east_user], week_start=WEEK_1)[far_east_user.pk]
    # In UTC the Monday-00:30 (local) interview and the Monday application happened on Sunday,
    # and Acme's Monday-morning application was still the Sunday before.
    assert week_1.week.interviews == 1
    assert week_1.week.applications_sent == 2  # Globex and Umbrella
    assert week_1.trend[-2].applications_sent == 1  # Acme


def test_generated_report_has_numbers_and_specific_recommendations(far_east_user):
    reports, _ = generate_weekly_reports(users=[far_east_user], week_start=WEEK_2)
    report = WeeklyReport.objects.get(user=far_east_user, week_start=WEEK_2)
    assert reports == [report]
    assert (report.applications_sent, report.responses, report.interviews, report.offers) == (1, 2, 2, 1)
    assert report.rejections == 1
    assert report.response_rate == 0.75
    assert any("follow up with Initech" in tip for tip in report.recommendations)
    assert any("1 offer" in tip for tip in report.recommendations)


def test_postings_matched_counts_new_postings_that_fit_the_users_skills(far_east_user):
    for name in ("Python", "Django", "PostgreSQL"):
        Skill.objects.create(user=far_east_user, name=name)
    source = JobSource.objects.create(kind="rss", identifier="feed")
    seen = local(TZ, 2026, 11, 17, 8, 0)
    JobPosting.objects.create(
        source=source,
        external_id="1",
        title="Django dev",
        skills_required=["python", "Django"],
        first_seen_at=seen,
    )
    JobPosting.objects.create(
        source=source,
        external_id="2",
        title="iOS",
        skills_required=["Swift", "Objective-C"],
        first_seen_at=seen,
    )
    JobPosting.objects.create(
        source=source,
        external_id="3",
        title="Old Django job",
        skills_required=["Python"],
        first_seen_at=seen - timedelta(days=10),
    )
    metrics = compute_metrics(users=[far_east_user], week_start=WEEK_2)[far_east_user.pk]
    assert metrics.postings_matched == 1


def test_rerunning_a_week_updates_the_row_and_never_emails_twice(far_east_user, mailoutbox):
    first = run_weekly_reports(users=[far_east_user], week_start=WEEK_2)
    assert (first.generated, first.emailed) == (1, 1)
    application_with_history(far_east_user, "Hooli", [("applied", local(TZ, 2026, 11, 19, 9, 0))])

    again = run_weekly_reports(users=[far_east_user], week_start=WEEK_2)
    assert (again.generated, again.emailed, again.already_emailed) == (1, 0, 1)
    report = WeeklyReport.objects.get(user=far_east_user, week_start=WEEK_2)
    assert report.applications_sent == 2
    assert WeeklyReport.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_failed_send_is_released_and_sent_by_the_retry(far_east_user, mailoutbox, settings):
    # Django's SMTP backend against a port nobody listens on: the server is down.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    failed = run_weekly_reports(users=[far_east_user], week_start=WEEK_2)
    assert failed.failed == [far_east_user.pk]
    assert WeeklyReport.objects.get(user=far_east_user).emailed_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retried = run_weekly_reports(users=[far_east_user], week_start=WEEK_2)
    assert retried.emailed == 1
    assert WeeklyReport.objects.get(user=far_east_user).emailed_at is not None


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_week_helpers():
    assert previous_week_start(datetime(2026, 11, 23, 9, 0, tzinfo=zone("UTC"))) == WEEK_2
    # Monday 09:00 UTC is already Monday evening in Kiritimati: same calendar week for the site.
    assert previous_week_start(datetime(2026, 11, 22, 23, 0, tzinfo=zone("UTC")), zone(TZ)) == WEEK_2
    assert parse_week("2026-11-16") == WEEK_2
    with pytest.raises(ValueError, match="not a Monday"):
        parse_week("2026-11-17")


def test_batched_profiles_equal_the_one_user_profile(far_east_user, other_user):
    from job_tracker.jobs.matching import build_profile, build_profiles
    from resumes.services import achievement_create, rebuild_resume

    achievement_create(
        user=far_east_user,
        type="job",
        title="Senior backend developer",
        organization="Škoda Digital",
        start_date=date(2019, 1, 1),
        skills=["python", "postgres", "k8s"],
    )
    Skill.objects.get_or_create(user=far_east_user, name="Django")
    rebuild_resume(user=far_east_user)

    profiles = build_profiles(users=[far_east_user, other_user])
    assert profiles[far_east_user.pk] == build_profile(user=far_east_user)
    assert profiles[other_user.pk] == build_profile(user=other_user)
    assert "postgresql" in profiles[far_east_user.pk].skills
