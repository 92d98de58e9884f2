# ruff: noqa: RUF001  (Cyrillic, Greek and en dashes are the point of these tests)
from resumes.exporters.markdown import escape, to_markdown
from resumes.models import Resume

from .export_data import LONG_HIGHLIGHT, SPARSE_RESUME, UNICODE_RESUME, official_sample


def test_markdown_of_the_official_sample():
    text = to_markdown(official_sample())

    assert text.startswith("# Richard Hendriks\n\n**Programmer**\n\n")
    assert "richard.hendriks@mail.com · (912) 555-4321 · <http://richardhendricks.example.com>" in text
    assert (
        "## Experience\n\n### CEO/President\n\nPied Piper · Palo Alto, CA · *Dec 2013 – Dec 2014* · " in text
    )
    assert "- Successfully won Techcrunch Disrupt\n" in text
    assert "### Bachelor, Information Technology\n\nUniversity of Oklahoma · *Jun 2011 – Jan 2014*" in text
    assert "## Skills\n\n- **Web Development (Master)**: HTML, CSS, Javascript\n" in text
    assert "- **English (Native speaker)**\n" in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert "\n\n\n" not in text


def test_markdown_keeps_unicode_and_partial_dates():
    text = to_markdown(UNICODE_RESUME)

    assert "# Zoë Łukasiewicz\\-Ångström" not in text  # a hyphen inside a line is not escaped
    assert text.startswith("# Zoë Łukasiewicz-Ångström\n")
    assert "### Αρχιτέκτονας λογισμικού\n\nЯндекс Технологии · Москва · *May 2019 – Present*" in text
    assert "*2015 – 2019*" in text


def test_markdown_without_a_name_uses_the_fallback_and_keeps_long_lines_whole():
    text = to_markdown(SPARSE_RESUME, fallback_name="Imported")

    assert text.startswith("# Imported\n")
    assert f"- {LONG_HIGHLIGHT}\n" in text
    assert "### CKA\n\nCNCF · *2022*" in text


def test_markdown_escapes_what_would_change_the_structure():
    assert escape("# not a heading") == "\\# not a heading"
    assert (
        escape("C++ and *stars* and [link](x) and a_b") == "C++ and \\*stars\\* and \\[link\\](x) and a\\_b"
    )
    assert escape("line one\n- line two") == "line one - line two"
    assert escape("1. first") == "1\\. first"


def test_markdown_endpoint(api_client, user):
    resume = Resume.objects.create(user=user, title="CV", content=UNICODE_RESUME)

    response = api_client.get(f"/api/v1/resumes/{resume.pk}/markdown/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/markdown; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''zo%C3%AB")
    assert response.content.decode().startswith("# Zoë Łukasiewicz-Ångström\n")


def test_markdown_links_only_http_and_mailto_urls():
    """An autolink takes any scheme; javascript: or data: ones would run when the Markdown is rendered."""
    work = dict(UNICODE_RESUME["work"][0])
    safe = {**work, "url": "https://example.com/role"}
    scripted = {**work, "name": "Scripted", "url": "javascript:alert(document.cookie)"}
    data_url = {**work, "name": "Data", "url": "data:text/html;base64,PHNjcmlwdD4="}
    basics = {**UNICODE_RESUME["basics"], "url": "JAVASCRIPT:alert(1)", "email": "zoe@example.com"}
    text = to_markdown({**UNICODE_RESUME, "basics": basics, "work": [safe, scripted, data_url]})

    assert "<https://example.com/role>" in text
    assert "<javascript:" not in text.lower() and "<data:" not in text
    assert "javascript:alert(document.cookie)" in text  # kept as plain text, not a link
    assert "<mailto:" not in text or "<mailto:zoe@example.com>" in text
