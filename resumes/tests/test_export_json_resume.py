import datetime as dt
import json

import jsonschema
import pytest

from resumes import services
from resumes.exporters.json_resume import schema, to_json_resume
from resumes.models import Resume

from .export_data import SPARSE_RESUME, UNICODE_RESUME, official_sample, official_schema


def test_vendored_schema_is_the_official_one():
    assert schema() == official_schema()


@pytest.mark.parametrize("content", [official_sample(), UNICODE_RESUME, SPARSE_RESUME, {}])
def test_valid_content_exports_unchanged_and_valid(content):
    document = to_json_resume(content)

    jsonschema.validate(document, official_schema())
    for section, value in content.items():
        if section != "meta":
            assert document[section] == value


def test_auto_resume_content_with_odd_values_still_validates():
    content = {
        "basics": {"name": "Ada", "email": None, "location": {"city": "Zürich", "region": None}},
        "work": [
            {
                "name": "Analytical Engines",
                "position": "Engineer",
                "startDate": "2019-05-01T10:00:00Z",
                "endDate": None,
                "highlights": ["Designed the mill", 42],
            },
            {"name": "Bad dates", "startDate": "May 2019"},
        ],
        "skills": [{"name": "Programming language", "keywords": ["Python", "Go"], "level": 3}],
        "meta": {"statistics": {"jobs": 1}, "generatedAt": "2026-01-01T00:00:00+00:00"},
    }

    document = to_json_resume(content, last_modified=dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC))

    jsonschema.validate(document, official_schema())
    assert document["work"][0]["startDate"] == "2019-05-01"
    assert "endDate" not in document["work"][0]
    assert document["work"][0]["highlights"] == ["Designed the mill"]
    assert "startDate" not in document["work"][1]
    assert document["skills"][0]["keywords"] == ["Python", "Go"]
    assert document["basics"]["location"] == {"city": "Zürich"}
    # ResuMate's extras stay under meta.
    assert document["meta"]["statistics"] == {"jobs": 1}
    assert document["meta"]["lastModified"] == "2026-01-02T03:04:05"


def test_json_resume_endpoint(api_client, user):
    resume = Resume.objects.create(user=user, title="CV", content=UNICODE_RESUME)

    response = api_client.get(f"/api/v1/resumes/{resume.pk}/json-resume/", HTTP_ACCEPT="application/pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "zo%C3%AB" in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith("-resume.json")
    document = json.loads(response.content)
    jsonschema.validate(document, official_schema())
    assert document["basics"]["name"] == UNICODE_RESUME["basics"]["name"]
    assert document["work"] == UNICODE_RESUME["work"]


def test_auto_resume_exports_valid_json_resume(api_client, user):
    services.achievement_create(
        user=user,
        type="job",
        title="Інженерка даних",
        organization="Ørsted",
        start_date="2021-03",
        highlights=["Cut ETL cost by 30 %"],
        skills=["python", "postgres"],
    )
    services.achievement_create(
        user=user, type="degree", title="MSc Physics", organization="ΕΚΠΑ", start_date="2015"
    )
    auto = services.rebuild_resume(user=user)

    response = api_client.get(f"/api/v1/resumes/{auto.pk}/json-resume/")

    assert response.status_code == 200
    document = response.json()
    jsonschema.validate(document, official_schema())
    assert document["work"][0]["position"] == "Інженерка даних"
    assert document["work"][0]["startDate"] == "2021-03-01"
    assert document["education"][0]["institution"] == "ΕΚΠΑ"
    assert {"Python", "PostgreSQL"} <= {k for group in document["skills"] for k in group["keywords"]}
