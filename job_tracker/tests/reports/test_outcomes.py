"""Outcomes per resume, source, match band and weekday: a known data set's figures, the API, page, e-mail."""

from datetime import date, datetime, timedelta

import pytest
from django.core import mail

from accounts.tests.factories import UserFactory
from job_tracker.models import ApplicationEvent, JobApplication, WeeklyReport
from job_tracker.reports.outcomes import more_needed, outcomes_for_user
from job_tracker.reports.services import run_weekly_reports
from job_tracker.tests.factories import make_resume

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 2, 10, 0).astimezone()  # a Monday


def sent(user, resume=None, *, reached=(), days_to_answer=3, on=START, source="direct", score=None, **extra):
    """An application sent at ``on`` that then moved through ``reached`` (one status every few days)."""
    history = ["applied", *reached]
    application = JobApplication.objects.create(
        user=user,
        job_title="Engineer",
        company_name="Acme",
        status=history[-1],
        resume_used=resume,
        source=source,
        match_score=score,
        date_applied=on.date(),
        **extra,
    )
    previous = ""
    events = []
    for step, status in enumerate(history):
        moment = on + timedelta(days=days_to_answer * step)
        events.append(
            ApplicationEvent(
                application=application, user=user, from_status=previous, to_status=status, created_at=moment
            )
        )
        previous = status
    ApplicationEvent.objects.bulk_create(events)
    return application


@pytest.fixture
def known(user):
    """'Data engineer': 15 sent, 9 interviews; 'Backend': 15 sent, 1 interview; a referral-heavy split."""
    data, backend = make_resume(user, "Data engineer"), make_resume(user, "Backend")
    for i in range(15):
        reached = ("screening", "interviewing") if i < 9 else (("rejected",) if i < 12 else ())
        sent(user, data, reached=reached, days_to_answer=2 + i % 3, source="referral" if i < 10 else "board")
    for i in range(15):
        reached = ("screening", "interviewing") if i < 1 else (("screening",) if i < 5 else ())
        sent(user, backend, reached=reached, days_to_answer=6, source="board")
    return data, backend


def test_known_data_set_rates_intervals_and_a_fisher_verdict(user, known):
    outcomes = outcomes_for_user(user=user)
    groups = {g.label: g for g in outcomes.resumes.groups}
    data, backend = groups["Data engineer"], groups["Backend"]
    assert (data.sent, data.responses, data.interviews, data.offers) == (15, 12, 9, 0)
    assert (backend.sent, backend.responses, backend.interviews) == (15, 5, 1)
    assert data.interview_rate.rate == pytest.approx(0.6)
    # Wilson 95% for 9/15 (z = 1.96): centre 0.5796, half-width 0.2221.
    assert data.interview_rate.low == pytest.approx(0.3575, abs=1e-4)
    assert data.interview_rate.high == pytest.approx(0.8018, abs=1e-4)
    assert data.response_rate.rate == pytest.approx(0.8)
    assert data.median_days_to_response == 3.0  # days 2, 3, 4 repeating over 12 answers
    assert backend.median_days_to_response == 6.0
    verdict = outcomes.resumes.verdict
    # Fisher's exact test, two-sided, on [[9, 6], [1, 14]]: the hypergeometric tail sum is 0.005197.
    assert verdict.significant is True
    assert verdict.p_value == pytest.approx(0.005197, rel=1e-3)
    assert verdict.sentence == (
        "\u2018Data engineer\u2019 gets interviews 9.0x as often as \u2018Backend\u2019 "
        "(9/15 vs 1/15, p = 0.0052)."
    )
    assert outcomes.headline == verdict.sentence


def test_noise_gets_no_verdict_but_an_estimate_of_what_would_tell(user):
    a, b = make_resume(user, "A"), make_resume(user, "B")
    for i in range(10):
        sent(user, a, reached=("interviewing",) if i < 3 else ())
        sent(user, b, reached=("interviewing",) if i < 2 else ())
    verdict = outcomes_for_user(user=user).resumes.verdict
    assert verdict.significant is False
    assert verdict.p_value == pytest.approx(1.0)
    # Two proportions 0.3 vs 0.2 at 5% / 80%: 294 per group, 284 more each.
    assert verdict.more_needed == 568
    assert "not enough applications yet to tell (need about 568 more" in verdict.sentence
    assert more_needed(0.3, 0.2, 10, 10) == 568


def test_one_resume_only_says_so(user):
    resume = make_resume(user, "Only")
    sent(user, resume, reached=("interviewing",))
    sent(user)  # no resume: shown, never compared
    outcomes = outcomes_for_user(user=user)
    assert [g.label for g in outcomes.resumes.groups] == ["Only", "no resume"]
    assert outcomes.resumes.verdict.sentence.startswith("Only one resume used so far")
    assert outcomes.resumes.verdict.significant is False


def test_by_source_band_and_weekday(user):
    sent(user, source="referral", score=91, reached=("interviewing",))
    sent(user, source="board", score=45, on=START + timedelta(days=1))
    sent(user, source="board", score=None, on=START + timedelta(days=1))
    outcomes = outcomes_for_user(user=user)
    assert [(g.label, g.sent, g.interviews) for g in outcomes.sources.groups] == [
        ("Job board", 2, 0),
        ("Referral", 1, 1),
    ]
    assert [(g.key, g.sent) for g in outcomes.match_bands.groups] == [
        ("80-100", 1),
        ("40-59", 1),
        ("no score", 1),
    ]
    assert [(g.label, g.sent) for g in outcomes.weekdays.groups] == [("Monday", 1), ("Tuesday", 2)]


def test_wishlist_deleted_examples_and_other_users_are_left_out(user, other_user):
    sent(user)
    JobApplication.objects.create(user=user, job_title="x", company_name="y")  # never sent: no events
    sent(user, is_deleted=True)
    sent(user, is_example=True)
    sent(other_user)
    assert outcomes_for_user(user=user).total.sent == 1


def test_api_with_dates_and_bounded_queries(api_client, user, django_assert_max_num_queries):
    resume = make_resume(user, "Main")
    sent(user, resume, on=START - timedelta(days=30))
    sent(user, resume, reached=("screening",), on=START)
    with django_assert_max_num_queries(3):  # user, one grouped query (JWT auth reads the user)
        response = api_client.get("/api/v1/reports/outcomes/", {"from": "2026-03-01", "to": "2026-03-31"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["date_from"] == "2026-03-01"
    assert body["total"]["sent"] == 1
    main = body["resumes"]["groups"][0]
    assert (main["label"], main["sent"], main["responses"]) == ("Main", 1, 1)
    assert main["response_rate"]["rate"] == 1.0
    assert 0 < main["response_rate"]["low"] < 1
    assert set(body) >= {"headline", "resumes", "sources", "match_bands", "weekdays"}


@pytest.mark.parametrize("rows", [1, 50])
def test_api_query_count_does_not_grow(api_client, user, rows, django_assert_max_num_queries):
    resumes = [make_resume(user, f"R{i}") for i in range(3)]
    for i in range(rows):
        sent(user, resumes[i % 3], reached=("screening",) if i % 2 else (), score=i % 100)
    with django_assert_max_num_queries(3):
        assert api_client.get("/api/v1/reports/outcomes/").status_code == 200


def test_api_rejects_bad_dates(api_client):
    response = api_client.get("/api/v1/reports/outcomes/", {"from": "soon"})
    assert response.status_code == 400
    assert "from" in response.json()["errors"]
    response = api_client.get("/api/v1/reports/outcomes/", {"from": "2026-03-10", "to": "2026-03-01"})
    assert response.status_code == 400
    assert "to" in response.json()["errors"]


def test_api_needs_authentication(anon_client):
    assert anon_client.get("/api/v1/reports/outcomes/").status_code == 401


def test_reports_page_shows_the_outcomes_section_with_a_chart(client, user, known):
    client.force_login(user)
    response = client.get("/reports/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Which resume works" in html
    assert 'class="chart outcomes"' in html
    assert "Data engineer" in html and "9/15 vs 1/15" in html
    assert "By weekday sent" in html


def test_weekly_email_carries_the_sentence_that_matters(user, known, mailoutbox):
    user.email = "seeker@example.com"
    user.save()
    run_weekly_reports(users=[user], week_start=date(2026, 3, 2))
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    assert (
        "Which resume works: \u2018Data engineer\u2019 gets interviews 9.0x as often as \u2018Backend\u2019"
        in body
    )
    html = mailoutbox[0].alternatives[0][0]
    assert "Data engineer" in html
    assert WeeklyReport.objects.get(user=user).emailed_at is not None
    assert mail.outbox is mailoutbox


def test_a_new_user_gets_no_outcome_sentence(mailoutbox):
    newcomer = UserFactory(email="new@example.com")
    run_weekly_reports(users=[newcomer], week_start=date(2026, 3, 2))
    assert "Which resume works" not in mailoutbox[0].body
