"""Apply via hh.ru through the API, end to end against the fake hh.ru the apply page's tests use."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from job_tracker.models import ApplicationEvent, HHAccount, HHNegotiation, JobApplication
from job_tracker.tests.factories import JobApplicationFactory, JobPostingFactory, JobSourceFactory

from .test_hh_apply import apply as apply_on_the_page
from .test_hh_apply import connected, hh, posting  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(connected, user):  # noqa: F811
    return client_for(user)


def apply(api, posting, **data):  # noqa: F811
    return api.post(
        f"/api/v1/jobs/{posting.pk}/hh-apply/",
        {"resume_id": "r-abc", "message": "Dear team, ...", **data},
        format="json",
    )


def test_the_callers_hh_resumes_are_listed(api, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        response = api.get("/api/v1/jobs/hh/resumes/")

    assert response.status_code == 200
    assert response.json() == [
        {"id": "r-abc", "title": "Python developer", "status": "published"},
        {"id": "r-def", "title": "Team lead", "status": "not_published"},
    ]


def test_apply_sends_through_negotiations_and_tracks_the_application(api, hh, posting, user):  # noqa: F811
    response = apply(api, posting, message="Здравствуйте!\n\nI would love to build your Django services.")

    assert response.status_code == 201
    body = response.json()
    application = JobApplication.objects.get(user=user)
    assert (body["id"], body["status"], body["job_posting"], body["url"]) == (
        application.pk, "applied", posting.pk, "https://hh.ru/vacancy/93353083",
    )  # fmt: skip
    assert body["cover_letter"] == "Здравствуйте!\n\nI would love to build your Django services."
    assert hh.sent == [
        {
            "vacancy_id": "93353083",
            "resume_id": "r-abc",
            "message": "Здравствуйте!\n\nI would love to build your Django services.",
        }
    ]
    assert ApplicationEvent.objects.filter(application=application, to_status="applied").count() == 1
    assert HHNegotiation.objects.get(user=user).negotiation_id == "777"
    assert api.get(f"/api/v1/applications/{application.pk}/").json()["status"] == "applied"


@pytest.mark.parametrize(
    ("data", "field", "error"),
    [
        ({"resume_id": None}, "resume_id", "This field may not be null."),
        ({"resume_id": ""}, "resume_id", "This field may not be blank."),
        ({"resume_id": "r-someone-elses"}, "resume_id", "Not one of your hh.ru resumes."),
        ({"message": "x" * 10_001}, "message", "Ensure this field has no more than 10000 characters."),
        ({"message": ["a", "list"]}, "message", "Not a valid string."),
    ],
)
def test_bad_input_is_a_400_with_field_errors_and_sends_nothing(api, hh, posting, user, data, field, error):  # noqa: F811
    response = apply(api, posting, **data)

    assert response.status_code == 400
    assert response.json()["errors"][field] == [error]
    assert hh.sent == [] and not JobApplication.objects.filter(user=user).exists()


def test_a_missing_field_and_a_body_that_is_not_an_object_are_400s(api, hh, posting):  # noqa: F811
    missing = api.post(f"/api/v1/jobs/{posting.pk}/hh-apply/", {"message": "hi"}, format="json")
    assert missing.status_code == 400 and missing.json()["errors"]["resume_id"] == ["This field is required."]

    not_an_object = api.post(
        f"/api/v1/jobs/{posting.pk}/hh-apply/", json.dumps(["r-abc"]), content_type="application/json"
    )
    assert not_an_object.status_code == 400
    assert hh.sent == []


def test_an_absent_posting_is_404_and_another_board_is_400(api, hh):  # noqa: F811
    assert api.post("/api/v1/jobs/999999/hh-apply/", {"resume_id": "r-abc"}, format="json").status_code == 404

    response = apply(api, JobPostingFactory())

    assert response.status_code == 400 and response.json()["code"] == "not_hh_posting"
    assert hh.sent == []


def test_another_users_application_is_neither_touched_nor_shown(api, hh, posting, user, other_user):  # noqa: F811
    theirs = JobApplicationFactory(user=other_user, job_posting=posting, status="wishlist")

    response = apply(api, posting)

    assert response.status_code == 201 and response.json()["id"] != theirs.pk
    theirs.refresh_from_db()
    assert theirs.status == "wishlist" and theirs.cover_letter == ""
    assert client_for(other_user).get(f"/api/v1/applications/{response.json()['id']}/").status_code == 404
    assert api.get(f"/api/v1/applications/{theirs.pk}/").status_code == 404


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("already_applied", "You have already applied to this vacancy on hh.ru."),
        ("test_required", "This vacancy asks you to take the employer's test first: apply on hh.ru itself."),
        ("vacancy_archived", "This vacancy has been archived on hh.ru: it no longer takes applications."),
        ("not_found", "hh.ru does not know this vacancy any more."),
    ],
)
def test_hh_refusals_are_409s_that_say_why_and_record_nothing(api, hh, posting, user, answer, message):  # noqa: F811
    hh.negotiation = answer

    response = apply(api, posting)

    assert response.status_code == 409
    assert response.json()["code"] == answer and response.json()["detail"] == message
    assert not JobApplication.objects.filter(user=user).exists() and not HHNegotiation.objects.exists()


def test_applying_twice_through_resumate_is_a_409(api, hh, posting):  # noqa: F811
    assert apply(api, posting).status_code == 201

    second = apply(api, posting)

    assert second.status_code == 409 and second.json()["code"] == "already_applied"
    assert len(hh.sent) == 1


def test_ten_an_hour_counted_across_the_page_and_the_api(connected, api, hh):  # noqa: F811
    source = JobSourceFactory(kind="hh", identifier="text=go")
    postings = [JobPostingFactory(source=source, external_id=str(900 + i)) for i in range(11)]
    for posting in postings[:5]:  # noqa: F402
        assert apply_on_the_page(connected, posting).status_code == 302
    for posting in postings[5:10]:
        assert apply(api, posting).status_code == 201

    response = apply(api, postings[10])

    assert response.status_code == 429 and response["Retry-After"] == "3600"
    assert response.json() == {
        "detail": "At most 10 applications an hour via hh.ru: try again later.",
        "code": "hh_apply_limit",
    }
    assert len(hh.sent) == 10
    HHNegotiation.objects.update(created_at=timezone.now() - timedelta(hours=1, minutes=1))
    assert apply(api, postings[10]).status_code == 201


def test_not_connected_asks_to_connect(user, hh, posting):  # noqa: F811
    api = client_for(user)

    resumes = api.get("/api/v1/jobs/hh/resumes/")
    applied = apply(api, posting)

    for response in (resumes, applied):
        assert response.status_code == 409 and response.json()["code"] == "hh_not_connected"
    assert hh.sent == []


def test_an_expired_token_is_refreshed_before_applying(api, hh, posting, user):  # noqa: F811
    HHAccount.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(minutes=1))

    assert apply(api, posting).status_code == 201

    assert hh.sent and HHAccount.objects.get(user=user).expires_at > timezone.now() + timedelta(days=13)


def test_an_unconfigured_installation_is_a_503(user, posting, settings):  # noqa: F811
    settings.HH_CLIENT_ID = ""

    response = apply(client_for(user), posting)

    assert response.status_code == 503 and response.json()["code"] == "hh_not_configured"


def test_anonymous_is_401(anon_client, posting):  # noqa: F811
    assert apply(anon_client, posting).status_code == 401
    assert anon_client.get("/api/v1/jobs/hh/resumes/").status_code == 401


def test_the_schema_documents_the_endpoints(client):
    schema = client.get("/api/schema/", headers={"Accept": "application/json"}).json()

    operation = schema["paths"]["/api/v1/jobs/{id}/hh-apply/"]["post"]
    assert {"201", "400", "404", "409", "429", "503"} <= set(operation["responses"])
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
    body = schema["components"]["schemas"][ref]
    assert set(body["properties"]) == {"resume_id", "message"} and body["required"] == ["resume_id"]
    created = operation["responses"]["201"]["content"]["application/json"]["schema"]["$ref"]
    assert created.endswith("/Application")
    assert "200" in schema["paths"]["/api/v1/jobs/hh/resumes/"]["get"]["responses"]
