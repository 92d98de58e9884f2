from datetime import date

import pytest
from django.contrib.auth.models import Permission

from accounts.tests.factories import UserFactory
from job_tracker.models import WeeklyReport
from job_tracker.tests.reports.helpers import application_with_history, local

pytestmark = pytest.mark.django_db


def make_report(user, week, **numbers):
    defaults = {"applications_sent": 4, "responses": 2, "interviews": 1, "offers": 0, "response_rate": 0.5}
    return WeeklyReport.objects.create(user=user, week_start=week, **{**defaults, **numbers})


def test_list_shows_own_reports_newest_first(api_client, user, other_user, django_assert_max_num_queries):
    for day in (2, 16, 9):
        make_report(user, date(2026, 11, day), applications_sent=day)
    make_report(other_user, date(2026, 11, 23))
    with django_assert_max_num_queries(4):
        response = api_client.get("/api/v1/reports/weekly/")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [r["week_start"] for r in body["results"]] == ["2026-11-16", "2026-11-09", "2026-11-02"]
    first = body["results"][0]
    assert first["applications_sent"] == 16
    assert first["response_rate"] == 0.5
    assert first["recommendations"] == []
    assert set(body) == {"count", "next", "previous", "results"}


def test_list_filters_by_week(api_client, user):
    for day in (2, 9, 16):
        make_report(user, date(2026, 11, day))
    response = api_client.get("/api/v1/reports/weekly/", {"week_from": "2026-11-09"})
    assert [r["week_start"] for r in response.json()["results"]] == ["2026-11-16", "2026-11-09"]
    bad = api_client.get("/api/v1/reports/weekly/", {"week_from": "soon"})
    assert bad.status_code == 400
    assert "week_from" in bad.json()["errors"]


def test_latest_is_the_newest_own_report_or_a_json_404(api_client, user, other_user):
    response = api_client.get("/api/v1/reports/weekly/latest/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"

    make_report(user, date(2026, 11, 9))
    make_report(user, date(2026, 11, 16), offers=1)
    make_report(other_user, date(2026, 11, 23))
    response = api_client.get("/api/v1/reports/weekly/latest/")
    assert response.status_code == 200
    assert response.json()["week_start"] == "2026-11-16"
    assert response.json()["offers"] == 1


def test_reports_need_authentication(anon_client):
    assert anon_client.get("/api/v1/reports/weekly/").status_code == 401
    assert anon_client.get("/api/v1/reports/weekly/latest/").status_code == 401


def test_reports_page_shows_funnel_trend_and_recommendations(
    client, user, other_user, django_assert_max_num_queries
):
    make_report(
        user,
        date(2026, 11, 16),
        applications_sent=7,
        recommendations=["2 applications sat in applied for over 14 days: follow up with Acme and Globex."],
    )
    make_report(user, date(2026, 11, 9), applications_sent=3)
    make_report(other_user, date(2026, 11, 2), applications_sent=99)
    client.force_login(user)

    with django_assert_max_num_queries(8):
        page = client.get("/reports/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Week of Nov 16, 2026" in html
    assert 'class="chart funnel"' in html
    assert 'class="chart trend"' in html
    assert "Funnel: Sent 7, Responses 2, Interviews 1, Offers 0" in html
    assert "follow up with Acme and Globex" in html
    assert "<script" not in html.split("</head>")[1]  # no inline script (CSP)

    older = client.get("/reports/", {"week": "2026-11-09"})
    assert "Week of Nov 9, 2026" in older.content.decode()
    # Another user's week is not reachable; the page falls back to the latest own report.
    theirs = client.get("/reports/", {"week": "2026-11-02"})
    assert "99" not in theirs.content.decode().split("Past reports")[0]
    assert client.get("/reports/", {"week": "junk"}).status_code == 200


def test_reports_page_before_the_first_report_shows_live_numbers(client):
    user = UserFactory(time_zone="Asia/Tokyo")
    application_with_history(user, "Acme", [("applied", local("Asia/Tokyo", 2026, 11, 18, 9))])
    client.force_login(user)
    page = client.get("/reports/")
    assert page.status_code == 200
    assert "first report is e-mailed on Monday" in page.content.decode()
    assert WeeklyReport.objects.count() == 0


def test_reports_page_needs_login(client):
    response = client.get("/reports/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_dashboard_panel_shows_the_latest_numbers(client, user):
    client.force_login(user)
    assert "first weekly report arrives on Monday" in client.get("/dashboard/").content.decode()
    make_report(user, date(2026, 11, 16), applications_sent=11, interviews=3)
    html = client.get("/dashboard/").content.decode()
    assert "<strong>11</strong> sent" in html
    assert "<strong>3</strong> interviews" in html
    assert 'href="/reports/"' in html


def test_export_includes_reports_and_deleting_the_account_removes_them(api_client, user):
    make_report(user, date(2026, 11, 16))
    export = api_client.get("/api/v1/auth/me/export/").json()
    assert export["job_tracker.weeklyreport"][0]["week_start"] == "2026-11-16"
    user.delete()
    assert WeeklyReport.objects.count() == 0


@pytest.fixture
def staff_client(client):
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__endswith="weeklyreport"))
    client.force_login(staff)
    return client


def test_admin_lists_filters_and_resends(staff_client, user, mailoutbox):
    opted_out = UserFactory(weekly_report_emails=False)
    report = make_report(user, date(2026, 11, 16))
    make_report(opted_out, date(2026, 11, 16))
    make_report(user, date(2026, 11, 9))

    listing = staff_client.get("/admin/job_tracker/weeklyreport/", {"week": "2026-11-16"})
    assert listing.status_code == 200
    assert "2 weekly reports" in listing.content.decode()
    assert (
        staff_client.get("/admin/job_tracker/weeklyreport/", {"emailed": "no", "q": "user"}).status_code
        == 200
    )

    response = staff_client.post(
        "/admin/job_tracker/weeklyreport/",
        {
            "action": "resend",
            "_selected_action": list(
                WeeklyReport.objects.filter(week_start="2026-11-16").values_list("pk", flat=True)
            ),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "1 report(s) e-mailed" in response.content.decode()
    assert "1 skipped" in response.content.decode()
    assert [m.to for m in mailoutbox] == [[user.email]]
    report.refresh_from_db()
    assert report.emailed_at is not None
