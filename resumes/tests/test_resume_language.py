# ruff: noqa: RUF001  (Cyrillic, German and French typography are the point of these tests)
import datetime as dt
import io

import pytest
from django.test import Client
from jsonschema import Draft7Validator
from pypdf import PdfReader

from resumes import builder, locales
from resumes.models import AchievementType, Resume
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


def counts(**given):
    return {t: given.get(t, 0) for t in AchievementType.values}


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Backend developer with 3 years of experience across 2 jobs and 1 internship. "
            "Strongest skills: Python, Django and Go. Also 1 degree and 5 projects.",
        ),
        (
            "ru",
            "Backend developer. Опыт работы — 3 года (2 места работы и 1 стажировка). "
            "Ключевые навыки: Python, Django и Go. Также: 1 диплом и 5 проектов.",
        ),
        (
            "de",
            "Backend developer mit 3 Jahren Berufserfahrung (2 Anstellungen und 1 Praktikum). "
            "Stärkste Kenntnisse: Python, Django und Go. Außerdem: 1 Abschluss und 5 Projekte.",
        ),
        (
            "fr",
            "Backend developer avec 3 ans d’expérience (2 emplois et 1 stage). "
            "Compétences principales\u00a0: Python, Django et Go. Également\u00a0: 1 diplôme et 5 projets.",
        ),
        (
            "es",
            "Backend developer con 3 años de experiencia (2 empleos y 1 período de prácticas). "
            "Habilidades principales: Python, Django y Go. Además: 1 título y 5 proyectos.",
        ),
    ],
)
def test_generated_summary_in_each_language(language, expected):
    summary = builder.generated_summary(
        role="Backend developer",
        work_months=38,
        counts=counts(job=2, internship=1, degree=1, project=5),
        strongest=["Python", "Django", "Go"],
        language=language,
    )
    assert summary == expected


def test_russian_summary_plural_forms():
    def summary(months, jobs):
        return builder.generated_summary(
            role="Аналитик", work_months=months, counts=counts(job=jobs), strongest=[], language="ru"
        )

    assert summary(8, 1) == "Аналитик. Опыт работы — 8 месяцев (1 место работы)."
    assert summary(18, 5) == "Аналитик. Опыт работы — 1,5 года (5 мест работы)."
    assert summary(252, 21) == "Аналитик. Опыт работы — 21 год (21 место работы)."
    assert summary(0, 0) == "Аналитик."


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
    assert auto.content["basics"]["summary"].startswith("Backend developer with 3 years of experience")

    response = api_client.patch(f"/api/v1/resumes/{auto.pk}/", {"language": "ru"}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert body["language"] == "ru"
    assert body["content"]["basics"]["summary"].startswith("Backend developer. Опыт работы — 3 года")
    assert body["content"]["skills"][0]["name"] == "Языки программирования"
    # A later achievement rebuilds the resume: still in Russian.
    commit(AchievementFactory, user=user, type="project", title="ETL", skills=["Go"])
    auto.refresh_from_db()
    assert auto.language == "ru"
    assert "Также: 1 проект." in auto.content["basics"]["summary"]
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
