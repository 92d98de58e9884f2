"""Match scores and recommendations, from a user's auto resume."""

import pytest

from job_tracker.jobs.matching import build_profile, recommendations, score_posting
from job_tracker.tests.factories import JobPostingFactory
from resumes.models import Resume, Skill

pytestmark = pytest.mark.django_db


def python_resume(user, **basics):
    # The rebuild may already have made the user's auto resume: replace its content.
    resume, _ = Resume.objects.update_or_create(
        user=user,
        is_auto=True,
        defaults={
            "title": "Auto resume",
            "content": {
                "basics": {
                    "name": "Zoë Novák",
                    "label": "Backend Developer",
                    "location": {"city": "Praha", "countryCode": "CZ"},
                    **basics,
                },
                "work": [
                    {
                        "name": "Initech",
                        "position": "Python Developer",
                        "startDate": "2019-01",
                        "endDate": "2022-06",
                    },
                    {"name": "Hooli", "position": "Backend Engineer", "startDate": "2022-07"},
                ],
                "skills": [
                    {"name": "Programming language", "keywords": ["Python", "SQL"]},
                    {"name": "Framework / library", "keywords": ["Django", "Celery"]},
                    {"name": "Database", "keywords": ["postgres"]},
                ],
            },
        },
    )
    return resume


def test_profile_reads_canonical_skills_titles_and_place(user):
    python_resume(user)
    Skill.objects.create(user=user, name="Docker")

    profile = build_profile(user=user)

    assert set(profile.skills.values()) == {"Python", "SQL", "Django", "Celery", "PostgreSQL", "Docker"}
    assert {"python", "developer", "backend", "engineer"} <= profile.title_words
    assert profile.seniority == 3  # seven years of work, no level in the titles
    assert profile.locations == ["praha"]
    assert not profile.wants_remote


def test_a_django_posting_outranks_an_unrelated_one(user):
    python_resume(user)
    django_job = JobPostingFactory(
        title="Senior Python / Django Engineer",
        location="Praha",
        remote="hybrid",
        skills_required=["Python", "Django", "PostgreSQL", "Kubernetes"],
    )
    unrelated = JobPostingFactory(
        title="Registered Nurse", location="Ostrava", remote="onsite", skills_required=["Patient Care"]
    )
    profile = build_profile(user=user)

    good, bad = score_posting(profile, django_job), score_posting(profile, unrelated)

    assert good.score > 70 > 10 > bad.score
    assert good.matched == ["Python", "Django", "PostgreSQL"]
    assert good.missing == ["Kubernetes"]
    assert bad.matched == [] and bad.missing == ["Patient Care"]


def test_scores_stay_within_0_and_100(user):
    python_resume(user, summary="Looking for remote work.")
    profile = build_profile(user=user)
    perfect = JobPostingFactory(
        title="Senior Python Backend Developer", remote="remote", skills_required=["Python", "Django"]
    )
    empty = JobPostingFactory(title="", location="", skills_required=[])

    assert profile.wants_remote
    assert score_posting(profile, perfect).score == 100
    assert 0 <= score_posting(profile, empty).score <= 100


def test_recommendations_rank_active_postings_in_a_fixed_number_of_queries(
    user, django_assert_max_num_queries, django_assert_num_queries
):
    python_resume(user)
    best = JobPostingFactory(title="Python Developer", location="Praha", skills_required=["Python", "Django"])
    JobPostingFactory(title="Python Developer", skills_required=["Python", "Django"], is_active=False)
    middle = JobPostingFactory(title="Java Developer", location="Praha", skills_required=["Java", "SQL"])
    for _ in range(30):
        JobPostingFactory(title="Accountant", location="Lima", skills_required=["Excel"])

    with django_assert_max_num_queries(4):
        ranked = recommendations(user=user, limit=5)

    assert [posting for posting, _ in ranked[:2]] == [best, middle]
    assert len(ranked) == 5
    assert ranked[0][1].matched == ["Python", "Django"]
    assert [m.score for _, m in ranked] == sorted((m.score for _, m in ranked), reverse=True)
    with django_assert_num_queries(0):
        assert ranked[0][0].source.name  # came with the posting


def test_a_user_without_a_resume_gets_recommendations_too(user):
    JobPostingFactory(title="Python Developer", skills_required=["Python"])

    ((_posting, match),) = recommendations(user=user)

    assert match.matched == [] and match.missing == ["Python"]
