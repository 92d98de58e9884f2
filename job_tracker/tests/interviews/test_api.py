"""Interviews API: CRUD on one's own applications, validation, SEQUENCE, bounded list."""

from datetime import UTC, datetime

import pytest

from job_tracker.models import Contact, Interview
from job_tracker.tests.factories import JobApplicationFactory

pytestmark = pytest.mark.django_db

VIDEO = {
    "kind": "video",
    "starts_at": "2026-03-29T10:00:00",
    "ends_at": "2026-03-29T11:00:00",
    "time_zone": "Europe/Berlin",
    "link": "https://meet.example.com/abc",
    "notes": "Bring questions.",
}


def url(application, pk=None):
    base = f"/api/v1/applications/{application.pk}/interviews/"
    return f"{base}{pk}/" if pk else base


@pytest.fixture
def application(user):
    return JobApplicationFactory(
        user=user, job_title="Data engineer", company_name="Ørsted", status="applied"
    )


def test_create_reads_a_naive_time_in_the_interview_zone(api_client, application, user):
    contact = Contact.objects.create(user=user, name="Ada Recruiter")
    response = api_client.post(url(application), {**VIDEO, "contacts": [contact.pk]}, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    interview = Interview.objects.get(pk=body["id"])
    # 29 March 2026 is the day Berlin moves to summer time: 10:00 there is 08:00 UTC.
    assert interview.starts_at == datetime(2026, 3, 29, 8, 0, tzinfo=UTC)
    assert body["contacts"] == [contact.pk]
    assert body["sequence"] == 0
    assert body["application"] == application.pk
    assert interview.user == user


def test_an_offset_time_is_kept_as_given(api_client, application):
    payload = {**VIDEO, "starts_at": "2026-05-04T09:00:00Z", "ends_at": "2026-05-04T10:00:00Z"}
    response = api_client.post(url(application), payload, format="json")
    assert response.status_code == 201
    assert Interview.objects.get().starts_at == datetime(2026, 5, 4, 9, tzinfo=UTC)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"ends_at": "2026-03-29T09:00:00"}, "ends_at"),
        ({"ends_at": None}, "ends_at"),
        ({"kind": "lunch"}, "kind"),
        ({"link": "not a url"}, "link"),
        ({"contacts": [999999]}, "contacts"),
    ],
)
def test_bad_input_is_a_400_with_field_errors_and_nothing_written(api_client, application, change, field):
    response = api_client.post(url(application), {**VIDEO, **change}, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Interview.objects.count() == 0


def test_a_take_home_needs_no_end(api_client, application):
    payload = {"kind": "take_home", "starts_at": "2026-04-10T17:00:00", "time_zone": "America/New_York"}
    response = api_client.post(url(application), payload, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["ends_at"] is None


def test_update_bumps_sequence_only_when_something_changes(api_client, application):
    pk = api_client.post(url(application), VIDEO, format="json").json()["id"]
    response = api_client.patch(url(application, pk), {"location": "Room 4"}, format="json")
    assert response.json()["sequence"] == 1
    response = api_client.patch(url(application, pk), {"location": "Room 4"}, format="json")
    assert response.json()["sequence"] == 1
    response = api_client.patch(url(application, pk), {"status": "cancelled"}, format="json")
    assert (response.json()["status"], response.json()["sequence"]) == ("cancelled", 2)
    assert api_client.put(url(application, pk), VIDEO, format="json").status_code == 405


def test_delete(api_client, application):
    pk = api_client.post(url(application), VIDEO, format="json").json()["id"]
    assert api_client.delete(url(application, pk)).status_code == 204
    assert not Interview.objects.exists()


def test_owner_scoped(api_client, other_client, application, other_user):
    pk = api_client.post(url(application), VIDEO, format="json").json()["id"]
    assert other_client.get(url(application)).status_code == 404
    assert other_client.post(url(application), VIDEO, format="json").status_code == 404
    assert other_client.patch(url(application, pk), {"notes": "x"}, format="json").status_code == 404
    assert other_client.delete(url(application, pk)).status_code == 404
    # Someone else's contact is not a contact of yours.
    stranger = Contact.objects.create(user=other_user, name="Not yours")
    response = api_client.patch(url(application, pk), {"contacts": [stranger.pk]}, format="json")
    assert response.status_code == 400
    assert "contacts" in response.json()["errors"]
    # An interview of another application of yours is not under this one.
    second = JobApplicationFactory(user=application.user)
    assert api_client.get(url(second, pk)).status_code == 404


def test_a_deleted_application_hides_its_interviews(api_client, application):
    api_client.post(url(application), VIDEO, format="json")
    api_client.delete(f"/api/v1/applications/{application.pk}/")
    assert api_client.get(url(application)).status_code == 404


@pytest.mark.parametrize("rows", [1, 50])
def test_list_query_count_does_not_grow(api_client, application, user, rows, django_assert_max_num_queries):
    contact = Contact.objects.create(user=user, name="Ada")
    for _ in range(rows):
        response = api_client.post(url(application), {**VIDEO, "contacts": [contact.pk]}, format="json")
        assert response.status_code == 201
    # user, application, count, page of interviews (application joined), their contacts.
    with django_assert_max_num_queries(5):
        response = api_client.get(url(application))
    assert response.json()["count"] == rows
