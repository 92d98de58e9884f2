"""jobs/ API: search, filters, scores, recommendations and track."""

import pytest
from django.db import connection

from conftest import client_for
from job_tracker.models import ApplicationEvent, JobApplication
from job_tracker.tests.factories import JobPostingFactory, JobSourceFactory
from job_tracker.tests.jobs.test_matching import python_resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def postings():
    remotive = JobSourceFactory(kind="remotive", identifier="software-dev", name="Remotive")
    return {
        "django": JobPostingFactory(
            source=remotive,
            title="Django Developer",
            company_name="Kraków Labs",
            location="Europe",
            remote="remote",
            description="Build a booking platform with lighthouses of Python code.",
            skills_required=["Python", "Django", "PostgreSQL"],
            url="https://remotive.com/remote-jobs/software-dev/django-developer-1",
        ),
        "nurse": JobPostingFactory(
            title="Registered Nurse",
            company_name="St. Mary",
            location="Ostrava",
            remote="onsite",
            description="Night shifts in the cardiology ward.",
            skills_required=["Patient Care"],
        ),
        "gone": JobPostingFactory(title="Old Django job", is_active=False, skills_required=["Django"]),
    }


def test_list_shows_active_postings_with_scores_and_credit(
    api_client, user, postings, django_assert_max_num_queries
):
    python_resume(user)
    for _ in range(5):
        JobPostingFactory()

    with django_assert_max_num_queries(6):
        response = api_client.get("/api/v1/jobs/")

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 7
    by_title = {r["title"]: r for r in body["results"]}
    assert "Old Django job" not in by_title
    django = by_title["Django Developer"]
    assert django["matched_skills"] == ["Python", "Django", "PostgreSQL"]
    assert django["missing_skills"] == []
    assert django["match_score"] > by_title["Registered Nurse"]["match_score"]
    assert django["credit"] == {
        "name": "Remotive",
        "url": "https://remotive.com/remote-jobs/software-dev/django-developer-1",
    }
    assert by_title["Registered Nurse"]["credit"] is None


def test_filters(api_client, postings):
    def titles(query):
        response = api_client.get(f"/api/v1/jobs/?{query}")
        assert response.status_code == 200, response.json()
        return sorted(r["title"] for r in response.json()["results"])

    assert titles("remote=remote") == ["Django Developer"]
    assert titles("location=ostr") == ["Registered Nurse"]
    assert titles(f"source={postings['django'].source_id}") == ["Django Developer"]
    assert titles("active=false") == ["Old Django job"]
    assert titles("q=cardiology") == ["Registered Nurse"]
    assert titles("q=django") == ["Django Developer"]


def test_bad_filters_are_400_with_field_errors(api_client, postings):
    response = api_client.get("/api/v1/jobs/?remote=mars&source=999999&active=maybe")

    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Invalid input."
    assert set(body["errors"]) >= {"remote", "source"}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_full_text_search_finds_a_word_of_the_description_ranked(api_client, postings):
    JobPostingFactory(title="Lighthouse keeper", description="Keep the lighthouse lit.")

    response = api_client.get("/api/v1/jobs/?q=lighthouse")

    # Stemmed ("lighthouses" in a description), and the title hit ranks first.
    assert [r["title"] for r in response.json()["results"]] == ["Lighthouse keeper", "Django Developer"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'job_tracker_posting_search_gin'")
        assert "gin (search_vector)" in cursor.fetchone()[0]


def test_retrieve_and_404s(api_client, postings):
    assert api_client.get(f"/api/v1/jobs/{postings['gone'].pk}/").json()["is_active"] is False
    assert api_client.get("/api/v1/jobs/999999/").status_code == 404
    assert api_client.get("/api/v1/jobs/abc/").status_code == 404


def test_recommendations_rank_by_score(api_client, user, postings, django_assert_max_num_queries):
    python_resume(user)

    with django_assert_max_num_queries(6):
        response = api_client.get("/api/v1/jobs/recommendations/?limit=2")

    assert response.status_code == 200
    results = response.json()
    assert [r["title"] for r in results] == ["Django Developer", "Registered Nurse"]
    assert results[0]["match_score"] >= 80
    assert results[0]["matched_skills"] == ["Python", "Django", "PostgreSQL"]
    assert api_client.get("/api/v1/jobs/recommendations/?limit=0").json()["errors"]["limit"]


def test_track_creates_one_wishlist_application_and_is_idempotent(api_client, user, other_user, postings):
    posting = postings["django"]

    first = api_client.post(f"/api/v1/jobs/{posting.pk}/track/")
    second = api_client.post(f"/api/v1/jobs/{posting.pk}/track/")

    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["status"] == "wishlist"
    assert first.json()["job_posting"] == posting.pk
    application = JobApplication.objects.get(user=user)
    assert (application.job_title, application.company_name) == ("Django Developer", "Kraków Labs")
    assert ApplicationEvent.objects.filter(application=application).count() == 1
    # Another user tracks their own copy.
    assert client_for(other_user).post(f"/api/v1/jobs/{posting.pk}/track/").status_code == 201
    assert JobApplication.objects.count() == 2


def test_track_unknown_posting_is_404_and_anonymous_is_401(api_client, anon_client, postings):
    assert api_client.post("/api/v1/jobs/999999/track/").status_code == 404
    assert anon_client.post(f"/api/v1/jobs/{postings['django'].pk}/track/").status_code == 401
    assert anon_client.get("/api/v1/jobs/").status_code == 401
    assert JobApplication.objects.count() == 0
