"""Every feature end to end through the API on the offline provider (the `make run` default)."""

import pytest

from ai.keywords import content_skill_keys, profile_skills, skill_key
from ai.models import AIRequest
from ai.selectors import user_profile
from conftest import client_for
from resumes.models import Resume

pytestmark = pytest.mark.django_db

JOBS = [
    "Senior Python engineer: Django, PostgreSQL and Kubernetes on AWS. Terraform a plus.",
    "Frontend developer with React, TypeScript and GraphQL; Jest for tests.",
    "Data engineer: Python, Apache Spark, Airflow, Snowflake and dbt.",
    "Go developer for our gRPC services; Docker, Kubernetes, Kafka and Rust welcome.",
    "Full-stack role: JavaScript, React, Node.js, Django, Redis and MongoDB.",
]


def test_generate_saves_a_manual_resume_from_the_users_record(record, offline):
    response = client_for(record).post(
        "/api/v1/ai/generate/",
        {"model": "Offline", "user_input": "Backend roles; stress Python and Django.", "title": "Backend CV"},
    )
    assert response.status_code == 201, response.content
    body = response.json()
    resume = Resume.objects.get(pk=body["resume_id"], user=record)
    assert resume.title == "Backend CV" and resume.is_auto is False
    content = body["content"]
    assert resume.content == content
    assert [w["name"] for w in content["work"]] == ["Acme Analytics", "Müller & Söhne GmbH"]
    assert content["work"][0]["startDate"] == "2021-03-01"
    assert "Cut API latency by 40% by adding Redis caching." in content["work"][0]["highlights"]
    assert content["education"][0]["institution"] == "Universität Wien"
    summary = content["basics"]["summary"]
    # Who the person is: current role and employer, years (depend on today), skills with where, a result.
    assert (
        summary.startswith("Backend Developer at Acme Analytics with ")
        and " years of experience. " in summary
    )
    assert "Strongest in Python (Acme Analytics, csv2sql), Django (Acme Analytics)" in summary
    assert summary.endswith("At Acme Analytics, cut API latency by 40% by adding Redis caching.")
    assert "Python" in summary and "Django" in summary
    assert content["basics"]["name"] == "Zoë Brontë"
    assert body["model"] == "Offline" and body["remaining_today"] is None

    row = AIRequest.objects.get()
    assert (row.user, row.feature, row.status) == (record, "generate", "success")
    assert row.prompt_tokens > 0 and row.completion_tokens > 0


def test_generate_for_an_anonymous_visitor_returns_content_without_saving(anon_client, offline):
    response = anon_client.post(
        "/api/v1/ai/generate/",
        {"model": "Offline", "user_input": "I am a data analyst. I use SQL, Python and Tableau every day."},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["resume_id"] is None
    assert Resume.objects.count() == 0
    assert "data analyst" in body["content"]["basics"]["summary"]
    assert {"Python", "SQL"} <= set(body["content"]["skills"][0]["keywords"])
    assert AIRequest.objects.get().user is None


def test_generate_rejects_bad_input_and_writes_nothing(api_client, offline):
    response = api_client.post("/api/v1/ai/generate/", {"model": "Nope", "user_input": ""})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"model", "user_input"}
    assert Resume.objects.count() == 0 and AIRequest.objects.count() == 0


def test_cover_letter_is_saved_on_the_application(record, application, resume, offline):
    response = client_for(record).post(
        "/api/v1/ai/cover-letter/", {"model": "Offline", "application": application.pk, "resume": resume.pk}
    )
    assert response.status_code == 200, response.content
    letter = response.json()["cover_letter"]
    application.refresh_from_db()
    assert application.cover_letter == letter
    assert letter.startswith("Dear Fjord Logistics hiring team,")
    assert "Senior Python Engineer position at Fjord Logistics" in letter
    assert (
        "As Backend Developer at Acme Analytics, working with Python, Django and PostgreSQL, "
        "I cut API latency by 40% by adding Redis caching." in letter
    )
    # A project has its own grammar, and a highlight without a verb is quoted, not glued after "I".
    assert "My project “csv2sql” uses Python." in letter and "As csv2sql" not in letter
    assert "Some details in my own words:\n• 200 stars on GitHub (csv2sql)" in letter
    # Lacking skills are named honestly, never claimed.
    assert "I have not yet used Kubernetes and Amazon Web Services" in letter
    assert letter.rstrip().endswith("Zoë Brontë")


def test_cover_letter_from_a_pasted_description_is_returned_only(record, application, offline):
    response = client_for(record).post(
        "/api/v1/ai/cover-letter/",
        {
            "job_description": "We need a React developer.",
            "job_title": "Frontend Dev",
            "company_name": "Nordlicht",
        },
    )
    assert response.status_code == 200
    assert response.json()["application_id"] is None
    assert "As Junior Developer at Müller & Söhne GmbH" in response.json()["cover_letter"]
    application.refresh_from_db()
    assert application.cover_letter == ""


def test_cover_letter_for_another_users_application_is_refused(record, other_client, application, offline):
    response = other_client.post("/api/v1/ai/cover-letter/", {"application": application.pk})
    assert response.status_code == 400
    assert "application" in response.json()["errors"]
    application.refresh_from_db()
    assert application.cover_letter == "" and AIRequest.objects.count() == 0


def test_cover_letter_needs_an_application_or_a_description(api_client, offline):
    response = api_client.post("/api/v1/ai/cover-letter/", {"model": "Offline"})
    assert response.status_code == 400
    assert "job_description" in response.json()["errors"]


def test_tailor_scores_reorders_and_lists_missing_keywords(record, resume, offline):
    response = client_for(record).post(
        "/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": JOBS[0]}
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["job_keywords"] == [
        "Python",
        "Django",
        "PostgreSQL",
        "Kubernetes",
        "Amazon Web Services",
        "Terraform",
    ]
    assert body["missing_keywords"] == ["Kubernetes", "Amazon Web Services", "Terraform"]
    assert body["score_before"] == 17  # only Python is on the resume
    assert body["score_after"] == 50  # Python, Django and PostgreSQL from the user's own record
    content = body["content"]
    assert content["skills"][0] == {
        "name": "Relevant to this role",
        "keywords": ["Python", "Django", "PostgreSQL"],
    }
    acme = content["work"][0]
    assert acme["name"] == "Acme Analytics" and acme["startDate"] == "2021-03-01"
    assert acme["summary"] == "Worked with Python, Django, PostgreSQL."  # recorded for this role
    assert body["resume_id"] is None and Resume.objects.count() == 1


def test_tailored_resume_can_be_saved_as_a_new_resume(record, resume, offline):
    response = client_for(record).post(
        "/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": JOBS[1], "title": "For Nordlicht"}
    )
    assert response.status_code == 201
    saved = Resume.objects.get(pk=response.json()["resume_id"])
    assert saved.title == "For Nordlicht" and saved.user == record
    assert saved.content == response.json()["content"]


@pytest.mark.parametrize("job", JOBS)
def test_tailoring_never_adds_a_skill_employer_or_date_the_user_lacks(record, resume, offline, job):
    body = client_for(record).post("/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": job}).json()
    # Skill rows, achievement skills and skills the user's own texts name (GitHub, SQL in csv2sql's).
    owned = set(profile_skills(user_profile(user=record)))
    assert {"python", "react", "redis", "sql", "github"} <= owned and "kubernetes" not in owned
    assert content_skill_keys(body["content"]) <= owned
    assert {
        (w["name"], w["position"], w["startDate"], w.get("endDate", "")) for w in body["content"]["work"]
    } <= {
        ("Acme Analytics", "Backend Developer", "2021-03-01", ""),
        ("Müller & Söhne GmbH", "Junior Developer", "2018-06-01", "2021-02-28"),
    }
    for skill in body["missing_keywords"]:
        assert skill_key(skill) not in content_skill_keys(body["content"])
    assert body["score_after"] >= body["score_before"]


def test_tailor_requires_login_and_an_own_resume(anon_client, other_client, resume, offline):
    assert (
        anon_client.post("/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": "x"}).status_code
        == 401
    )
    response = other_client.post("/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": "Python"})
    assert response.status_code == 400 and "resume" in response.json()["errors"]
    response = other_client.post("/api/v1/ai/tailor/", {"job_description": "Python"})
    assert response.status_code == 400 and "resume" in response.json()["errors"]
    assert AIRequest.objects.count() == 0


def test_tailor_copes_with_a_hand_edited_resume_of_odd_shape(record, offline):
    odd = Resume.objects.create(
        user=record,
        title="Odd",
        content={"basics": "me", "work": ["Acme", {"name": "Acme Analytics"}], "skills": 3},
    )
    response = client_for(record).post("/api/v1/ai/tailor/", {"resume": odd.pk, "job_description": "Django"})
    assert response.status_code == 200
    # The well-formed entry is the user's own writing, so it stays; the stray string is dropped.
    assert [w["name"] for w in response.json()["content"]["work"]] == ["Acme Analytics"]


def test_tailor_query_count(record, resume, offline, django_assert_max_num_queries):
    client = client_for(record)
    with django_assert_max_num_queries(8):
        response = client.post("/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": JOBS[0]})
    assert response.status_code == 200


def test_interview_questions_are_grouped_with_hints_from_achievements(record, application, offline):
    response = client_for(record).post("/api/v1/ai/interview-questions/", {"application": application.pk})
    assert response.status_code == 200, response.content
    body = response.json()
    technical = {q["question"]: q["hint"] for q in body["technical"]}
    hint = technical["How have you used Python in practice, and what trade-offs did you make?"]
    assert hint.startswith("Talk about your work as Backend Developer at Acme Analytics, where you ")
    assert (
        "Be honest that Kubernetes is new to you"
        in technical["The role uses Kubernetes. How would you get productive with it?"]
    )
    assert len(body["behavioural"]) >= 4
    assert any("Müller & Söhne GmbH" in q["hint"] for q in body["behavioural"])
    assert body["company"][0]["question"] == "Why do you want to work at Fjord Logistics?"
    assert body["application_id"] == application.pk


def test_interview_questions_for_an_anonymous_visitor(anon_client, offline):
    response = anon_client.post(
        "/api/v1/ai/interview-questions/",
        {"job_description": "You will run our Kubernetes clusters.", "company_name": "Nordlicht"},
    )
    assert response.status_code == 200
    assert response.json()["technical"][0]["question"].startswith("The role uses Kubernetes")


@pytest.mark.parametrize("feature", ["generate", "tailor"])
def test_an_undated_project_leaves_its_dates_out_instead_of_failing(record, offline, feature):
    from resumes.models import Achievement
    from resumes.services import rebuild_resume

    Achievement.objects.create(user=record, type="project", title="Side project", skills=["Python"])
    auto = rebuild_resume(user=record)
    client = client_for(record)
    if feature == "generate":
        response = client.post("/api/v1/ai/generate/", {"model": "Offline", "user_input": "Backend"})
    else:
        response = client.post(
            "/api/v1/ai/tailor/", {"model": "Offline", "resume": auto.pk, "job_description": JOBS[0]}
        )
    assert response.status_code in (200, 201), response.content
    project = next(p for p in response.json()["content"]["projects"] if p["name"] == "Side project")
    assert "startDate" not in project and "endDate" not in project
