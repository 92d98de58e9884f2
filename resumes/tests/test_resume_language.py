# ruff: noqa: RUF001  (Cyrillic, German and French typography are the point of these tests)
import datetime as dt
import io

import pytest
from django.test import Client
from jsonschema import Draft7Validator
from pypdf import PdfReader

from resumes import builder, locales
from resumes.models import Achievement, Resume
from resumes.tests.factories import AchievementFactory

from .export_data import UNICODE_RESUME, official_schema

pytestmark = pytest.mark.django_db


def pdf_text(body: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Mar 2021 – Present"),
        ("ru", "мар. 2021 – н. в."),
        ("de", "März 2021 – heute"),
        ("fr", "mars 2021 – aujourd’hui"),
        ("es", "mar. 2021 – actualidad"),
    ],
)
def test_ongoing_date_range_in_each_language(language, expected):
    assert locales.date_range("2021-03-01", "", language) == expected


def test_date_ranges_and_unknown_languages():
    assert locales.date_range("2019-05", "2019-05", "de") == "Mai 2019"
    assert locales.date_range("2015", "2019", "ru") == "2015 – 2019"
    assert locales.date_range("", "2020-12", "fr") == "déc. 2020"
    assert locales.date_range("2021-03", "", "pl") == "Mar 2021 – Present"  # unknown: English
    assert locales.resume_language({"meta": {"language": "xx"}}) == "en"
    assert locales.resume_language({}) == "en"
    assert set(locales.HEADINGS) == set(locales.MONTHS) == set(locales.PRESENT) == set(locales.LANGUAGES)
    for language in locales.LANGUAGES:
        assert locales.HEADINGS[language].keys() == locales.HEADINGS["en"].keys(), language


def record():
    """Unsaved achievements, newest first: the builder's summary is a pure function of them."""
    return [
        Achievement(
            type="job", title="Backend developer", organization="Kiwi.com", start_date=dt.date(2021, 3, 1),
            skills=["Python", "Django"], highlights=["Cut p95 latency by 40%"],
        ),
        Achievement(
            type="internship", title="Intern", organization="Seznam.cz", start_date=dt.date(2020, 6, 1),
            end_date=dt.date(2020, 9, 30), skills=["Go"], highlights=[],
        ),
        Achievement(type="degree", title="MSc Informatics", organization="ČVUT", skills=[], highlights=[]),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Backend developer at Kiwi.com with 3 years of experience. "
            "Strongest in Python (Kiwi.com), Django (Kiwi.com) and Go (Seznam.cz). "
            "At Kiwi.com, cut p95 latency by 40%.",
        ),
        (
            "ru",
            "Backend developer в Kiwi.com, опыт работы — 3 года. "
            "Ключевые навыки: Python (Kiwi.com), Django (Kiwi.com) и Go (Seznam.cz). "
            "Результат в Kiwi.com: «Cut p95 latency by 40%».",
        ),
        (
            "de",
            "Backend developer bei Kiwi.com mit 3 Jahren Berufserfahrung. "
            "Stärken: Python (Kiwi.com), Django (Kiwi.com) und Go (Seznam.cz). "
            "Ergebnis bei Kiwi.com: „Cut p95 latency by 40%“.",
        ),
        (
            "fr",
            "Backend developer chez Kiwi.com, 3 ans d’expérience. "
            "Points forts\u00a0: Python (Kiwi.com), Django (Kiwi.com) et Go (Seznam.cz). "
            "Résultat chez Kiwi.com\u00a0: «\u00a0Cut p95 latency by 40%\u00a0».",
        ),
        (
            "es",
            "Backend developer en Kiwi.com, con 3 años de experiencia. "
            "Puntos fuertes: Python (Kiwi.com), Django (Kiwi.com) y Go (Seznam.cz). "
            "Resultado en Kiwi.com: «Cut p95 latency by 40%».",
        ),
    ],
)
def test_generated_summary_in_each_language(language, expected):
    # The English highlight is woven into the English summary and quoted in the others.
    summary = builder.generated_summary(
        role="Backend developer", achievements=record(), work_months=38, strongest=["Python", "Django", "Go"],
        today=dt.date(2024, 5, 1), language=language,
    )  # fmt: skip
    assert summary == expected


def test_russian_summary_plural_forms_and_woven_russian_verbs():
    def summary(months, highlight="Сократил время сборки вдвое"):
        job = Achievement(
            type="job", title="Аналитик", organization="Яндекс", start_date=dt.date(2020, 1, 1),
            skills=[], highlights=[highlight],
        )  # fmt: skip
        return builder.generated_summary(
            role="Аналитик", achievements=[job], work_months=months, strongest=[], today=dt.date(2024, 1, 1),
            language="ru",
        )  # fmt: skip

    assert summary(8) == "Аналитик в Яндекс, опыт работы — 8 месяцев. В Яндекс: сократил время сборки вдвое."
    assert summary(36).startswith("Аналитик в Яндекс, опыт работы — 3 года.")
    assert summary(252).startswith("Аналитик в Яндекс, опыт работы — 21 год.")
    assert summary(0, "Отчёт для руководства").endswith("Результат в Яндекс: «Отчёт для руководства».")


def test_manual_resume_language_through_the_api(api_client, user):
    created = api_client.post(
        "/api/v1/resumes/",
        {"title": "Lebenslauf", "content": UNICODE_RESUME, "language": "de"},
        format="json",
    )
    assert created.status_code == 201, created.json()
    assert created.json()["language"] == "de"
    resume = Resume.objects.get(pk=created.json()["id"])
    assert resume.content["meta"] == {"language": "de"}
    assert resume.content["work"] == UNICODE_RESUME["work"]

    changed = api_client.patch(f"/api/v1/resumes/{resume.pk}/", {"language": "ru"}, format="json")
    assert changed.status_code == 200
    assert changed.json()["language"] == "ru"
    assert changed.json()["content"]["meta"]["language"] == "ru"
    # Content and language together: the language wins over the content's own meta.
    both = api_client.patch(
        f"/api/v1/resumes/{resume.pk}/",
        {"content": {**UNICODE_RESUME, "meta": {"language": "fr"}}, "language": "es"},
        format="json",
    )
    assert both.json()["language"] == "es"
    plain = Resume.objects.create(user=user, title="Plain", content={})
    assert api_client.get(f"/api/v1/resumes/{plain.pk}/").json()["language"] == "en"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"language": "pl"}, "language"),
        ({"language": 7}, "language"),
        ({"content": {"meta": {"language": "klingon"}}}, "content"),
    ],
)
def test_bad_language_is_400_and_changes_nothing(api_client, user, payload, field):
    resume = Resume.objects.create(user=user, title="CV", content={"meta": {"language": "fr"}})

    response = api_client.patch(f"/api/v1/resumes/{resume.pk}/", payload, format="json")

    assert response.status_code == 400
    assert list(response.json()["errors"]) == [field]
    resume.refresh_from_db()
    assert resume.content == {"meta": {"language": "fr"}}


def test_auto_resume_language_rewrites_the_summary_and_survives_rebuilds(api_client, user, commit):
    commit(
        AchievementFactory,
        user=user,
        type="job",
        title="Backend developer",
        start_date=dt.date(2020, 1, 1),
        end_date=dt.date(2023, 1, 1),
        skills=["Python"],
    )
    auto = Resume.objects.get(user=user, is_auto=True)
    summary = auto.content["basics"]["summary"]
    assert (
        summary.startswith("Backend developer, most recently at ")
        and ", with 3 years of experience." in summary
    )

    response = api_client.patch(f"/api/v1/resumes/{auto.pk}/", {"language": "ru"}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "ru"
    summary = body["content"]["basics"]["summary"]
    assert (
        summary.startswith("Backend developer, последнее место работы — ")
        and "; опыт работы — 3 года." in summary
    )
    assert body["content"]["skills"][0]["name"] == "Языки программирования"
    # A later achievement rebuilds the resume: still in Russian.
    commit(AchievementFactory, user=user, type="project", title="ETL", skills=["Go"])
    auto.refresh_from_db()
    assert auto.language == "ru"
    summary = auto.content["basics"]["summary"]
    assert "; опыт работы — 3 года." in summary and "Ключевые навыки: " in summary and "Также" not in summary
    # Its content stays read-only; only the language may change.
    refused = api_client.patch(f"/api/v1/resumes/{auto.pk}/", {"content": {}}, format="json")
    assert refused.status_code == 400


def test_russian_headings_and_dates_in_every_pdf_template(api_client, user):
    resume = Resume.objects.create(
        user=user, title="Резюме", content={**UNICODE_RESUME, "meta": {"language": "ru"}}
    )
    for template in ("classic", "modern", "ats", "executive", "onepage"):
        text = pdf_text(api_client.get(f"/api/v1/resumes/{resume.pk}/pdf/?template={template}").content)
        folded = text.casefold()
        for heading in ("Опыт работы", "Образование", "Навыки", "Языки"):
            assert heading.casefold() in folded, (template, heading)
        assert "май 2019 – н. в." in text, template
        assert "окт. 2010 – июн. 2015" in text, template
        assert "experience" not in folded and "present" not in folded, template


def test_markdown_json_resume_and_html_preview_follow_the_language(api_client, user):
    resume = Resume.objects.create(
        user=user, title="CV", content={**UNICODE_RESUME, "meta": {"language": "de"}}
    )

    markdown = api_client.get(f"/api/v1/resumes/{resume.pk}/markdown/").content.decode()
    assert "## Berufserfahrung" in markdown and "*Mai 2019 – heute*" in markdown
    document = api_client.get(f"/api/v1/resumes/{resume.pk}/json-resume/").json()
    assert document["meta"]["language"] == "de"
    assert not list(Draft7Validator(official_schema()).iter_errors(document))

    page = Client()
    page.force_login(user)
    html = page.get(f"/resumes/{resume.pk}/").content.decode()
    assert '<div class="resume-document" lang="de">' in html
    assert "<h3>Berufserfahrung</h3>" in html and "Mai 2019 – heute" in html
    preview = page.get(f"/resumes/{resume.pk}/preview/classic/").content.decode()
    assert '<html lang="de">' in preview and "Berufserfahrung" in preview
    export = page.get(f"/resumes/{resume.pk}/export/").content.decode()
    assert "the resume's language (Deutsch)" in export
