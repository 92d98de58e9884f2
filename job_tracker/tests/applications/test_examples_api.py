import pytest

from accounts import services as account_services
from job_tracker.applications import services
from job_tracker.tests.factories import JobApplicationFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/example-applications/"


@pytest.fixture
def staff(db):
    from accounts.tests.factories import UserFactory

    return UserFactory(is_staff=True)


def test_public_list_shows_only_live_examples(anon_client, staff, user):
    JobApplicationFactory(user=staff, is_example=True, job_title="Platform engineer", notes="Example notes")
    JobApplicationFactory(user=staff, job_title="Private draft")
    services.application_soft_delete(
        application=JobApplicationFactory(user=staff, is_example=True, job_title="Deleted example")
    )
    response = anon_client.get(URL)
    assert response.status_code == 200
    rows = response.json()["results"]
    assert [row["job_title"] for row in rows] == ["Platform engineer"]
    assert "user" not in rows[0] and "resume_used" not in rows[0]
    # Notes are private, on an example too.
    assert "notes" not in rows[0] and "Example notes" not in response.content.decode()


def test_a_deleted_accounts_examples_leave_the_public_list_at_once(
    anon_client, staff, django_capture_on_commit_callbacks
):
    JobApplicationFactory(user=staff, is_example=True, job_title="Platform engineer")
    assert [r["job_title"] for r in anon_client.get(URL).json()["results"]] == ["Platform engineer"]
    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_deactivate(user=staff)
    response = anon_client.get(URL)
    assert response["X-Cache-Status"] == "MISS"
    assert response.json()["results"] == []


def test_miss_then_hit_then_invalidated_when_an_example_changes(
    anon_client, staff, django_capture_on_commit_callbacks, django_assert_num_queries
):
    example = JobApplicationFactory(user=staff, is_example=True, job_title="Platform engineer")

    first = anon_client.get(URL)
    assert first["X-Cache-Status"] == "MISS"
    with django_assert_num_queries(0):
        second = anon_client.get(URL)
    assert second["X-Cache-Status"] == "HIT"
    assert second.json() == first.json()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_update(application=example, job_title="Staff platform engineer")
    third = anon_client.get(URL)
    assert third["X-Cache-Status"] == "MISS"
    assert third.json()["results"][0]["job_title"] == "Staff platform engineer"
    assert anon_client.get(URL)["X-Cache-Status"] == "HIT"

    # A new example, an unmarked one and a deleted one all invalidate too.
    with django_capture_on_commit_callbacks(execute=True):
        JobApplicationFactory(user=staff, is_example=True, job_title="Data analyst")
    assert len(anon_client.get(URL).json()["results"]) == 2
    with django_capture_on_commit_callbacks(execute=True):
        services.applications_mark_example(applications=[example], is_example=False)
    assert [r["job_title"] for r in anon_client.get(URL).json()["results"]] == ["Data analyst"]


def test_non_example_changes_keep_the_cache(anon_client, staff, user, django_capture_on_commit_callbacks):
    JobApplicationFactory(user=staff, is_example=True)
    anon_client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        JobApplicationFactory(user=user, job_title="Someone's own application")
    assert anon_client.get(URL)["X-Cache-Status"] == "HIT"


def test_a_bad_token_does_not_block_the_public_list(anon_client):
    anon_client.credentials(HTTP_AUTHORIZATION="Bearer nonsense")
    assert anon_client.get(URL).status_code == 200
