import re
from datetime import date

import pytest
from django.core.management import call_command

from accounts.models import User
from accounts.tests.factories import UserFactory
from job_tracker.models import ApplicationEvent, JobApplication, JobPosting, JobSource, WeeklyReport
from job_tracker.reports.services import report_users, run_weekly_reports
from job_tracker.reports.tasks import send_weekly_reports
from job_tracker.tests.reports.helpers import application_with_history, local
from resumes.models import Skill

pytestmark = pytest.mark.django_db

TZ = "America/Los_Angeles"
WEEK = date(2026, 11, 16)


@pytest.fixture
def job_seeker():
    user = UserFactory(username="zoë", first_name="Zoë", time_zone=TZ)
    application_with_history(
        user,
        "Škoda Digital",
        [("applied", local(TZ, 2026, 11, 16, 9)), ("interviewing", local(TZ, 2026, 11, 19, 14))],
    )
    application_with_history(user, "Globex", [("applied", local(TZ, 2026, 11, 17, 9))])
    application_with_history(user, "Initech", [("applied", local(TZ, 2026, 10, 1, 9))])
    return user


def _unsubscribe_path(text):
    return re.search(r"https?://[^/\s]+(/reports/unsubscribe/[^/\s]+/)", text).group(1)


def test_email_has_numbers_chart_and_a_working_unsubscribe_link(job_seeker, mailoutbox, client):
    run_weekly_reports(users=[job_seeker], week_start=WEEK)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [job_seeker.email]
    assert "2 sent" in message.subject
    assert "Applications sent: 2" in message.body
    assert "Interviews:        1" in message.body
    assert "follow up with Initech" in message.body
    assert "Hello Zoë" in message.body
    html, mime = message.alternatives[0]
    assert mime == "text/html"
    assert 'src="cid:weekly-report-chart"' in html
    assert "follow up with Initech" in html

    raw = message.message()
    images = [part for part in raw.walk() if part.get_content_type() == "image/png"]
    assert len(images) == 1
    assert images[0]["Content-ID"] == "<weekly-report-chart>"
    assert images[0].get_payload(decode=True).startswith(b"\x89PNG")
    assert raw.get_content_type() == "multipart/related"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")

    path = _unsubscribe_path(message.body)
    assert path in html
    page = client.get(path)
    assert page.status_code == 200
    assert b"Unsubscribe" in page.content
    job_seeker.refresh_from_db()
    assert job_seeker.weekly_report_emails is True  # a GET (link preview, scanner) changes nothing

    done = client.post(path)  # no session, no CSRF token: the signed link is enough
    assert done.status_code == 200
    assert b"Unsubscribed" in done.content
    job_seeker.refresh_from_db()
    assert job_seeker.weekly_report_emails is False


def test_tampered_unsubscribe_link_is_refused(job_seeker, mailoutbox, client):
    run_weekly_reports(users=[job_seeker], week_start=WEEK)
    path = _unsubscribe_path(mailoutbox[0].body)
    response = client.post(path[:-3] + "xx/")
    assert response.status_code == 404
    job_seeker.refresh_from_db()
    assert job_seeker.weekly_report_emails is True


def test_opted_out_users_get_a_report_but_no_email(job_seeker, mailoutbox):
    job_seeker.weekly_report_emails = False
    job_seeker.save()
    summary = run_weekly_reports(users=[job_seeker], week_start=WEEK)
    assert (summary.generated, summary.emailed, summary.opted_out) == (1, 0, 1)
    assert mailoutbox == []
    assert WeeklyReport.objects.get(user=job_seeker).emailed_at is None


def test_beat_task_sends_each_user_once_even_when_run_twice(job_seeker, mailoutbox):
    quiet = UserFactory(time_zone="Asia/Tokyo")
    UserFactory(is_active=False)
    send_weekly_reports.delay(week=WEEK.isoformat())
    send_weekly_reports.delay(week=WEEK.isoformat())
    assert sorted(m.to[0] for m in mailoutbox) == sorted([job_seeker.email, quiet.email])
    assert WeeklyReport.objects.filter(week_start=WEEK).count() == 2
    assert WeeklyReport.objects.get(user=quiet).applications_sent == 0


def test_query_count_for_200_users_is_bounded(django_assert_max_num_queries, mailoutbox):
    users = User.objects.bulk_create(
        [
            User(
                username=f"bulk{i}", email=f"bulk{i}@example.com", time_zone=("UTC", TZ, "Asia/Tokyo")[i % 3]
            )
            for i in range(200)
        ]
    )
    applications = JobApplication.objects.bulk_create(
        [
            JobApplication(user=u, company_name=f"Company {n}", job_title="Dev")
            for u in users
            for n in range(3)
        ]
    )
    ApplicationEvent.objects.bulk_create(
        [
            ApplicationEvent(
                application=a,
                user_id=a.user_id,
                from_status="",
                to_status=status,
                created_at=local("UTC", 2026, 11, 17 + step, 12),
            )
            for a in applications
            for step, status in enumerate(("applied", "screening"))
        ]
    )
    # New postings that week, and skills for every user, so matching runs for the whole batch.
    source = JobSource.objects.create(kind="rss", identifier="feed")
    JobPosting.objects.bulk_create(
        [
            JobPosting(
                source=source,
                external_id=str(n),
                title="Python developer",
                skills_required=["Python", "Django"],
                first_seen_at=local("UTC", 2026, 11, 18, 12),
            )
            for n in range(20)
        ]
    )
    Skill.objects.bulk_create([Skill(user=u, name=name) for u in users for name in ("Python", "Django")])
    batch = list(report_users().filter(pk__in=[u.pk for u in users]))
    # 14 for the reports, plus one grouped query for every user's outcome headline.
    with django_assert_max_num_queries(15):
        summary = run_weekly_reports(users=batch, week_start=WEEK)
    assert (summary.generated, summary.emailed) == (200, 200)
    assert len(mailoutbox) == 200
    assert all(r.applications_sent == 3 for r in WeeklyReport.objects.all())
    assert all(r.postings_matched == 20 for r in WeeklyReport.objects.all())


def test_command_dry_run_writes_nothing(job_seeker, mailoutbox, capsys):
    call_command("send_weekly_reports", "--week", "2026-11-16", "--user", "ZOë", "--dry-run")
    out = capsys.readouterr().out
    assert "zoë: sent 2, responses 1, interviews 1" in out
    assert "follow up with Initech" in out
    assert WeeklyReport.objects.count() == 0
    assert mailoutbox == []


def test_command_sends_and_summarises(job_seeker, mailoutbox, capsys):
    call_command("send_weekly_reports", "--week", "2026-11-16")
    call_command("send_weekly_reports", "--week", "2026-11-16")
    out = capsys.readouterr().out
    assert "1 reports, 1 e-mailed" in out
    assert "1 reports, 0 e-mailed, 1 already sent" in out
    assert len(mailoutbox) == 1


def test_command_rejects_a_week_that_is_not_a_monday(job_seeker):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a Monday"):
        call_command("send_weekly_reports", "--week", "2026-11-17")
    with pytest.raises(CommandError, match="No active user"):
        call_command("send_weekly_reports", "--user", "nobody")
