import csv
import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from job_tracker.models import ApplicationEvent, JobApplication
from job_tracker.tests.factories import JobApplicationFactory
from resumes.importing.models import ImportDraft

EXPORT_URL = "/api/v1/applications/export.csv"
IMPORT_URL = "/api/v1/imports/"


def upload(client, text: str):
    data = SimpleUploadedFile("x.txt", text.encode("utf-8"))
    return client.post(IMPORT_URL, {"file": data}, format="multipart")


def test_export_is_utf8_csv_with_documented_columns(api_client, user, django_assert_max_num_queries):
    JobApplicationFactory(user=user, company_name="Café Zürich", job_title="Barista", status="applied")
    JobApplicationFactory(user=user, company_name="Acme", job_title="Dev", status="wishlist")

    with django_assert_max_num_queries(4):
        response = api_client.get(EXPORT_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))
    assert list(rows[0]) == [
        "company",
        "job_title",
        "status",
        "date_applied",
        "location",
        "url",
        "salary",
        "notes",
        "created_at",
        "last_status_change",
    ]
    assert [(r["company"], r["status"]) for r in rows] == [("Café Zürich", "applied"), ("Acme", "wishlist")]
    assert rows[0]["date_applied"] and rows[0]["last_status_change"]


def test_export_query_count_does_not_grow(api_client, user, django_assert_max_num_queries):
    for n in range(50):
        JobApplicationFactory(user=user, company_name=f"C{n}", job_title="Dev")
    with django_assert_max_num_queries(4):
        assert api_client.get(EXPORT_URL).status_code == 200


def test_export_then_import_round_trips_and_merges(api_client, other_client, user, other_user):
    JobApplicationFactory(user=user, company_name="Acme", job_title="Dev", status="interviewing")
    exported = api_client.get(EXPORT_URL).content.decode()

    draft = upload(other_client, exported).json()
    assert draft["kind"] == "tracker_csv"
    other_client.post(f"{IMPORT_URL}{draft['id']}/confirm/", {}, format="json")
    copy = JobApplication.objects.get(user=other_user)
    assert (copy.company_name, copy.status) == ("Acme", "interviewing")

    again = upload(api_client, exported).json()
    assert again["draft"]["applications"][0]["duplicate_of"] is not None
    result = api_client.post(f"{IMPORT_URL}{again['id']}/confirm/", {}, format="json").json()["result"]
    assert result["created"] == [] and len(result["merged"]) == 1
    assert JobApplication.objects.filter(user=user).count() == 1


@pytest.mark.parametrize(
    "text",
    [
        # Huntr
        "Company,Job Title,List,Date Applied,URL,Location\nGlobex,Engineer,Interview,2026-03-04,https://g.example,Remote\n",
        # Teal
        "Company,Job Position,Status,Date Applied,Job URL,Salary\nGlobex,Engineer,Interviewing,03/04/2026,https://g.example,90k\n",
        # JobSync
        "title;company;status;appliedDate;jobUrl\nEngineer;Globex;interview;2026-03-04;https://g.example\n",
    ],
    ids=["huntr", "teal", "jobsync"],
)
def test_other_trackers_headers_and_history_events(api_client, user, text):
    response = upload(api_client, text)
    assert response.status_code == 201, response.content
    api_client.post(f"{IMPORT_URL}{response.json()['id']}/confirm/", {}, format="json")

    application = JobApplication.objects.get(user=user)
    assert (application.company_name, application.job_title, application.status) == (
        "Globex",
        "Engineer",
        "interviewing",
    )
    assert application.date_applied == dt.date(2026, 3, 4)
    event = ApplicationEvent.objects.get(application=application)
    assert (event.from_status, event.to_status, event.created_at.date()) == (
        "",
        "interviewing",
        dt.date(2026, 3, 4),
    )


def test_bad_row_names_row_and_column_and_writes_nothing(api_client, user):
    text = (
        "Company,Job Title,Status,Date Applied\n"
        "Acme,Dev,applied,2026-01-02\n"
        "Globex,Eng,daydreaming,2026-13-45\n"
    )

    response = upload(api_client, text)

    assert response.status_code == 400
    errors = response.json()["errors"]["file"]
    assert "Row 3, column \"Status\": 'daydreaming' is not a status we know" in errors[0]
    assert errors[1].startswith("Row 3, column \"Date Applied\": '2026-13-45' is not a date")
    assert JobApplication.all_objects.count() == 0 and ImportDraft.objects.count() == 0
