"""Rebuild, export and webhook costs.

The rebuild (50 achievements) runs inline after every achievement save, so it is
set against an ordinary single-row read; the same rebuild with 10 variants
against the rebuild without any; PDF export's first render against its cached
re-export; a webhook delivery against a refused one.
"""

import datetime as dt

from accounts.tests.factories import UserFactory
from resumate.bench import Result, timed
from resumes.models import Achievement, AchievementType, Resume
from resumes.services import rebuild_resume
from resumes.variants.services import variant_create

ACHIEVEMENTS = 50
SKILLS = [
    "Python",
    "Django",
    "PostgreSQL",
    "Go",
    "k8s",
    "Docker",
    "React",
    "TypeScript",
    "AWS",
    "Figma",
    "Czech",
]


VARIANTS = 10
VARIANT_DEFINITIONS = [
    {"include_tags": ["backend"]},
    {"types": ["job", "internship", "project"], "max_skills": 6},
    {"date_from": "2012-01-01", "anonymize": True},
    {"exclude_tags": ["teaching"], "sections": ["work", "skills", "education"]},
    {"skills_first": ["Go", "cloud_devops"], "language": "de", "label": "Platform Engineer"},
]


def rebuild_results():
    user = UserFactory()
    types = AchievementType.values
    Achievement.objects.bulk_create(
        Achievement(
            user=user,
            type=types[i % len(types)],
            title=f"Achievement {i}",
            organization=f"Organizace č. {i}",
            start_date=dt.date(2000 + i % 24, 1 + i % 12, 1),
            end_date=None if i % 9 == 0 else dt.date(2025, 1, 1),
            description="Did meaningful work. " * 5,
            skills=[SKILLS[i % len(SKILLS)], SKILLS[(i + 4) % len(SKILLS)], SKILLS[(i + 7) % len(SKILLS)]],
            highlights=[f"Highlight {i}.{n}" for n in range(3)],
            tags=["backend" if i % 3 else "teaching", "data" if i % 2 else "ops"],
        )
        for i in range(ACHIEVEMENTS)
    )
    resume = rebuild_resume(user=user)  # first build creates skills and the resume

    def read_one():
        Resume.objects.get(pk=resume.pk)

    def rebuild():
        rebuild_resume(user=user)

    rebuild_ms = timed(rebuild, repeat=21) * 1000
    read_ms = timed(read_one, repeat=21) * 1000
    ids = list(Achievement.objects.filter(user=user).order_by("id").values_list("id", flat=True))
    for n in range(VARIANTS):
        variant_create(
            main=resume,
            title=f"Variant {n}",
            definition=VARIANT_DEFINITIONS[n % len(VARIANT_DEFINITIONS)],
            overrides=[{"achievement": ids[n], "field": "highlights", "index": 0, "text": f"Reworded {n}"}],
        )
    variants_ms = timed(rebuild, repeat=21) * 1000
    return [
        Result(
            f"rebuild_resume with {VARIANTS} variants, {ACHIEVEMENTS} achievements",
            variants_ms,
            "ms",
            "the same rebuild without variants",
            rebuild_ms,
            "median of 21 runs; main resume and every variant rebuilt in one pass (target <= 60 ms)",
        ),
        Result(
            f"rebuild_resume for a user with {ACHIEVEMENTS} achievements",
            rebuild_ms,
            "ms",
            "Resume.objects.get(pk=...) (one-row read)",
            read_ms,
            "median of 21 runs; steady state (skills and resume exist)",
        ),
    ]


# Import is a section of its own: `make bench BENCH=import` re-measures it alone.
SECTIONS = ("resumes.importing.bench",)


def run():
    from resumes import bench_export
    from resumes.integrations import bench as integrations_bench

    return rebuild_results() + bench_export.run() + integrations_bench.run()
