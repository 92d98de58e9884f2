import datetime as dt

import pytest
from rest_framework.exceptions import ValidationError

from resumes import services
from resumes.models import Achievement, AchievementType, Proficiency, Resume, Skill, SkillSource
from resumes.tests.factories import AchievementFactory, ResumeFactory

pytestmark = pytest.mark.django_db


def test_rebuild_creates_the_auto_resume_in_json_resume_shape(user):
    AchievementFactory(
        user=user,
        type="job",
        title="Backend developer",
        organization="Kiwi.com",
        start_date=dt.date(2019, 1, 1),
        end_date=None,
        skills=["Python", "PostgreSQL"],
        highlights=["Cut p95 latency by 40%"],
    )
    AchievementFactory(
        user=user,
        type="degree",
        title="Computer Science",
        organization="ČVUT",
        start_date=dt.date(2014, 9, 1),
        end_date=dt.date(2018, 6, 30),
        skills=["C"],
        highlights=["Compilers"],
    )
    AchievementFactory(
        user=user,
        type="certification",
        title="CKA",
        organization="CNCF",
        start_date=None,
        end_date=dt.date(2021, 3, 1),
        skills=["k8s"],
    )

    resume = services.rebuild_resume(user=user)

    assert resume.is_auto and resume.last_generated_at
    content = resume.content
    assert content["work"] == [
        {
            "name": "Kiwi.com",
            "position": "Backend developer",
            "startDate": "2019-01-01",
            "highlights": ["Cut p95 latency by 40%"],
        }
    ]
    assert content["education"][0]["institution"] == "ČVUT"
    assert content["education"][0]["courses"] == ["Compilers"]
    assert content["certificates"] == [{"name": "CKA", "date": "2021-03-01", "issuer": "CNCF"}]
    groups = {g["name"]: g["keywords"] for g in content["skills"]}
    assert groups["Programming language"] == ["Python", "C"]
    assert groups["Database"] == ["PostgreSQL"]
    assert groups["Cloud / DevOps"] == ["Kubernetes"]
    assert "Backend developer" in content["basics"]["summary"]
    assert "Python" in content["basics"]["summary"]
    assert content["meta"]["statistics"]["byType"]["job"] == 1
    assert content["meta"]["statistics"]["monthsOfExperience"] >= 12
    assert set(Skill.objects.filter(user=user).values_list("name", flat=True)) == {
        "Python",
        "PostgreSQL",
        "C",
        "Kubernetes",
    }


def test_summary_describes_the_person_not_a_count_of_entries(user):
    user.headline = ""
    user.save()
    AchievementFactory(
        user=user, type="job", title="Senior backend developer", organization="Kiwi.com",
        start_date=dt.date(2021, 3, 1), end_date=None, skills=["Python", "Django", "Kafka"],
        highlights=["Mentored four juniors", "Cut p95 latency of itinerary search by 40%"],
    )  # fmt: skip
    AchievementFactory(
        user=user, type="job", title="Backend developer", organization="Seznam.cz", skills=["Python"],
        start_date=dt.date(2018, 1, 15), end_date=dt.date(2021, 2, 28), highlights=["Moved ad serving to Go"],
    )  # fmt: skip
    AchievementFactory(
        user=user, type="course", title="Strojové učení v praxi", organization="ČVUT v Praze",
        skills=["Python"], start_date=dt.date(2024, 2, 19), end_date=dt.date(2024, 5, 31), highlights=[],
    )  # fmt: skip
    AchievementFactory(
        user=user, type="degree", title="MSc Computer Science", organization="ČVUT", skills=[], highlights=[],
        start_date=dt.date(2015, 9, 1), end_date=dt.date(2017, 6, 30),
    )  # fmt: skip
    summary = services.rebuild_resume(user=user).content["basics"]["summary"]
    first, skills, result = summary.split(". ", 2)
    assert first.startswith("Senior backend developer at Kiwi.com with ") and first.endswith(
        " years of experience"
    )
    assert skills.startswith("Strongest in Python (Kiwi.com, Seznam.cz)")
    assert result == "At Kiwi.com, cut p95 latency of itinerary search by 40%."  # the concrete one
    assert "course" not in summary and "degree" not in summary and "Also" not in summary


def test_an_unknown_skill_keeps_the_users_casing(user):
    AchievementFactory(
        user=user, type="project", title="prazsky-router", skills=["gtfs", "dbt", "Go"],
        description="Trip planner on GTFS feeds.", start_date=dt.date(2023, 9, 2), end_date=None,
    )  # fmt: skip
    services.rebuild_resume(user=user)
    # A lower-case tag becomes the spelling the user's own text uses; one never written otherwise stays.
    assert set(Skill.objects.filter(user=user).values_list("name", flat=True)) == {"GTFS", "dbt", "Go"}


def test_sections_list_ongoing_first_then_newest(user):
    AchievementFactory(user=user, title="Old", start_date=dt.date(2010, 1, 1), end_date=dt.date(2012, 1, 1))
    AchievementFactory(user=user, title="Now", start_date=dt.date(2015, 1, 1), end_date=None)
    AchievementFactory(
        user=user, title="Recent", start_date=dt.date(2016, 1, 1), end_date=dt.date(2023, 1, 1)
    )
    positions = [w["position"] for w in services.rebuild_resume(user=user).content["work"]]
    assert positions == ["Now", "Recent", "Old"]


def test_proficiency_comes_from_evidence_unless_set_by_hand(user):
    for year in (2012, 2015, 2018):
        AchievementFactory(
            user=user,
            skills=["Python", "Go"],
            start_date=dt.date(year, 1, 1),
            end_date=dt.date(year + 2, 12, 31),
        )
    services.rebuild_resume(user=user)
    assert Skill.objects.get(user=user, name="Python").proficiency == Proficiency.EXPERT
    go = Skill.objects.get(user=user, name="Go")
    services.skill_update(skill=go, proficiency="beginner")
    services.rebuild_resume(user=user)
    go.refresh_from_db()
    assert (go.proficiency, go.proficiency_is_manual) == ("beginner", True)


def test_skills_no_longer_used_disappear_but_manual_ones_stay(user):
    achievement = AchievementFactory(user=user, skills=["Rust"])
    services.skill_create(user=user, name="leadership")
    services.rebuild_resume(user=user)
    services.achievement_update(achievement=achievement, skills=["Elixir"])
    services.rebuild_resume(user=user)
    rows = dict(Skill.objects.filter(user=user).values_list("name", "source"))
    assert rows == {"Elixir": SkillSource.AUTO, "Leadership": SkillSource.MANUAL}


def test_manual_resumes_are_never_touched(user):
    manual = ResumeFactory(user=user, content={"basics": {"name": "Mine"}})
    before = manual.updated_at
    AchievementFactory(user=user)
    services.rebuild_resume(user=user)
    manual.refresh_from_db()
    assert manual.content == {"basics": {"name": "Mine"}}
    assert manual.updated_at == before
    assert Resume.objects.filter(user=user, is_auto=True).count() == 1


def test_rebuild_of_50_achievements_runs_at_most_6_queries(user, django_assert_max_num_queries):
    types = list(AchievementType.values)
    skills = ["Python", "Django", "PostgreSQL", "Go", "k8s", "Docker", "React", "TypeScript", "AWS", "Figma"]
    Achievement.objects.bulk_create(
        Achievement(
            user=user,
            type=types[i % len(types)],
            title=f"Thing {i}",
            organization="Org",
            start_date=dt.date(2000 + i % 20, 1 + i % 12, 1),
            end_date=None if i % 7 == 0 else dt.date(2024, 1, 1),
            skills=[skills[i % 10], skills[(i + 3) % 10]],
            highlights=[f"Highlight {i}"],
        )
        for i in range(50)
    )
    with django_assert_max_num_queries(6):
        services.rebuild_resume(user=user)  # first time: creates skills and the resume
    Achievement.objects.filter(user=user, title="Thing 1").update(skills=["Rust"])
    services.skill_create(user=user, name="Leadership")
    with django_assert_max_num_queries(6):
        resume = services.rebuild_resume(user=user)  # updates, inserts and deletes skills
    assert resume.content["meta"]["statistics"]["achievements"] == 50
    with django_assert_max_num_queries(6):
        services.rebuild_resume(user=user)  # nothing changed


def test_signals_rebuild_once_per_transaction_after_commit(user, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        services.achievement_create(user=user, type="job", title="One", skills=["python"])
        services.achievement_create(user=user, type="project", title="Two", skills=["Go"])
        assert not Resume.objects.filter(user=user, is_auto=True).exists()
    assert len(callbacks) == 2  # both registered; the first to run rebuilds, the second finds nothing to do
    resume = Resume.objects.get(user=user, is_auto=True)
    assert [w["position"] for w in resume.content["work"]] == ["One"]
    assert [p["name"] for p in resume.content["projects"]] == ["Two"]


def test_rebuilds_deferred_rebuilds_each_user_once(user, other_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, services.rebuilds_deferred():
        for i in range(5):
            services.achievement_create(user=user, type="course", title=f"Course {i}")
        services.achievement_create(user=other_user, type="award", title="Prize")
        assert callbacks == []
    assert len(callbacks) == 2
    assert len(Resume.objects.get(user=user, is_auto=True).content["education"]) == 5
    assert Resume.objects.get(user=other_user, is_auto=True).content["awards"][0]["title"] == "Prize"


def test_get_auto_resume_builds_one_when_missing(user):
    resume = services.get_auto_resume(user=user)
    assert resume.is_auto
    assert services.get_auto_resume(user=user).pk == resume.pk


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"type": "job", "title": "X", "start_date": "2020-01-01", "end_date": "2019-01-01"}, "end_date"),
        ({"type": "hobby", "title": "X"}, "type"),
        ({"type": "job", "title": "X", "skills": [f"s{i}" for i in range(51)]}, "skills"),
        ({"type": "job", "title": "X", "skills": ["x" * 61]}, "skills"),
        ({"type": "job", "title": "X", "highlights": ["h"] * 21}, "highlights"),
        ({"type": "job", "title": "X", "highlights": ["h" * 501]}, "highlights"),
        ({"type": "job", "title": "X", "skills": "Python"}, "skills"),
        ({"type": "job", "title": "X", "start_date": "yesterday"}, "start_date"),
        ({"type": "job", "title": "X", "url": "not a url"}, "url"),
        ({"type": "job", "title": "X", "colour": "red"}, "colour"),
        ({"type": "job"}, "title"),
    ],
)
def test_achievement_validation_names_the_field_and_writes_nothing(user, fields, field):
    with pytest.raises(ValidationError) as caught:
        services.achievement_create(user=user, **fields)
    assert field in caught.value.detail
    assert not Achievement.objects.exists()


def test_achievement_skills_are_trimmed_canonical_and_deduplicated(user):
    achievement = services.achievement_create(
        user=user,
        type="job",
        title="Dev",
        skills=[" js ", "JavaScript", "Postgres", "postgresql"],
        start_date="2021-05",
        end_date="",
    )
    assert achievement.skills == ["JavaScript", "PostgreSQL"]
    assert (achievement.start_date, achievement.end_date) == (dt.date(2021, 5, 1), None)


def test_a_renamed_auto_skill_becomes_the_users_own(user):
    AchievementFactory(user=user, skills=["Python"])
    services.rebuild_resume(user=user)
    python = Skill.objects.get(user=user, name="Python")
    services.skill_update(skill=python, name="Python 3.12")
    services.rebuild_resume(user=user)
    rows = dict(Skill.objects.filter(user=user).values_list("name", "source"))
    assert rows == {"Python": SkillSource.AUTO, "Python 3.12": SkillSource.MANUAL}


@pytest.mark.parametrize(
    ("achievements", "months", "level"),
    [
        (1, 3, "beginner"),
        (1, 12, "intermediate"),
        (2, 0, "intermediate"),
        (2, 24, "advanced"),
        (5, 0, "advanced"),
        (3, 60, "expert"),
        (1, 36, "advanced"),
        (1, 120, "expert"),
    ],
)
def test_proficiency_thresholds(achievements, months, level):
    from resumes.builder import proficiency_from_evidence

    assert proficiency_from_evidence(achievements=achievements, months=months) == level


def test_overlapping_periods_count_once():
    from resumes.builder import merged_months

    jan, jul, dec = dt.date(2020, 1, 1), dt.date(2020, 7, 1), dt.date(2020, 12, 31)
    assert merged_months([(jan, dec), (jul, dec)]) == 12
    assert merged_months([(jan, dt.date(2020, 3, 31)), (jul, dec)]) == 3 + 6
    assert merged_months([]) == 0
