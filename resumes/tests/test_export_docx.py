# ruff: noqa: RUF001  (Cyrillic, Greek and en dashes are the point of these tests)
import copy
import io
from pathlib import Path

import docx
import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from pypdf import PdfReader

from resumes.exporters.docx import CONTENT_TYPE, THEMES, cache_key, render_docx
from resumes.exporters.docx_template import CUSTOM_STYLES, TEMPLATE_PATH
from resumes.exporters.pdf import TEMPLATES, render_pdf
from resumes.locales import HEADINGS, LANGUAGES
from resumes.models import Resume, ResumeTemplate

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
from .libreoffice import convert_to_pdf

# The first job started in May 2019 and goes on; the degree ran Oct 2010 - Jun 2015.
DATES = {
    "en": ("May 2019 – Present", "Oct 2010 – Jun 2015"),
    "ru": ("май 2019 – н. в.", "окт. 2010 – июн. 2015"),
    "de": ("Mai 2019 – heute", "Okt. 2010 – Juni 2015"),
    "fr": ("mai 2019 – aujourd’hui", "oct. 2010 – juin 2015"),
    "es": ("may. 2019 – actualidad", "oct. 2010 – jun. 2015"),
}
SECTIONS = ("work", "education", "skills", "languages")


def in_language(language: str, content=UNICODE_RESUME) -> dict:
    return {**copy.deepcopy(content), "meta": {"language": language}}


def folded(text: str) -> str:
    """Whitespace folded and case folded: headings may be set in capitals (classic, ATS, one page)."""
    return " ".join(text.split()).casefold()


def pdf_text(path_or_bytes) -> str:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return folded(" ".join(page.extract_text() for page in PdfReader(source).pages))


def in_order(text: str, parts) -> bool:
    position = -1
    for part in parts:
        position = text.find(folded(part), position + 1)
        if position < 0:
            return False
    return True


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    """Every template in every language as DOCX, converted to PDF by LibreOffice in one run."""
    folder = tmp_path_factory.mktemp("docx")
    files = {}
    for template in TEMPLATES:
        for language in LANGUAGES:
            path = folder / f"{template}-{language}.docx"
            path.write_bytes(render_docx(in_language(language), template=template, paper="a4"))
            files[(template, language)] = path
    long_resume = folder / "onepage-long.docx"
    long_resume.write_bytes(render_docx(with_entries(30), template="onepage", paper="a4"))
    files[("onepage", "long")] = long_resume
    outdir = folder / "pdf"
    outdir.mkdir()
    pdfs = convert_to_pdf(list(files.values()), outdir, folder / "profile")
    return {key: pdfs[path] for key, path in files.items()}


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("template", list(TEMPLATES))
def test_libreoffice_opens_every_template_in_every_language(converted, template, language):
    text = pdf_text(converted[(template, language)])

    for expected in (NAME, CYRILLIC_LABEL, GREEK_SUMMARY, CYRILLIC_COMPANY, GREEK_POSITION, LATIN_HIGHLIGHT):
        assert folded(expected) in text
    for key in SECTIONS:
        assert folded(HEADINGS[language][key]) in text, key
    for dates in DATES[language]:
        assert folded(dates) in text


def test_russian_headings_and_dates_in_the_docx_as_libreoffice_reads_it(converted):
    text = pdf_text(converted[("executive", "ru")])  # executive keeps the headings' own case

    assert in_order(text, ["О себе", "Опыт работы", "май 2019 – н. в.", "Образование", "Навыки", "Языки"])
    assert "present" not in text and "experience" not in text


def test_one_page_docx_is_one_page_in_libreoffice(converted):
    reader = PdfReader(converted[("onepage", "long")])

    assert len(reader.pages) == 1
    assert "role 0 ·" in folded(reader.pages[0].extract_text())


@pytest.mark.parametrize("template", list(TEMPLATES))
def test_docx_has_the_pdfs_content_in_the_pdfs_order(template):
    content = in_language("en")
    document = docx.Document(io.BytesIO(render_docx(content, template=template, paper="a4")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]

    assert document.paragraphs[0].style.name == "Title"
    assert document.paragraphs[0].text == NAME
    assert {"Experience", "Education", "Skills", "Languages"} <= set(headings)
    assert in_order(pdf_text(render_pdf(content, template=template, paper="a4")), headings)


def test_docx_uses_real_styles_bullets_and_no_text_boxes():
    body = render_docx(in_language("ru"), template="modern", paper="letter")
    document = docx.Document(io.BytesIO(body))
    by_style = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)

    assert by_style["Title"] == [NAME]
    assert by_style["Subtitle"] == [CYRILLIC_LABEL]
    assert by_style["Heading 1"] == ["Контакты", "Навыки", "Языки", "О себе", "Опыт работы", "Образование"]
    assert by_style["Heading 2"][0] == f"{GREEK_POSITION} · май 2019 – н. в."
    assert LATIN_HIGHLIGHT in by_style["List Bullet"]
    # Bullets come from a numbering definition, not typed characters.
    assert document.styles["List Bullet"].element.pPr.numPr is not None
    assert not any(text.startswith("•") for text in by_style["List Bullet"])
    xml = document.element.xml
    for forbidden in ("txbxContent", "<w:tbl>", "v:textbox", "wps:wsp"):
        assert forbidden not in xml
    assert document.core_properties.language == "ru-RU"
    section = document.sections[0]
    assert (round(section.page_width.mm, 1), round(section.page_height.mm, 1)) == (215.9, 279.4)


@pytest.fixture
def resume(user):
    return Resume.objects.create(user=user, title="Mój życiorys", content=in_language("ru"))


def docx_url(resume, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"/api/v1/resumes/{resume.pk}/docx/" + (f"?{query}" if query else "")


def test_docx_download_from_the_api(api_client, resume):
    response = api_client.get(docx_url(resume, template="ats"))

    assert response.status_code == 200
    assert response["Content-Type"] == CONTENT_TYPE
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''zo%C3%AB-%C5%82ukasiewicz-%C3%A5ngstr%C3%B6m-resume-ats-a4.docx"
    )
    document = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    assert "Кратко о себе" in texts and "Опыт работы" in texts


def test_control_characters_in_the_text_are_dropped_not_a_500(api_client, user):
    # What a paste from a terminal or a fuzzer leaves: XML cannot hold these, Word would not open it.
    content = {"basics": {"name": "Ada\x01 Lovelace", "summary": "Builds\x08 engines\x1f."}}
    resume = Resume.objects.create(user=user, title="E\x8f\x0b", content=content)
    response = api_client.get(docx_url(resume))
    assert response.status_code == 200
    texts = [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]
    assert "Ada Lovelace" in texts and "Builds engines." in texts


def test_docx_cache_miss_then_hit_and_a_changed_resume_misses(
    api_client, resume, django_assert_max_num_queries
):
    key = cache_key(resume.content, template="classic", paper="a4", title=resume.title)
    first = api_client.get(docx_url(resume))
    assert first["X-Cache-Status"] == "MISS"
    assert cache.get(key) == first.content

    cache.set(key, b"cached-docx")  # whatever the cache holds is served: nothing renders
    with django_assert_max_num_queries(2):  # the user and the resume
        second = api_client.get(docx_url(resume))
    assert second["X-Cache-Status"] == "HIT"
    assert second.content == b"cached-docx"

    resume.content = {**resume.content, "basics": {**resume.content["basics"], "name": "Ζωή Ångström"}}
    resume.save()
    third = api_client.get(docx_url(resume))
    assert third["X-Cache-Status"] == "MISS"
    assert docx.Document(io.BytesIO(third.content)).paragraphs[0].text == "Ζωή Ångström"
    assert api_client.get(docx_url(resume, paper="letter"))["X-Cache-Status"] == "MISS"


def test_another_users_resume_is_404(other_client, resume):
    response = other_client.get(docx_url(resume))

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_anonymous_is_401(anon_client, resume):
    assert anon_client.get(docx_url(resume)).status_code == 401


@pytest.mark.parametrize(
    ("params", "field"), [({"template": "fancy"}, "template"), ({"paper": "a3"}, "paper")]
)
def test_unknown_template_or_paper_is_400_with_the_field(api_client, resume, params, field):
    response = api_client.get(docx_url(resume, **params))

    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert list(body["errors"]) == [field]


def test_export_command_writes_docx(resume, tmp_path):
    out = tmp_path / "cv.docx"
    call_command("export_resume", resume.pk, "--format", "docx", "--out", str(out), "--template", "executive")

    document = docx.Document(str(out))
    assert document.paragraphs[0].text == NAME
    with pytest.raises(CommandError, match="DOCX to a file"):
        call_command("export_resume", resume.pk, "--format", "docx", "--out", "-")


def test_export_page_downloads_docx(user, resume):
    page = Client()
    page.force_login(user)

    response = page.get(f"/resumes/{resume.pk}/export/?template=onepage&paper=letter&format=docx")

    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-resume-onepage-letter.docx")
    assert response["X-Resume-Left-Out"] == ""  # this resume fits as it is
    assert docx.Document(io.BytesIO(response.content)).paragraphs[0].text == NAME


def test_committed_template_has_our_styles():
    document = docx.Document(str(TEMPLATE_PATH))
    names = {style.name for style in document.styles}

    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "List Bullet", *CUSTOM_STYLES} <= names
    assert Path(TEMPLATE_PATH).stat().st_size < 100_000


def test_every_template_is_a_resume_template_with_a_docx_theme(api_client):
    assert list(ResumeTemplate.values) == list(TEMPLATES) == list(THEMES)

    created = api_client.post("/api/v1/resumes/", {"title": "Short", "template": "onepage"}, format="json")
    assert created.status_code == 201
    assert created.json()["template"] == "onepage"
