"""Skill gaps toward a target role and the roles a user is closest to (API and page)."""

import pytest

from job_tracker.models import SavedSearch
from job_tracker.tests.factories import JobPostingFactory

from .test_matching import python_resume

pytestmark = pytest.mark.django_db
API = "/api/v1/jobs/skill-gaps/"


def backend_postings(count, **fields):
    for i in range(count):
        JobPostingFactory(
            title=f"Backend Engineer {i}",
            location="Praha",
            skills_required=["Python", "Terraform", "AWS"] if i % 2 == 0 else ["Python", "Kubernetes"],
            **fields,
        )


def test_gaps_rank_missing_skills_by_postings_unlocked(api_client, user):
    python_resume(user)
    backend_postings(6)
    JobPostingFactory(title="Registered Nurse", skills_required=["Patient Care"])

    response = api_client.get(API, {"title": "backend engineer"})

    assert response.status_code == 200
    body = response.json()
    assert body["target"] == "backend engineer" and body["postings"] == 6
    by_skill = {g["skill"]: g for g in body["gaps"]}
    assert set(by_skill) == {"Terraform", "AWS", "Kubernetes"}
    terraform = by_skill["Terraform"]
    assert terraform["postings"] == 3
    assert terraform["unlocks"] == 3  # each Terraform posting moves above 70% with it
    assert terraform["label"] == "Terraform: +3 postings above 70%"
    assert terraform["points"] > 0
    assert body["paths"][0]["title"].startswith("Backend Engineer")


def test_gaps_for_a_saved_search_and_another_users_is_a_404(api_client, user, other_user):
    python_resume(user)
    backend_postings(4)
    JobPostingFactory(title="Go Developer", skills_required=["Go"], location="Praha")
    mine = SavedSearch.objects.create(user=user, name="Go", q="go developer")
    theirs = SavedSearch.objects.create(user=other_user, name="Theirs")

    body = api_client.get(API, {"search": mine.pk}).json()

    assert body["postings"] == 1 and body["gaps"][0]["skill"] == "Go"
    assert api_client.get(API, {"search": theirs.pk}).status_code == 404


@pytest.mark.parametrize("params", [{}, {"title": "x", "search": 1}, {"search": "abc"}, {"title": "   "}])
def test_needs_exactly_one_target(api_client, params):
    response = api_client.get(API, params)
    assert response.status_code == 400 and response.json()["errors"]


@pytest.mark.parametrize("count", [2, 60])
def test_queries_stay_bounded(api_client, user, count, django_assert_max_num_queries):
    python_resume(user)
    backend_postings(count)
    with django_assert_max_num_queries(6):
        assert api_client.get(API, {"title": "backend"}).status_code == 200


def test_page_shows_gaps_and_paths(client, user):
    python_resume(user)
    backend_postings(4)
    client.force_login(user)

    page = client.get("/jobs/skill-gaps/", {"title": "backend engineer"}).content.decode()

    assert "Terraform</strong>: +2 postings above 70%" in page
    assert "Roles you are closest to" in page
    assert client.get("/jobs/skill-gaps/").status_code == 200


@pytest.mark.parametrize("count", [2, 60])
def test_page_queries_stay_bounded(client, user, count, django_assert_max_num_queries):
    python_resume(user)
    backend_postings(count)
    search = SavedSearch.objects.create(user=user, name="Backend", q="backend")
    client.force_login(user)
    # The session and user, the saved searches offered, then the report as the API makes it.
    with django_assert_max_num_queries(7):
        page = client.get("/jobs/skill-gaps/", {"search": search.pk})
    assert page.status_code == 200 and "Terraform" in page.content.decode()
