import pytest

from resumes.tests.factories import ResumeFactory

PRIVATE = {"email": "ada@private.example", "phone": "+372 5555 0101", "city": "Tartu"}


@pytest.fixture
def resume(user):
    """A resume of ``user`` carrying every private field, so tests can look for each."""
    return ResumeFactory(
        user=user,
        title="Backend resume",
        template="modern",
        content={
            "basics": {
                "name": "Ada Lovelace",
                "label": "Backend developer",
                "email": PRIVATE["email"],
                "phone": PRIVATE["phone"],
                "summary": "Builds calm, fast backends.",
                "location": {"city": PRIVATE["city"], "countryCode": "EE"},
            },
            "work": [
                {
                    "name": "Kõrvits OÜ",
                    "position": "Backend Developer",
                    "startDate": "2021-03-01",
                    "highlights": ["Cut p95 latency by 40%"],
                }
            ],
            "skills": [{"name": "Languages", "keywords": ["Python", "SQL"]}],
        },
    )


@pytest.fixture
def create_link(api_client, resume):
    def create(**fields):
        response = api_client.post(f"/api/v1/resumes/{resume.pk}/share-links/", fields, format="json")
        assert response.status_code == 201, response.json()
        body = response.json()
        body["path"] = body["url"].removeprefix("http://testserver")
        return body

    return create
