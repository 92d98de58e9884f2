"""GET achievements/stats/ and the dashboard panel: right numbers, constant queries."""

from datetime import date

import pytest

from resumes.integrations.stats import experience_months
from resumes.models import Achievement, Skill

pytestmark = pytest.mark.django_db

URL = "/api/v1/achievements/stats/"


def _achievement(user, type, start, end=None, **extra):
    return Achievement.objects.create(
        user=user, type=type, title=f"{type} {start}", start_date=start, end_date=end, **extra
    )


@pytest.fixture
def known_set(user, other_user):
    # Two overlapping jobs (2019-01-01..2020-12-31 and 2020-07-01..2021-06-30) = 30 months,
    # an internship 2018-01-01..2018-06-30 = 6 months: 36 months in all.
    _achievement(user, "job", date(2019, 1, 1), date(2020, 12, 31))
    _achievement(user, "job", date(2020, 7, 1), date(2021, 6, 30), is_verified=True)
    _achievement(user, "internship", date(2018, 1, 1), date(2018, 6, 30))
    _achievement(user, "course", date(2021, 3, 1), date(2021, 4, 1))
    _achievement(user, "certification", None, date(2023, 5, 1))
    _achievement(user, "project", None, None)  # undated: counted, not charted
    _achievement(other_user, "job", date(2000, 1, 1), date(2010, 1, 1))
    Skill.objects.create(user=user, name="Python", category="programming_language")
    Skill.objects.create(user=user, name="Go", category="programming_language")
    Skill.objects.create(user=user, name="PostgreSQL", category="database")
    Skill.objects.create(user=other_user, name="Cobol", category="programming_language")


def test_stats_are_right_for_a_known_set(api_client, known_set, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):  # session-less JWT: the two stats queries + the user
        response = api_client.get(URL)
    assert response.status_code == 200
    stats = response.json()
    assert stats["total"] == 6
    assert stats["verified"] == 1
    assert stats["from_integrations"] == 0
    assert stats["by_type"]["job"] == 2
    assert stats["by_type"]["internship"] == 1
    assert stats["by_type"]["award"] == 0
    assert stats["skills_by_category"]["programming_language"] == 2
    assert stats["skills_by_category"]["database"] == 1
    assert stats["experience_months"] == 36
    assert stats["per_year"] == [
        {"year": 2018, "count": 1},
        {"year": 2019, "count": 1},
        {"year": 2020, "count": 1},
        {"year": 2021, "count": 1},
        {"year": 2022, "count": 0},
        {"year": 2023, "count": 1},
    ]


def test_stats_query_count_does_not_grow_with_rows(api_client, user, django_assert_max_num_queries):
    for year in range(1995, 2025):
        _achievement(user, "job", date(year, 1, 1), date(year, 6, 1))
        Skill.objects.create(user=user, name=f"Skill {year}")
    with django_assert_max_num_queries(3):
        assert api_client.get(URL).json()["total"] == 30


def test_stats_for_a_new_user_are_zero(api_client):
    stats = api_client.get(URL).json()
    assert (stats["total"], stats["experience_months"], stats["per_year"]) == (0, 0, [])


def test_achievements_stats_is_not_swallowed_by_a_detail_route(api_client, anon_client):
    from django.urls import resolve

    assert resolve(URL).url_name == "achievement-stats"
    assert anon_client.get(URL).status_code == 401


def test_experience_months_counts_overlaps_once_and_ongoing_until_today():
    today = date(2025, 1, 1)
    assert experience_months([], today) == 0
    assert experience_months([(date(2024, 1, 1), None)], today) == 12
    assert experience_months([(date(2024, 1, 1), None), (date(2024, 3, 1), date(2024, 4, 1))], today) == 12
    assert experience_months([(date(2030, 1, 1), None)], today) == 0  # future start counts nothing


def test_dashboard_shows_the_stats_panel_with_a_per_year_chart(client, user, known_set):
    client.force_login(user)
    response = client.get("/dashboard/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html and "Achievements per year" in html
    assert "<title>2023: 1</title>" in html
    assert html.count("<rect") == 6
    assert "3 yr" in html
