# ruff: noqa: RUF001  (Cyrillic, Greek and en dashes are the point of these tests)
import io

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from resumes.exporters.pdf import cache_key, render_pdf
from resumes.models import Resume

from .export_data import (
    CYRILLIC_COMPANY,
    CYRILLIC_LABEL,
    GREEK_POSITION,
    GREEK_SUMMARY,
    LATIN_HIGHLIGHT,
    NAME,
    UNICODE_RESUME,
    with_entries,
)

# Page sizes in points.
PAGE_SIZES = {"a4": (595, 842), "letter": (612, 792)}


def pdf_pages(body: bytes) -> list[str]:
    """Each page's extracted text with whitespace folded, so a wrapped line still reads whole."""
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(body)).pages]


@pytest.fixture
def resume(user):
    return Resume.objects.create(user=user, title="Mój życiorys", content=UNICODE_RESUME)


def pdf_url(resume, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/v1/resumes/{resume.pk}/pdf/" + (f"?{query}" if query else "")


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("template", ["classic", "modern", "ats", "executive", "onepage"])
def test_pdf_text_in_latin_cyrillic_and_greek(api_client, resume, template, paper):
    response = api_client.get(pdf_url(resume, template=template, paper=paper))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename")
    text = " ".join(pdf_pages(response.content))
    for expected in (NAME, CYRILLIC_LABEL, GREEK_SUMMARY, CYRILLIC_COMPANY, GREEK_POSITION, LATIN_HIGHLIGHT):
        assert expected in text
    assert "May 2019 – Present" in text
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == PAGE_SIZES[paper]


def test_pdf_defaults_to_classic_a4_with_a_readable_filename(api_client, resume):
    response = api_client.get(pdf_url(resume), HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''zo%C3%AB-%C5%82ukasiewicz-%C3%A5ngstr%C3%B6m-resume-classic-a4.pdf"
    )


def test_pdf_filename_falls_back_to_the_title(api_client, user):
    resume = Resume.objects.create(user=user, title="Backend roles", content={})

    response = api_client.get(pdf_url(resume, template="ats"))

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="backend-roles-resume-ats-a4.pdf"'
    assert "Backend roles" in " ".join(pdf_pages(response.content))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"template": "fancy"}, "template"),
        ({"paper": "a3"}, "paper"),
        ({"template": "", "paper": ""}, "paper"),
    ],
)
def test_unknown_template_or_paper_is_400(api_client, resume, params, field):
    response = api_client.get(pdf_url(resume, **params))

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["errors"]


def test_another_users_resume_is_404_for_every_export(other_client, resume):
    for suffix in ("pdf/", "json-resume/", "markdown/"):
        response = other_client.get(f"/api/v1/resumes/{resume.pk}/{suffix}")
        assert response.status_code == 404, suffix
        assert response.json()["code"] == "not_found"


def test_anonymous_export_is_401(anon_client, resume):
    assert anon_client.get(pdf_url(resume)).status_code == 401


def test_second_request_is_served_from_the_cache(api_client, resume, django_assert_max_num_queries):
    key = cache_key(resume.content, template="modern", paper="letter", title=resume.title)
    assert cache.get(key) is None

    first = api_client.get(pdf_url(resume, template="modern", paper="letter"))
    assert first["X-Cache-Status"] == "MISS"
    assert cache.get(key) == first.content

    # Whatever the cache holds is what is served: the second request renders nothing.
    cache.set(key, b"%PDF-cached")
    with django_assert_max_num_queries(2):  # the user and the resume
        second = api_client.get(pdf_url(resume, template="modern", paper="letter"))
    assert second["X-Cache-Status"] == "HIT"
    assert second.content == b"%PDF-cached"


def test_a_changed_resume_renders_again(api_client, resume):
    assert api_client.get(pdf_url(resume))["X-Cache-Status"] == "MISS"
    assert api_client.get(pdf_url(resume))["X-Cache-Status"] == "HIT"

    resume.content = {**resume.content, "basics": {**resume.content["basics"], "name": "Ζωή Ångström"}}
    resume.save()
    response = api_client.get(pdf_url(resume))

    assert response["X-Cache-Status"] == "MISS"
    assert "Ζωή Ångström" in " ".join(pdf_pages(response.content))
    # Another template or paper is another PDF.
    assert api_client.get(pdf_url(resume, paper="letter"))["X-Cache-Status"] == "MISS"


@pytest.mark.parametrize("template", ["classic", "modern", "ats", "executive"])
def test_page_breaks_keep_each_heading_with_its_first_line(template):
    pages = pdf_pages(render_pdf(with_entries(14), template=template, paper="a4"))

    assert len(pages) >= 2
    for n in range(14):
        heading_pages = [i for i, text in enumerate(pages) if f"Role {n} ·" in text]
        assert len(heading_pages) == 1, n
        assert f"First line {n}." in pages[heading_pages[0]], f"Role {n} is cut from its first line"
