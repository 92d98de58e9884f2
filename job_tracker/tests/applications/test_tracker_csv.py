import csv
import datetime as dt
import io

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


def confirm_upload(client, text: str) -> None:
    response = upload(client, text)
    assert response.status_code == 201, response.content
    confirmed = client.post(f"{IMPORT_URL}{response.json()['id']}/confirm/", {}, format="json")
    assert confirmed.status_code == 200, confirmed.content


def history(application) -> list[tuple[str, str, dt.date]]:
    events = ApplicationEvent.objects.filter(application=application).order_by("created_at", "id")
    return [(e.from_status, e.to_status, e.created_at.date()) for e in events]


# Huntr's board export, header and "-" cells as in a real one (keenlychuang/huntr-to-notion sample_data).
HUNTR_HEADER = (
    "id,createdAt,title,salary,location,url,rootDomain,htmlDescription,deadline,color,lastMovedAt,"
    "boardId,boardName,listId,listName,companyId,companyName,companyDomain,creatorUserId,"
    "creatorUserFirstName,creatorUserLastName,creatorUserEmail\n"
)


def test_huntr_export_lists_and_moves_become_status_and_history(api_client, user):
    text = HUNTR_HEADER + (
        "621a7cb1,2026-02-26 19:17:05,Backend Engineer,90000,-,-,-,-,2026-03-01 05:00:00,-,-,"
        "b1,Job Search 2026,l1,applied,c1,Samsung Electronics,samsung.com,u1,Kim,Lee,kim@example.com\n"
        '621a7db6,2026-02-26 19:21:26,"Software Engineer, Intern",-,Berlin,https://yext.example/jobs/1,'
        "yext.example,-,-,-,2026-04-11 16:47:21,b1,Job Search 2026,l2,rejected,c2,Yext,yext.com,u1,Kim,"
        "Lee,kim@example.com\n"
    )

    confirm_upload(api_client, text)

    samsung = JobApplication.objects.get(user=user, company_name="Samsung Electronics")
    assert (samsung.job_title, samsung.status, samsung.date_applied) == (
        "Backend Engineer",
        "applied",
        dt.date(2026, 2, 26),
    )
    assert (samsung.location, samsung.url, samsung.salary) == ("", "", "90000")  # "-" is an empty cell
    assert history(samsung) == [("", "applied", dt.date(2026, 2, 26))]
    yext = JobApplication.objects.get(user=user, company_name="Yext")
    assert (yext.job_title, yext.status, yext.location) == ("Software Engineer, Intern", "rejected", "Berlin")
    assert history(yext) == [
        ("", "wishlist", dt.date(2026, 2, 26)),
        ("wishlist", "rejected", dt.date(2026, 4, 11)),
    ]


# JobSync's export columns, dates and "N/A" cells (Gsync/jobsync src/app/api/jobs/export/route.ts).
JOBSYNC_HEADER = "index,createdAt,applied,appliedDate,Company,JobTitle,jobType,Location,JobSource,Status\n"


def test_jobsync_export_statuses_and_dates_become_applications_with_history(api_client, user):
    text = JOBSYNC_HEADER + (
        "1,2026-03-01,Yes,2026-03-04,Globex,Engineer,Full Time,Remote,LinkedIn,Interview\n"
        "2,2026-03-02,No,N/A,Initech,Analyst,Contract,N/A,Indeed,Draft\n"
        "3,2026-02-20,Yes,2026-02-21,Umbrella,Developer,Full Time,Oslo,Google,Expired\n"
        "4,2026-01-10,Yes,2026-01-12,Hooli,Lead,Full Time,Remote,LinkedIn,Offer Accepted\n"
    )

    confirm_upload(api_client, text)

    rows = {a.company_name: a for a in JobApplication.objects.filter(user=user)}
    assert {name: (a.job_title, a.status, a.date_applied) for name, a in rows.items()} == {
        "Globex": ("Engineer", "interviewing", dt.date(2026, 3, 4)),
        "Initech": ("Analyst", "wishlist", None),
        "Umbrella": ("Developer", "rejected", dt.date(2026, 2, 21)),
        "Hooli": ("Lead", "accepted", dt.date(2026, 1, 12)),
    }
    assert rows["Initech"].location == ""  # "N/A" is an empty cell
    assert history(rows["Globex"]) == [
        ("", "wishlist", dt.date(2026, 3, 1)),
        ("wishlist", "interviewing", dt.date(2026, 3, 4)),
    ]
    assert history(rows["Initech"]) == [("", "wishlist", dt.date(2026, 3, 2))]


def test_teal_style_headers_unverified_layout(api_client, user):
    """Teal's real export was not found: this is the layout its tracker's labels suggest."""
    confirm_upload(
        api_client,
        "Company,Job Position,Status,Date Applied,Job URL,Salary\n"
        "Globex,Engineer,Interviewing,03/04/2026,https://g.example,90k\n",
    )

    application = JobApplication.objects.get(user=user)
    assert (application.company_name, application.job_title, application.status) == (
        "Globex",
        "Engineer",
        "interviewing",
    )
    assert application.date_applied == dt.date(2026, 3, 4)
    assert history(application) == [("", "interviewing", dt.date(2026, 3, 4))]


def test_our_export_round_trip_keeps_added_applied_and_status_days(api_client, other_client, other_user):
    text = (
        "company,job_title,status,date_applied,location,url,salary,notes,created_at,last_status_change\n"
        "Acme,Dev,offer,2026-02-03,,,,,2026-02-01T09:00:00+00:00,2026-03-10T15:00:00+00:00\n"
    )

    confirm_upload(other_client, text)

    application = JobApplication.objects.get(user=other_user)
    assert history(application) == [
        ("", "wishlist", dt.date(2026, 2, 1)),
        ("wishlist", "applied", dt.date(2026, 2, 3)),
        ("applied", "offer", dt.date(2026, 3, 10)),
    ]


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
