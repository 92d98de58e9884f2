"""Profile completeness at /api/v1/auth/me/completeness/ and on the dashboard."""

import datetime as dt

import pytest
from django.utils import timezone

from resumes.models import Achievement, AchievementType
from resumes.tests.factories import AchievementFactory, SkillFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/me/completeness/"


def years_ago(n: int, today=None) -> dt.date:
    today = today or timezone.localdate()
    return today.replace(year=today.year - n, day=1)


@pytest.fixture
def known_profile(user):
    """Two jobs marked ongoing (one without highlights), a degree, three skills without evidence."""
    AchievementFactory(
        user=user, title="Backend Developer", organization="Kõrvits", start_date=years_ago(6), end_date=None,
        skills=["Python"], highlights=["Cut p95 latency by 40%"],
    )  # fmt: skip
    tech_lead = AchievementFactory(
        user=user, title="Tech Lead", organization="Acme", start_date=years_ago(2), end_date=None,
        skills=["django"], highlights=[" "],
    )  # fmt: skip
    AchievementFactory(
        user=user, type=AchievementType.DEGREE, title="BSc Computer Science", organization="TalTech",
        start_date=years_ago(10), end_date=years_ago(7), skills=[], highlights=[],
    )  # fmt: skip
    for name in ("Python", "Django", "Rust", "Go", "Kubernetes"):
        SkillFactory(user=user, name=name)
    return tech_lead


def test_known_profile_scores_and_explains_itself(api_client, known_profile):
    body = api_client.get(URL).json()
    rules = {r["key"]: (r["weight"], r["passed"]) for r in body["rules"]}
    assert rules == {
        "experience": (15, True),
        "highlights": (15, False),
        "dates": (10, False),
        "recent": (10, True),
        "skill_evidence": (10, False),
        "contact": (10, False),
        "headline": (10, False),
        "education": (10, True),
        "name": (5, True),
        "website": (5, False),
    }
    assert sum(w for w, _ in rules.values()) == 100
    assert body["score"] == 15 + 10 + 10 + 5 == 40
    assert [s["text"] for s in body["next_steps"]] == [
        "Add a highlight (a result, with a number if you can) to 'Tech Lead at Acme'.",
        "Add an end date to 'Backend Developer at Kõrvits': 2 jobs are marked as ongoing.",
        "3 skills have no evidence in any achievement (Go, Kubernetes, Rust): add them where you used them.",
    ]
    assert body["next_steps"][0]["url"] == f"/achievements/{known_profile.pk}/edit/"
    contact = next(r for r in body["rules"] if r["key"] == "contact")
    assert contact["step"] == "Add your phone number and location in Account settings."


def test_filling_the_gaps_raises_the_score_to_100(api_client, user, known_profile):
    user.headline, user.phone, user.location, user.website = (
        "Backend developer",
        "+372 5555",
        "Tartu",
        "https://a.ee",
    )
    user.save()
    known_profile.highlights = ["Led a team of five"]
    known_profile.skills = ["Django", "Rust", "Go", "Kubernetes"]
    known_profile.save()
    Achievement.objects.filter(title="Backend Developer").update(end_date=years_ago(2))
    body = api_client.get(URL).json()
    assert body["score"] == 100 and body["next_steps"] == []
    assert all(r["passed"] for r in body["rules"])


def test_no_achievement_lately_names_the_year(api_client, user):
    ended = years_ago(2)
    AchievementFactory(user=user, start_date=years_ago(4), end_date=ended)
    recent = next(r for r in api_client.get(URL).json()["rules"] if r["key"] == "recent")
    assert recent["passed"] is False
    assert recent["step"] == f"No achievement since {ended.year}: add what you have done lately."


def test_a_missing_start_date_is_named(api_client, user):
    AchievementFactory(user=user, title="Mentor", organization="", start_date=None, end_date=None)
    dates = next(r for r in api_client.get(URL).json()["rules"] if r["key"] == "dates")
    assert dates["step"] == "Add a start date to 'Mentor'."


def test_empty_account(api_client, user):
    user.first_name = user.last_name = ""
    user.save()
    body = api_client.get(URL).json()
    # Nothing to contradict: dates, highlights and skill evidence pass vacuously.
    assert body["score"] == 15 + 10 + 10
    assert body["next_steps"][0]["rule"] == "experience"


@pytest.mark.parametrize("n", [1, 50])
def test_query_count_is_the_same_for_1_and_50_achievements(
    api_client, user, n, django_assert_max_num_queries
):
    AchievementFactory.create_batch(n, user=user, end_date=None)
    SkillFactory.create_batch(5, user=user)
    # The token's user, achievements, skills.
    with django_assert_max_num_queries(3):
        assert api_client.get(URL).status_code == 200


def test_dashboard_panel_shows_score_and_steps(client, user, known_profile):
    client.force_login(user)
    html = client.get("/dashboard/").content.decode()
    assert "Profile completeness" in html and ">40<" in html
    assert "Add an end date to &#x27;Backend Developer at Kõrvits&#x27;" in html
    assert 'aria-valuenow="40"' in html


def test_anonymous_is_401(anon_client):
    assert anon_client.get(URL).status_code == 401
