import pytest

from resumes.models import SkillCategory
from resumes.skills import (
    canonical_skill_name,
    categorize_skill,
    clean_skill_list,
    extract_skills,
    taxonomy_size,
)


def test_taxonomy_has_at_least_300_skills():
    assert taxonomy_size() >= 300


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("js", "JavaScript"),
        ("JS", "JavaScript"),
        ("postgres", "PostgreSQL"),
        ("Postgres", "PostgreSQL"),
        ("k8s", "Kubernetes"),
        ("  react.js ", "React"),
        ("golang", "Go"),
        ("c#", "C#"),
        ("CPP", "C++"),
        ("event   sourcing", "event sourcing"),  # unknown: the user's casing, whitespace tidied
        ("GTFS", "GTFS"),
        ("dbt Core", "dbt Core"),
        ("gRPC", "gRPC"),
        ("iOS", "iOS"),
        ("čeština", "Czech"),
    ],
)
def test_canonical_names_from_aliases(raw, canonical):
    assert canonical_skill_name(raw) == canonical


@pytest.mark.parametrize(
    ("name", "category"),
    [
        ("Python", SkillCategory.PROGRAMMING_LANGUAGE),
        ("js", SkillCategory.PROGRAMMING_LANGUAGE),
        ("Django", SkillCategory.FRAMEWORK),
        ("postgres", SkillCategory.DATABASE),
        ("k8s", SkillCategory.CLOUD_DEVOPS),
        ("PyTorch", SkillCategory.DATA_ML),
        ("Figma", SkillCategory.DESIGN),
        ("Git", SkillCategory.TOOL),
        ("Leadership", SkillCategory.SOFT_SKILL),
        ("German", SkillCategory.SPOKEN_LANGUAGE),
        ("Couch Potato SQL", SkillCategory.DATABASE),
        ("Underwater basket weaving", SkillCategory.OTHER),
    ],
)
def test_categories(name, category):
    assert categorize_skill(name) == category


def test_extract_skills_respects_word_boundaries():
    text = (
        "Built services in Go and C++ with Node.js and postgres on k8s. Good R&D in spring 2021, "
        "then Spring Boot and Objective-C. Let's go to market; we use python3 and .NET."
    )
    assert extract_skills(text) == [
        "Go",
        "C++",
        "Node.js",
        "PostgreSQL",
        "Kubernetes",
        "Spring Boot",
        "Objective-C",
        "Python",
        ".NET",
    ]


def test_extract_skills_ignores_words_inside_words():
    assert extract_skills("A good algorithm, a rusty cargo, a going concern") == []
    assert extract_skills("") == []


def test_clean_skill_list_trims_canonicalises_and_deduplicates():
    assert clean_skill_list([" js", "JavaScript", "postgres ", "", "PostgreSQL", "kafka", "KAFKA"]) == [
        "JavaScript",
        "PostgreSQL",
        "Kafka",
    ]
