import io
import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from resumes.exporters.pdf import TEMPLATES
from resumes.models import Achievement, Resume

from .export_data import UNICODE_RESUME, official_sample


@pytest.fixture
def page(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def resume(user):
    return Resume.objects.create(user=user, title="Мой CV", content=UNICODE_RESUME, template="modern")


def upload(document, name="resume.json"):
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    return SimpleUploadedFile(name, raw, content_type="application/json")


def test_export_page_offers_templates_papers_and_previews(page, resume):
    response = page.get(f"/resumes/{resume.pk}/export/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Export “Мой CV”" in html
    assert '<option value="modern" selected>' in html  # the resume's own template first
    assert '<option value="letter">US Letter</option>' in html
    for template in TEMPLATES:
        # The template's preview image (sample resume) links to the template filled with this resume.
        assert f'src="/static/resumes/previews/{template}.png"' in html
        assert f'href="/resumes/{resume.pk}/preview/{template}/?paper=a4"' in html
        assert f"?template={template}&amp;paper=a4&amp;format=docx" in html
    assert f'hx-get="/resumes/{resume.pk}/export/previews/"' in html
    assert f'hx-get="/resumes/{resume.pk}/export/onepage/?paper=a4"' in html
    assert '<button type="submit" name="format" value="docx" class="secondary">Download DOCX' in html


def test_previews_follow_the_paper(page, resume):
    response = page.get(f"/resumes/{resume.pk}/export/previews/?paper=letter")

    assert response.status_code == 200
    html = response.content.decode()
    # Each template's image and its "with your resume" link open the letter-size preview.
    assert len(re.findall(r"/preview/\w+/\?paper=letter", html)) == 2 * len(TEMPLATES)
    assert "/export/onepage/?paper=letter" in html
    assert html.count("paper=letter&amp;format=docx") == len(TEMPLATES)
    assert page.get(f"/resumes/{resume.pk}/export/previews/?paper=a0").status_code == 400


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_preview_is_the_template_filled_with_the_resume(page, resume, template):
    response = page.get(f"/resumes/{resume.pk}/preview/{template}/?paper=letter")

    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    html = response.content.decode()
    assert "Zoë Łukasiewicz-Ångström" in html
    assert "Αρχιτέκτονας λογισμικού" in html
    assert "215.9mm" in html
    assert ".ttf" not in html  # the browser gets no server paths


def test_preview_of_unknown_template_or_paper(page, resume):
    assert page.get(f"/resumes/{resume.pk}/preview/fancy/").status_code == 404
    assert page.get(f"/resumes/{resume.pk}/preview/ats/?paper=a0").status_code == 400


def test_download_from_the_page(page, resume):
    response = page.get(f"/resumes/{resume.pk}/export/?template=ats&paper=letter&format=pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].endswith("-resume-ats-letter.pdf")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Яндекс Технологии" in text

    markdown = page.get(f"/resumes/{resume.pk}/export/?template=ats&paper=letter&format=md")
    assert markdown.content.decode().startswith("# Zoë")
    document = page.get(f"/resumes/{resume.pk}/export/?template=ats&paper=a4&format=json")
    assert json.loads(document.content)["basics"]["name"] == "Zoë Łukasiewicz-Ångström"


def test_bad_choice_on_the_page_shows_the_error(page, resume):
    response = page.get(f"/resumes/{resume.pk}/export/?template=fancy&paper=a4&format=pdf")

    assert response.status_code == 400
    assert "Select a valid choice. fancy is not one of the available choices." in response.content.decode()


def test_resume_page_offers_the_download(page, resume):
    response = page.get(f"/resumes/{resume.pk}/")

    html = response.content.decode()
    assert f'<form method="get" action="/resumes/{resume.pk}/export/" class="card export-bar">' in html
    assert '<option value="modern" selected>Modern — sidebar</option>' in html
    assert '<option value="letter">US Letter</option>' in html
    assert '<button type="submit" name="format" value="pdf" class="small">Download PDF</button>' in html
    assert 'href="/resumes/import/"' in page.get("/resumes/").content.decode()


def test_pages_are_owner_only(resume, other_user):
    other = Client()
    other.force_login(other_user)
    for url in (
        "export/",
        "export/previews/",
        "export/onepage/",
        "preview/classic/",
        "preview/onepage/",
        "export/?template=ats&paper=a4&format=docx",
        "export/?template=ats&paper=a4&format=pdf",
    ):
        assert other.get(f"/resumes/{resume.pk}/{url}").status_code == 404, url
    assert Client().get(f"/resumes/{resume.pk}/export/").status_code == 302


def test_import_page_creates_the_resume(page, user):
    assert page.get("/resumes/import/").status_code == 200

    response = page.post(
        "/resumes/import/", {"file": upload(official_sample()), "title": "From jsonresume.org"}
    )

    resume = Resume.objects.get(user=user, title="From jsonresume.org")
    assert response.status_code == 302
    assert response["Location"] == f"/resumes/{resume.pk}/"
    follow = page.get(response["Location"])
    assert "Imported “From jsonresume.org”: 6 achievements" in follow.content.decode()


def test_import_page_shows_schema_errors_next_to_the_form(page, user):
    document = official_sample()
    document["work"][0]["endDate"] = "last year"

    response = page.post("/resumes/import/", {"file": upload(document)})

    assert response.status_code == 400
    html = response.content.decode()
    assert '<div class="field has-error">' in html
    assert "work.0.endDate: &#x27;last year&#x27; does not match" in html
    assert "(schema: properties/work/items/properties/endDate/pattern)" in html
    assert not Resume.objects.filter(user=user).exists()
    assert not Achievement.objects.filter(user=user).exists()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b'{"basics": ', "Not JSON: Expecting value (line 1, column 12)."),
        (b"\xff\xfe", "The file is not UTF-8 text."),
    ],
)
def test_import_page_rejects_files_that_are_not_json(page, user, raw, message):
    response = page.post("/resumes/import/", {"file": upload(raw)})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Resume.objects.filter(user=user).exists()
