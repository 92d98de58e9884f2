import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from resumes.exporters.pdf import render_pdf
from resumes.models import Achievement
from resumes.services import rebuild_resume

from . import corpus, files


@pytest.fixture
def client_for(db):
    def make(user):
        client = Client()
        client.force_login(user)
        return client

    return make


def test_new_users_dashboard_leads_to_import_first(client_for, user):
    client = client_for(user)
    page = client.get("/dashboard/").content.decode()
    assert page.index('href="/import/"') < page.index("Achievements &amp; resume")
    Achievement.objects.create(user=user, type="job", title="Dev")
    assert 'href="/import/"' not in client.get("/dashboard/").content.decode()


def test_upload_review_edit_confirm(client_for, user):
    client = client_for(user)
    assert "Drop a file here" in client.get("/import/").content.decode()
    pdf = render_pdf(corpus.CAREER, template="classic", paper="a4")
    response = client.post("/import/", {"file": SimpleUploadedFile("cv.pdf", pdf)})
    assert response.status_code == 302
    review = client.get(response["Location"]).content.decode()
    assert 'value="Stripe Inc."' in review and "conf-high" in review

    form = {
        "e0-include": "1",
        "e0-type": "job",
        "e0-title": "Staff Engineer II",
        "e0-organization": "Stripe Inc.",
        "e0-start_date": "2021-03-01",
        "e0-end_date": "",
        "e0-highlights": "Cut payout latency by 38%",
    }
    confirmed = client.post(response["Location"], form)

    assert confirmed.status_code == 302
    assert list(Achievement.objects.filter(user=user).values_list("title", "organization")) == [
        ("Staff Engineer II", "Stripe Inc.")
    ]
    assert "1 created, 0 merged" in client.get(response["Location"]).content.decode()


def test_bad_upload_shows_the_reason(client_for, user):
    response = client_for(user).post("/import/", {"file": SimpleUploadedFile("s.pdf", files.scanned_pdf())})
    assert response.status_code == 400
    assert "No text layer: export the PDF from your editor, or OCR it first." in response.content.decode()


def test_review_shows_a_projects_roles_apart_from_its_organisation(client_for, user):
    client = client_for(user)
    pdf = render_pdf(corpus.official_sample(), template="executive", paper="a4")
    review_url = client.post("/import/", {"file": SimpleUploadedFile("cv.pdf", pdf)})["Location"]

    review = client.get(review_url).content.decode()

    assert "Roles: Team lead, Designer (written at the start of the description)" in review
    assert 'value="Smoogle"' in review


def test_other_users_draft_is_404(client_for, user, other_user, api_client):
    pdf = render_pdf(corpus.CAREER, template="ats", paper="a4")
    draft = api_client.post(
        "/api/v1/imports/", {"file": SimpleUploadedFile("a", pdf)}, format="multipart"
    ).json()
    assert client_for(other_user).get(f"/import/{draft['id']}/").status_code == 404


def test_export_page_ats_panel(client_for, user):
    Achievement.objects.create(
        user=user,
        type="job",
        title="Developer",
        organization="Acme",
        start_date="2020-01-01",
        highlights=["Shipped 3 releases"],
    )
    resume = rebuild_resume(user=user)
    client = client_for(user)
    assert (
        f'hx-get="/resumes/{resume.pk}/export/ats/?template=ats"'
        in client.get(f"/resumes/{resume.pk}/export/").content.decode()
    )
    panel = client.get(f"/resumes/{resume.pk}/export/ats/?template=modern").content.decode()
    assert "<b>PDF</b> reads back cleanly" in panel and "<b>DOCX</b> reads back cleanly" in panel
    assert "Contact details" in panel
