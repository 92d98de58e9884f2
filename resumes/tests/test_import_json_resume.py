import copy
import json
import re

import jsonschema
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from resumes.importers import parse_partial_date
from resumes.models import Achievement, AchievementType, Resume, Skill

from .export_data import LONG_HIGHLIGHT, SPARSE_RESUME, UNICODE_RESUME, official_sample, official_schema

IMPORT_URL = "/api/v1/resumes/import/"
FACT_FIELDS = (
    "name", "position", "institution", "area", "studyType", "title", "organization", "issuer", "awarder",
    "publisher", "startDate", "endDate", "date", "releaseDate", "highlights", "keywords", "courses",
    "language", "fluency", "level", "summary", "description", "url", "location",
)  # fmt: skip


def facts(document: dict) -> dict:
    """What a reader relies on: every section's entries, field by field (formatting aside)."""
    result = {"basics": {k: v for k, v in document.get("basics", {}).items() if k != "image"}}
    for section, entries in document.items():
        if isinstance(entries, list):
            result[section] = [{k: e[k] for k in FACT_FIELDS if k in e} for e in entries]
    return result


def import_and_export(client, document):
    response = client.post(IMPORT_URL, document, format="json")
    assert response.status_code == 201, response.content
    exported = client.get(f"/api/v1/resumes/{response.json()['id']}/json-resume/")
    assert exported.status_code == 200
    return response.json(), exported.json()


def counts(user):
    return (
        Resume.objects.filter(user=user).count(),
        Achievement.objects.filter(user=user).count(),
        Skill.objects.filter(user=user).count(),
    )


@pytest.mark.parametrize(
    "document",
    [official_sample(), UNICODE_RESUME, SPARSE_RESUME],
    ids=["official-sample", "unicode", "sparse-partial-dates"],
)
def test_round_trip_returns_the_same_facts(api_client, document):
    _, exported = import_and_export(api_client, document)

    jsonschema.validate(exported, official_schema())
    assert facts(exported) == facts(document)


def test_import_creates_achievements_and_skills_from_the_official_sample(api_client, user):
    body, _ = import_and_export(api_client, official_sample())

    assert body["title"] == "Richard Hendriks (imported)"
    assert body["achievements"] == 6
    rows = {a.type: a for a in Achievement.objects.filter(user=user)}
    assert set(rows) == {
        AchievementType.JOB,
        AchievementType.VOLUNTEER,
        AchievementType.DEGREE,
        AchievementType.AWARD,
        AchievementType.PUBLICATION,
        AchievementType.PROJECT,
    }
    job = rows[AchievementType.JOB]
    assert (job.title, job.organization, job.location) == ("CEO/President", "Pied Piper", "Palo Alto, CA")
    assert (job.start_date.isoformat(), job.end_date.isoformat()) == ("2013-12-01", "2014-12-01")
    assert job.highlights == official_sample()["work"][0]["highlights"]
    assert job.url == "http://piedpiper.example.com"
    degree = rows[AchievementType.DEGREE]
    assert (degree.title, degree.organization) == (
        "Bachelor, Information Technology",
        "University of Oklahoma",
    )
    assert degree.highlights == ["DB1101 - Basic SQL", "CS2011 - Java Introduction"]
    assert rows[AchievementType.PROJECT].skills
    names = {s.name.lower() for s in Skill.objects.filter(user=user)}
    assert {"html", "css", "english"} <= names


def test_partial_dates_unicode_and_long_highlights_survive_as_achievements(api_client, user):
    import_and_export(api_client, SPARSE_RESUME)
    import_and_export(api_client, UNICODE_RESUME)

    intern = Achievement.objects.get(user=user, title="Intern")
    assert intern.type == AchievementType.INTERNSHIP
    assert (intern.start_date.isoformat(), intern.end_date.isoformat()) == ("2018-06-01", "2018-09-01")
    # The achievement keeps to its 500-character limit; the imported resume keeps the whole text.
    assert len(intern.highlights) == 1
    assert len(intern.highlights[0]) == 500
    assert intern.highlights[0].startswith(LONG_HIGHLIGHT[:400])
    assert intern.highlights[0].endswith("…")
    acme = Achievement.objects.get(user=user, organization="Acme")
    assert (acme.start_date.isoformat(), acme.end_date) == ("2019-01-01", None)
    cert = Achievement.objects.get(user=user, type=AchievementType.CERTIFICATION)
    assert (cert.title, cert.organization, cert.start_date.isoformat()) == ("CKA", "CNCF", "2022-01-01")
    job = Achievement.objects.get(user=user, organization="Яндекс Технологии")
    assert job.title == "Αρχιτέκτονας λογισμικού"
    assert job.location == "Москва"
    master = Achievement.objects.get(user=user, type=AchievementType.DEGREE)
    assert master.organization == "Uniwersytet Jagielloński"
    assert master.highlights == ["Αλγόριθμοι", "Базы данных"]
    languages = dict(
        Skill.objects.filter(user=user, category="spoken_language").values_list("name", "proficiency")
    )
    assert languages == {"Polish": "expert", "Russian": "advanced"}  # the taxonomy knows "Polski", "Русский"


def test_import_rebuilds_the_auto_resume_once(
    api_client, user, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with (
        CaptureQueriesContext(connection) as queries,
        django_assert_max_num_queries(60),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = api_client.post(IMPORT_URL, official_sample(), format="json")

    assert response.status_code == 201
    resume_writes = [
        q["sql"]
        for q in queries
        if re.match(r'^\s*(INSERT (OR IGNORE )?INTO|UPDATE) "resumes_resume"', q["sql"])
    ]
    assert len(resume_writes) == 2  # the imported resume, then the auto resume built once
    auto = Resume.objects.get(user=user, is_auto=True)
    assert [w["position"] for w in auto.content["work"]] == ["CEO/President"]
    assert [e["institution"] for e in auto.content["education"]] == ["University of Oklahoma"]
    keywords = {k.lower() for group in auto.content["skills"] for k in group["keywords"]}
    assert {"html", "css", "mpeg"} <= keywords
    assert [language["language"] for language in auto.content["languages"]] == ["English"]


def test_schema_errors_are_400_with_their_paths_and_write_nothing(api_client, user):
    document = copy.deepcopy(official_sample())
    document["basics"]["name"] = 42
    document["work"][0]["startDate"] = "2019-5"
    document["skills"] = {"name": "not a list"}

    response = api_client.post(IMPORT_URL, document, format="json")

    assert response.status_code == 400
    body = response.json()
    assert body["detail"] == "Invalid input."
    assert set(body["errors"]) == {"basics.name", "work.0.startDate", "skills"}
    assert body["errors"]["basics.name"] == [
        "42 is not of type 'string' (schema: properties/basics/properties/name/type)"
    ]
    assert (
        "(schema: properties/work/items/properties/startDate/pattern)"
        in body["errors"]["work.0.startDate"][0]
    )
    assert counts(user) == (0, 0, 0)


@pytest.mark.parametrize(
    ("payload", "key"),
    [([{"basics": {}}], "document"), ({}, "document"), ({"meta": {"version": "v1"}}, "document")],
)
def test_not_a_resume_is_400(api_client, user, payload, key):
    response = api_client.post(IMPORT_URL, payload, format="json")

    assert response.status_code == 400
    assert key in response.json()["errors"]
    assert counts(user) == (0, 0, 0)


def test_broken_json_is_400(api_client, user):
    response = api_client.post(IMPORT_URL, data='{"basics": ', content_type="application/json")

    assert response.status_code == 400
    assert counts(user) == (0, 0, 0)


def test_import_keeps_existing_skills(api_client, user):
    Skill.objects.create(user=user, name="html", proficiency="beginner")

    body, _ = import_and_export(api_client, official_sample())

    assert Skill.objects.get(user=user, name__iexact="html").proficiency == "beginner"
    assert body["skills"] == Skill.objects.filter(user=user).count() - 1


def test_import_belongs_to_the_importer(api_client, other_client, user, other_user):
    body, _ = import_and_export(api_client, UNICODE_RESUME)

    assert Resume.objects.get(pk=body["id"]).user == user
    assert counts(other_user) == (0, 0, 0)
    assert other_client.get(f"/api/v1/resumes/{body['id']}/json-resume/").status_code == 404


def test_anonymous_import_is_401(anon_client):
    assert (
        anon_client.post(IMPORT_URL, json.dumps(UNICODE_RESUME), content_type="application/json").status_code
        == 401
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", "2019-01-01"),
        ("2019-05", "2019-05-01"),
        ("2019-05-17", "2019-05-17"),
        ("2019-02-30", "2019-02-01"),
        ("2019-19-01", "2019-01-01"),
        ("", None),
        (None, None),
        ("May 2019", None),
    ],
)
def test_parse_partial_date(value, expected):
    parsed = parse_partial_date(value)
    assert (parsed.isoformat() if parsed else None) == expected
