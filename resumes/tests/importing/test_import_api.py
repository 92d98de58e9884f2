# ruff: noqa: RUF001  (Cyrillic text in the files is the point)
import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from resumes.exporters.pdf import render_pdf
from resumes.importing.models import ImportDraft
from resumes.models import Achievement, AchievementType, Resume, Skill

from . import corpus, files

URL = "/api/v1/imports/"


def upload(client, data: bytes, name="upload.bin", **extra):
    return client.post(URL, {"file": SimpleUploadedFile(name, data), **extra}, format="multipart")


def rows(user):
    return (Achievement.objects.filter(user=user).count(), Skill.objects.filter(user=user).count())


@pytest.fixture
def career_pdf():
    return render_pdf(corpus.CAREER, template="classic", paper="a4")


def test_pdf_upload_is_a_draft_with_confidence_and_writes_nothing(api_client, user, career_pdf):
    response = upload(api_client, career_pdf, name="resume.docx")  # the name is not what decides

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["status"]) == ("pdf", "parsed")
    jobs = [a for a in body["draft"]["achievements"] if a["type"] == "job"]
    assert [(j["organization"], j["title"], j["start_date"]) for j in jobs[:2]] == [
        ("Stripe Inc.", "Staff Engineer", "2021-03-01"),
        ("Globex Corporation", "Senior Software Engineer", "2017-09-01"),
    ]
    assert jobs[0]["end_date"] == "" and jobs[0]["highlights"] == [
        "Cut payout latency by 38%",
        "Led a team of 6 engineers",
    ]
    assert 0 < jobs[0]["confidence"]["title"] <= 1 and jobs[0]["duplicate_of"] is None
    assert body["draft"]["basics"]["email"] == "ana@example.com"
    assert {"Python", "Go", "PostgreSQL", "Kubernetes"} <= {s["name"] for s in body["draft"]["skills"]}
    assert rows(user) == (0, 0)
    assert api_client.get(f"{URL}{body['id']}/").json()["draft"] == body["draft"]


def test_edit_then_confirm_a_subset_writes_once_and_rebuilds_once(
    api_client, user, career_pdf, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    draft = upload(api_client, career_pdf).json()
    entries = draft["draft"]["achievements"]
    entries[0]["title"] = "Principal Engineer"
    edited = {**draft["draft"], "achievements": entries[:3]}  # the rest left out: dropped
    response = api_client.patch(f"{URL}{draft['id']}/", {"draft": edited}, format="json")
    assert response.status_code == 200, response.content
    assert len(response.json()["draft"]["achievements"]) == 3

    with django_capture_on_commit_callbacks(execute=True), django_assert_max_num_queries(40):
        confirmed = api_client.post(f"{URL}{draft['id']}/confirm/", {"entries": [0, 2]}, format="json")

    assert confirmed.status_code == 200, confirmed.content
    result = confirmed.json()["result"]
    assert len(result["created"]) == 2 and result["merged"] == []
    titles = set(Achievement.objects.filter(user=user).values_list("title", flat=True))
    assert titles == {"Principal Engineer", "Software Developer"}
    auto = Resume.objects.get(user=user, is_auto=True)
    assert {w["position"] for w in auto.content["work"]} == titles
    again = api_client.post(f"{URL}{draft['id']}/confirm/", {}, format="json")
    assert again.status_code == 200 and again.json()["result"] == result
    assert Achievement.objects.filter(user=user).count() == 2
    assert api_client.patch(f"{URL}{draft['id']}/", {"draft": edited}, format="json").status_code == 409


@pytest.mark.parametrize("template", ["classic", "ats"])
def test_our_pdf_project_keeps_its_roles_apart_and_a_one_day_project_ends_that_day(
    api_client, user, template
):
    data = render_pdf(corpus.official_sample(), template=template, paper="a4")  # roles, start == end

    draft = upload(api_client, data).json()
    [project] = [a for a in draft["draft"]["achievements"] if a["type"] == "project"]
    assert (project["title"], project["organization"]) == ("Miss Direction", "Smoogle")
    assert (project["start_date"], project["end_date"]) == ("2016-08-01", "2016-08-01")
    assert project["roles"] == ["Team lead", "Designer"]
    edited = api_client.patch(f"{URL}{draft['id']}/", {"draft": draft["draft"]}, format="json")
    assert edited.status_code == 200, edited.content  # a reviewed draft keeps the roles
    api_client.post(f"{URL}{draft['id']}/confirm/", {}, format="json")

    row = Achievement.objects.get(user=user, type=AchievementType.PROJECT)
    assert (row.organization, row.start_date, row.end_date) == (
        "Smoogle",
        dt.date(2016, 8, 1),
        dt.date(2016, 8, 1),
    )
    assert row.description.startswith("Roles: Team lead, Designer\nA mapping engine that misguides you")


def test_duplicates_are_merged_not_doubled(api_client, user, career_pdf):
    existing = Achievement.objects.create(
        user=user,
        type=AchievementType.JOB,
        title="Staff Engineer",
        organization="Stripe Inc.",
        start_date=dt.date(2021, 3, 1),
        highlights=["Cut payout latency by 38%"],
    )

    draft = upload(api_client, career_pdf).json()
    first = draft["draft"]["achievements"][0]
    assert first["duplicate_of"] == existing.pk
    result = api_client.post(f"{URL}{draft['id']}/confirm/", {}, format="json").json()["result"]

    assert result["merged"] == [existing.pk]
    assert Achievement.objects.filter(user=user, organization="Stripe Inc.").count() == 1
    existing.refresh_from_db()
    assert existing.highlights == ["Cut payout latency by 38%", "Led a team of 6 engineers"]
    second = upload(api_client, career_pdf).json()
    api_client.post(f"{URL}{second['id']}/confirm/", {}, format="json")
    assert Achievement.objects.filter(user=user).count() == len(result["created"]) + 1


def test_bad_edit_and_bad_indices_are_400_and_write_nothing(api_client, user, career_pdf):
    draft = upload(api_client, career_pdf).json()
    bad = dict(draft["draft"])
    bad["achievements"] = [{**bad["achievements"][0], "start_date": "2021-02-30", "type": "spaceship"}]
    response = api_client.patch(f"{URL}{draft['id']}/", {"draft": bad}, format="json")
    assert response.status_code == 400
    assert {"achievements.0.start_date", "achievements.0.type"} <= set(response.json()["errors"])
    response = api_client.post(f"{URL}{draft['id']}/confirm/", {"entries": [99]}, format="json")
    assert response.status_code == 400 and "entries" in response.json()["errors"]
    assert rows(user) == (0, 0)
    assert ImportDraft.objects.get(pk=draft["id"]).status == "parsed"


def test_drafts_are_owner_scoped_and_expire(api_client, other_client, user, career_pdf):
    draft = upload(api_client, career_pdf).json()
    assert other_client.get(f"{URL}{draft['id']}/").status_code == 404
    assert other_client.post(f"{URL}{draft['id']}/confirm/", {}, format="json").status_code == 404
    row = ImportDraft.objects.get(pk=draft["id"])
    assert row.expires_at - row.created_at == dt.timedelta(days=7) or abs(
        (row.expires_at - row.created_at) - dt.timedelta(days=7)
    ) < dt.timedelta(seconds=1)
    now = timezone.now()
    ImportDraft.objects.filter(pk=row.pk).update(created_at=now - dt.timedelta(days=8), expires_at=now)
    assert api_client.get(f"{URL}{draft['id']}/").status_code == 404


def test_each_format_through_the_api(api_client, user):
    samples = {s.name: s for s in corpus.other_samples()}
    docx = upload(api_client, samples["other/docx"].data).json()
    assert docx["kind"] == "docx"
    assert [a["organization"] for a in docx["draft"]["achievements"] if a["type"] == "job"] == [
        "Allegro sp. z o.o.",
        "Comarch SA",
    ]
    russian = upload(api_client, samples["other/russian"].data).json()
    jobs = [a for a in russian["draft"]["achievements"] if a["type"] == "job"]
    assert (jobs[0]["organization"], jobs[0]["title"], jobs[0]["start_date"], jobs[0]["end_date"]) == (
        "ООО «Ромашка»",
        "Ведущий разработчик",
        "2021-03-01",
        "",
    )
    linkedin = upload(api_client, corpus.linkedin_zip().data, name="export.zip").json()
    assert linkedin["kind"] == "linkedin"
    assert linkedin["draft"]["basics"]["name"] == "Kim Lee"
    assert {"Python", "Kubernetes", "German"} <= {s["name"] for s in linkedin["draft"]["skills"]}


@pytest.mark.parametrize(
    ("make", "status", "code"),
    [
        (lambda: b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", 415, "unsupported_file"),
        (
            lambda: files.encrypted_pdf(render_pdf(corpus.CAREER, template="ats", paper="a4")),
            400,
            "encrypted_pdf",
        ),
        (files.scanned_pdf, 400, "no_text_layer"),
        (files.zip_bomb, 400, "zip_bomb"),
        (files.docm_bytes, 400, "macro_document"),
        (files.docx_bytes, 422, "empty_document"),
        (lambda: b"%PDF-1.4\n garbage", 400, "unreadable_file"),
        (lambda: b"PK\x03\x04 not really a zip", 400, "unreadable_file"),
        (lambda: b'{"basics": ', 400, "unreadable_file"),
        (lambda: b"{}", 422, "nothing_to_import"),
    ],
    ids=[
        "gif",
        "encrypted-pdf",
        "scanned-pdf",
        "zip-bomb",
        "docm",
        "empty-docx",
        "broken-pdf",
        "broken-zip",
        "broken-json",
        "empty-json",
    ],
)
def test_bad_files_are_clear_4xx_and_write_nothing(api_client, user, make, status, code):
    response = upload(api_client, make())

    assert response.status_code == status, response.content
    body = response.json()
    assert body["code"] == code and body["detail"]
    assert ImportDraft.objects.count() == 0 and rows(user) == (0, 0)


def test_scanned_pdf_says_what_to_do(api_client):
    detail = upload(api_client, files.scanned_pdf()).json()["detail"]
    assert detail == "No text layer: export the PDF from your editor, or OCR it first."


def test_over_the_upload_limit_is_413(api_client, settings, career_pdf):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1000
    response = upload(api_client, career_pdf)
    assert response.status_code == 413 and response.json()["code"] == "file_too_large"
    assert ImportDraft.objects.count() == 0


def test_json_body_and_anonymous(api_client, anon_client):
    response = api_client.post(
        URL,
        {
            "basics": {"name": "Jo"},
            "work": [{"name": "Acme", "position": "Dev", "startDate": "2020", "endDate": "heute"}],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "json_resume"
    assert "work[0].endDate 'heute' read as ongoing." in response.json()["draft"]["warnings"]
    assert anon_client.post(URL, {}, format="json").status_code == 401
