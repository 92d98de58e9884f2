import datetime as dt

import pytest

from resumes.models import Achievement, Resume, Skill
from resumes.tests.factories import AchievementFactory, ResumeFactory, SkillFactory

pytestmark = pytest.mark.django_db

INTERNSHIP = {
    "type": "internship",
    "title": "Data engineering intern",
    "organization": "Rohlík Group",
    "location": "Praha",
    "start_date": "2023-06-01",
    "end_date": "2023-09-30",
    "description": "Pipelines for the warehouse.",
    "skills": ["python", " Postgres ", "k8s", "PostgreSQL"],
    "highlights": ["Moved nightly ETL to Airflow"],
    "url": "https://example.com/internship",
}


def _auto(user):
    return Resume.objects.get(user=user, is_auto=True)


def test_internship_through_the_api_rebuilds_the_resume(api_client, user, commit):
    before = commit(api_client.post, "/api/v1/achievements/", {"type": "course", "title": "Warm-up"})
    assert before.status_code == 201
    first_generated = _auto(user).last_generated_at

    response = commit(api_client.post, "/api/v1/achievements/", INTERNSHIP)

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["skills"] == ["Python", "PostgreSQL", "Kubernetes"]
    assert body["is_verified"] is False
    resume = _auto(user)
    assert resume.last_generated_at > first_generated
    work = resume.content["work"]
    assert work[0]["position"] == "Data engineering intern"
    assert work[0]["name"] == "Rohlík Group"
    groups = {g["name"]: g["keywords"] for g in resume.content["skills"]}
    assert "Python" in groups["Programming language"]
    assert groups["Database"] == ["PostgreSQL"]
    assert groups["Cloud / DevOps"] == ["Kubernetes"]
    summary = resume.content["basics"]["summary"]
    # The summary describes the person (role, employer, where a skill was used), not a count of entries.
    assert summary.startswith(
        "Data engineering intern, most recently at Rohlík Group, with 4 months of experience."
    )
    assert "Python (Rohlík Group)" in summary and "1 course" not in summary
    skills = {s["name"]: s["category"] for s in api_client.get("/api/v1/skills/").json()["results"]}
    assert skills == {
        "Python": "programming_language",
        "PostgreSQL": "database",
        "Kubernetes": "cloud_devops",
    }


def test_update_and_delete_propagate_and_manual_resume_stays(api_client, user, commit):
    manual = ResumeFactory(user=user, content={"basics": {"name": "Tailored"}})
    achievement_id = commit(api_client.post, "/api/v1/achievements/", INTERNSHIP).json()["id"]

    response = commit(
        api_client.patch,
        f"/api/v1/achievements/{achievement_id}/",
        {"title": "Data engineer", "skills": ["Go"]},
    )
    assert response.status_code == 200
    resume = _auto(user)
    assert resume.content["work"][0]["position"] == "Data engineer"
    assert [g["keywords"] for g in resume.content["skills"]] == [["Go"]]
    assert list(Skill.objects.filter(user=user).values_list("name", flat=True)) == ["Go"]

    assert commit(api_client.delete, f"/api/v1/achievements/{achievement_id}/").status_code == 204
    resume = _auto(user)
    assert "work" not in resume.content or resume.content["work"] == []
    assert not Skill.objects.filter(user=user).exists()
    manual.refresh_from_db()
    assert manual.content == {"basics": {"name": "Tailored"}}


def test_achievements_filter_by_type_and_text(api_client, user, django_assert_max_num_queries):
    AchievementFactory(user=user, type="job", title="Backend developer", organization="Seznam.cz")
    AchievementFactory(user=user, type="project", title="Chess engine", description="Written in Rust")
    AchievementFactory(user=user, type="award", title="Hackathon winner")
    with django_assert_max_num_queries(6):
        response = api_client.get("/api/v1/achievements/?type=project")
    assert [a["title"] for a in response.json()["results"]] == ["Chess engine"]
    assert api_client.get("/api/v1/achievements/?q=seznam").json()["count"] == 1
    assert api_client.get("/api/v1/achievements/?search=rust").json()["count"] == 1
    assert api_client.get("/api/v1/achievements/?type=hobby").status_code == 400


def test_list_query_count_does_not_grow(api_client, user, django_assert_max_num_queries):
    AchievementFactory.create_batch(30, user=user)
    SkillFactory.create_batch(30, user=user)
    ResumeFactory.create_batch(10, user=user)
    for path in ("/api/v1/achievements/", "/api/v1/skills/", "/api/v1/resumes/"):
        with django_assert_max_num_queries(6):
            assert api_client.get(path).status_code == 200


def test_resumes_filter_by_is_auto_and_duplicate_the_auto_resume(api_client, user, commit):
    commit(api_client.post, "/api/v1/achievements/", INTERNSHIP)
    auto = _auto(user)
    ResumeFactory(user=user)
    assert [r["id"] for r in api_client.get("/api/v1/resumes/?is_auto=true").json()["results"]] == [auto.pk]
    assert api_client.get("/api/v1/resumes/?is_auto=false").json()["count"] == 1

    response = api_client.post(f"/api/v1/resumes/{auto.pk}/duplicate/", {"title": "For Kiwi.com"})
    assert response.status_code == 201
    copy = response.json()
    assert (copy["title"], copy["is_auto"]) == ("For Kiwi.com", False)
    assert copy["content"]["work"] == auto.content["work"]

    # Editing the copy is allowed; the next rebuild leaves it alone.
    content = {**copy["content"], "basics": {"name": "Ada L."}}
    assert (
        api_client.patch(f"/api/v1/resumes/{copy['id']}/", {"content": content}, format="json").status_code
        == 200
    )
    commit(api_client.post, "/api/v1/achievements/", {**INTERNSHIP, "title": "Second"})
    assert Resume.objects.get(pk=copy["id"]).content["basics"] == {"name": "Ada L."}


def test_skills_crud_with_manual_proficiency(api_client, user, commit):
    response = commit(api_client.post, "/api/v1/skills/", {"name": "postgres", "proficiency": "expert"})
    assert response.status_code == 201
    body = response.json()
    assert (body["name"], body["category"], body["source"], body["proficiency_is_manual"]) == (
        "PostgreSQL",
        "database",
        "manual",
        True,
    )
    assert commit(api_client.post, "/api/v1/skills/", {"name": "PostgreSQL"}).status_code == 400
    groups = {g["name"]: g for g in _auto(user).content["skills"]}
    assert groups["Database"]["keywords"] == ["PostgreSQL"]
    assert commit(api_client.delete, f"/api/v1/skills/{body['id']}/").status_code == 204


def test_skill_still_on_an_achievement_cannot_be_deleted(api_client, user, commit):
    commit(api_client.post, "/api/v1/achievements/", INTERNSHIP)
    python = Skill.objects.get(user=user, name="Python")
    response = api_client.delete(f"/api/v1/skills/{python.pk}/")
    assert response.status_code == 400
    assert Skill.objects.filter(pk=python.pk).exists()


def test_auto_resume_content_is_read_only_and_cannot_be_deleted(api_client, user, commit):
    commit(api_client.post, "/api/v1/achievements/", INTERNSHIP)
    auto = _auto(user)
    response = api_client.patch(f"/api/v1/resumes/{auto.pk}/", {"content": {"basics": {}}}, format="json")
    assert response.status_code == 400
    assert "content" in response.json()["errors"]
    assert api_client.delete(f"/api/v1/resumes/{auto.pk}/").status_code == 400
    assert api_client.patch(f"/api/v1/resumes/{auto.pk}/", {"title": "Main"}).json()["title"] == "Main"


# --- Every cross-user access is a 404 -------------------------------------------------------------


@pytest.mark.parametrize("kind", ["achievements", "skills", "resumes"])
def test_another_users_rows_are_404_for_every_method(api_client, other_user, kind):
    row = {
        "achievements": lambda: AchievementFactory(user=other_user),
        "skills": lambda: SkillFactory(user=other_user),
        "resumes": lambda: ResumeFactory(user=other_user),
    }[kind]()
    url = f"/api/v1/{kind}/{row.pk}/"
    assert api_client.get(url).status_code == 404
    assert api_client.put(url, {"title": "x", "name": "x", "type": "job"}).status_code == 404
    assert api_client.patch(url, {"title": "x"}).status_code == 404
    assert api_client.delete(url).status_code == 404
    if kind == "resumes":
        assert api_client.post(f"{url}duplicate/", {}).status_code == 404
    assert api_client.get(f"/api/v1/{kind}/").json()["count"] == 0
    assert type(row).objects.filter(pk=row.pk).exists()


def test_anonymous_is_401(anon_client):
    assert anon_client.get("/api/v1/achievements/").status_code == 401


# --- Bad input: 400 with field errors, nothing written ----------------------------------------------


BAD_ACHIEVEMENTS = [
    ({**INTERNSHIP, "start_date": "2024-01-01", "end_date": "2023-01-01"}, "end_date"),
    ({**INTERNSHIP, "type": "hobby"}, "type"),
    ({**INTERNSHIP, "skills": [f"Skill {i}" for i in range(51)]}, "skills"),
    ({**INTERNSHIP, "skills": ["x" * 61]}, "skills"),
    ({**INTERNSHIP, "highlights": ["h"] * 21}, "highlights"),
    ({**INTERNSHIP, "highlights": ["h" * 501]}, "highlights"),
    ({**INTERNSHIP, "skills": "Python"}, "skills"),
    ({**INTERNSHIP, "skills": [1, 2]}, "skills"),
    ({**INTERNSHIP, "start_date": "last spring"}, "start_date"),
    ({**INTERNSHIP, "title": ""}, "title"),
    ({**INTERNSHIP, "title": ["a"]}, "title"),
    ({**INTERNSHIP, "title": 123}, "title"),
    ({**INTERNSHIP, "start_date": 20240101}, "start_date"),
    ({**INTERNSHIP, "url": "not a url"}, "url"),
    # Found by schemathesis: year 208 was stored, then no resume could carry it.
    ({**INTERNSHIP, "start_date": "0208-04-08", "end_date": None}, "start_date"),
    ({**INTERNSHIP, "end_date": "2208-01-01"}, "end_date"),
]


@pytest.mark.parametrize(("payload", "field"), BAD_ACHIEVEMENTS)
def test_bad_achievement_is_400_and_writes_nothing(api_client, user, payload, field, commit):
    response = commit(api_client.post, "/api/v1/achievements/", payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] and body["detail"]
    assert field in body["errors"]
    assert not Achievement.objects.exists()
    assert not Skill.objects.exists()


@pytest.mark.parametrize(("payload", "field"), BAD_ACHIEVEMENTS)
def test_bad_achievement_update_is_400_and_changes_nothing(api_client, user, payload, field):
    achievement = AchievementFactory(user=user, start_date=dt.date(2023, 6, 1), end_date=dt.date(2023, 9, 1))
    before = Achievement.objects.values().get(pk=achievement.pk)
    response = api_client.put(f"/api/v1/achievements/{achievement.pk}/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Achievement.objects.values().get(pk=achievement.pk) == before


def test_end_before_existing_start_on_partial_update_is_400(api_client, user):
    achievement = AchievementFactory(user=user, start_date=dt.date(2023, 6, 1), end_date=None)
    response = api_client.patch(f"/api/v1/achievements/{achievement.pk}/", {"end_date": "2023-01-01"})
    assert response.status_code == 400
    assert "end_date" in response.json()["errors"]
    achievement.refresh_from_db()
    assert achievement.end_date is None


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ({"basics": {"name": "A", "nickname": "x"}}, "basics.nickname"),
        ({"hobbies": []}, "hobbies"),
        ({"work": [{"position": "Dev", "salary": 10}]}, "work[0].salary"),
        ({"work": {"position": "Dev"}}, "work"),
        ({"work": [{"startDate": "last year"}]}, "work[0].startDate"),
        ({"skills": [{"name": "Python", "keywords": "Django"}]}, "skills[0].keywords"),
        ("not an object", "Expected an object"),
    ],
)
def test_bad_resume_content_is_400_and_writes_nothing(api_client, user, content, fragment):
    response = api_client.post("/api/v1/resumes/", {"title": "Mine", "content": content}, format="json")
    assert response.status_code == 400
    assert any(fragment in message for message in response.json()["errors"]["content"])
    assert not Resume.objects.filter(user=user).exists()


def test_bad_resume_fields_are_400(api_client, user):
    assert api_client.post("/api/v1/resumes/", {"title": ""}).status_code == 400
    assert api_client.post("/api/v1/resumes/", {"title": "x", "template": "fancy"}).status_code == 400
    assert api_client.post("/api/v1/skills/", {"name": "Go", "category": "magic"}).status_code == 400
    assert api_client.post("/api/v1/skills/", {"name": "Go", "proficiency": "guru"}).status_code == 400
    assert (
        api_client.post("/api/v1/achievements/", "[1, 2]", content_type="application/json").status_code == 400
    )
    assert not Resume.objects.filter(user=user).exists()
    assert not Skill.objects.exists()


def test_valid_manual_resume_round_trip(api_client):
    content = {
        "basics": {"name": "Zoë Novák", "location": {"city": "Brno"}, "profiles": [{"network": "GitHub"}]},
        "work": [{"name": "Acme", "position": "Dev", "startDate": "2020-01", "highlights": ["x"]}],
        "meta": {"anything": {"goes": True}},
    }
    response = api_client.post("/api/v1/resumes/", {"title": "Mine", "content": content}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["content"] == content
    assert response.json()["is_auto"] is False
