"""Ingesting 10,000 scraped postings end to end: skill extraction, then one bulk upsert per batch of
1,000, against the same extraction followed by row-by-row ``update_or_create``.

Before skill extraction became one Aho-Corasick pass (it was one regex alternation of the
taxonomy's terms, tried at every character), the first row read 995.00 postings/s, 6.3 s of
10.1 s in extraction (2026-12-03 15:25 UTC, same machine, database and load).
"""

import random
import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import UserFactory
from job_tracker.models import JobPosting, JobSource
from resumate.bench import Result, timed
from resumes.models import Resume

from .matching import build_profile, recommendations, score_posting
from .scraping import NormalizedPosting
from .services import UPSERT_FIELDS, build_rows, upsert_rows

# `make bench BENCH=ingest` re-measures ingestion alone; ranking stays in the job tracker's section.
KEY = "ingest"
TITLE = "Job ingestion"

POSTINGS = 10_000
BASELINE_ROWS = 1_000
SKILLS = ["Python", "Django", "PostgreSQL", "Go", "Kubernetes", "React", "TypeScript", "AWS", "Docker",
          "Redis", "Celery", "Java", "SQL", "Terraform", "Rust", "GraphQL", "Kafka", "Linux"]  # fmt: skip
ROLES = ["Backend Engineer", "Python Developer", "Frontend Developer", "Data Engineer", "SRE",
         "Go Engineer", "Product Designer", "QA Engineer", "Platform Engineer", "Accountant"]  # fmt: skip
LEVELS = ["", "Junior ", "Senior ", "Lead ", "Staff "]
PLACES = ["Praha", "Berlin", "Remote", "Kraków", "Lisbon", "München", "Oslo"]


def _postings(rng, n, prefix):
    result = []
    for i in range(n):
        skills = rng.sample(SKILLS, 4)
        place = rng.choice(PLACES)
        text = (
            f"We are hiring to build our platform with {', '.join(skills)}. "
            "You will own services end to end, review code, and help the team ship weekly. " * 3
        )
        result.append(
            NormalizedPosting(
                external_id=f"{prefix}-{i}",
                title=f"{rng.choice(LEVELS)}{rng.choice(ROLES)}",
                url=f"https://jobs.example.com/{prefix}/{i}",
                company_name=f"Company {i % 500}",
                location=place,
                remote="remote" if place == "Remote" else rng.choice(["onsite", "hybrid", "unknown"]),
                description=text,
                description_html=f"<p>{text}</p>",
            )
        )
    return result


def _bench_ingest(rng):
    source = JobSource.objects.create(kind="rss", identifier="bench-bulk", base_url="https://bench.example/")
    postings = _postings(rng, POSTINGS, "bulk")
    # ingest_postings = build_rows (skill extraction, outside the transaction) + upsert_rows.
    now = timezone.now()
    started = time.perf_counter()
    rows = build_rows(source=source, postings=postings, now=now)
    build_seconds = time.perf_counter() - started
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        upsert_rows(source=source, rows=rows, complete=True, now=now)
        upsert_seconds = time.perf_counter() - started
    bulk_queries = len(queries)

    baseline_source = JobSource.objects.create(
        kind="rss", identifier="bench-row", base_url="https://bench.example/"
    )
    sample = build_rows(source=baseline_source, postings=_postings(rng, BASELINE_ROWS, "row"), now=now)
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        with transaction.atomic():
            for row in sample:
                JobPosting.objects.update_or_create(
                    source=baseline_source,
                    external_id=row.external_id,
                    defaults={name: getattr(row, name) for name in UPSERT_FIELDS},
                )
        row_seconds = time.perf_counter() - started
    row_queries = len(queries)
    baseline_source.delete()  # the ranking benchmark sees exactly POSTINGS active postings
    per_row_build = build_seconds / POSTINGS
    return [
        Result(
            f"ingest {POSTINGS:,} new postings end to end (skills extracted, bulk upsert)",
            POSTINGS / (build_seconds + upsert_seconds),
            "postings/s",
            "same extraction + row-by-row update_or_create",
            1 / (per_row_build + row_seconds / BASELINE_ROWS),
            f"{build_seconds:.1f} s of {build_seconds + upsert_seconds:.1f} s is skill extraction",
        ),
        Result(
            "ingest: database upsert only (batches of 1,000, PostgreSQL trigger fills search_vector)",
            POSTINGS / upsert_seconds,
            "postings/s",
            "row-by-row update_or_create in one transaction",
            BASELINE_ROWS / row_seconds,
            f"baseline on {BASELINE_ROWS:,} postings",
        ),
        Result(
            "ingest: queries per 1,000 postings",
            bulk_queries / (POSTINGS / 1000),
            "queries",
            "row-by-row update_or_create",
            row_queries / (BASELINE_ROWS / 1000),
            f"{connection.vendor}; SQLite splits each batch at 999 parameters",
        ),
    ]


def _ensure_active_postings(rng):
    """The ranking benchmarks need ``POSTINGS`` active postings; ingest them untimed when absent."""
    missing = POSTINGS - JobPosting.objects.filter(is_active=True).count()
    if missing > 0:
        source = JobSource.objects.create(
            kind="rss", identifier="bench-rank", base_url="https://bench.example/"
        )
        now = timezone.now()
        rows = build_rows(source=source, postings=_postings(rng, missing, "rank"), now=now)
        upsert_rows(source=source, rows=rows, complete=True, now=now)


def recommendation_results():
    """Ranking ``POSTINGS`` active postings for one user (column scan + heap vs loading every posting)."""
    _ensure_active_postings(random.Random(7))
    user = UserFactory()
    Resume.objects.update_or_create(
        user=user,
        is_auto=True,
        defaults={"title": "Auto"},
        create_defaults={"title": "Auto"},
    )
    Resume.objects.filter(user=user, is_auto=True).update(
        content={
            "basics": {"label": "Backend Developer", "location": {"city": "Praha"}},
            "work": [{"position": "Python Developer", "startDate": "2018-01"}],
            "skills": [
                {"name": "Programming", "keywords": ["Python", "Django", "PostgreSQL", "Docker", "SQL"]}
            ],
        },
    )
    active = JobPosting.objects.filter(is_active=True).count()

    def ranked():
        recommendations(user=user, limit=20)

    def naive():
        profile = build_profile(user=user)
        scored = [(score_posting(profile, p), p) for p in JobPosting.objects.filter(is_active=True)]
        scored.sort(key=lambda pair: pair[0].score, reverse=True)
        return scored[:20]

    return [
        Result(
            f"recommendations for one user over {active:,} active postings (top 20)",
            timed(ranked, repeat=5) * 1000,
            "ms",
            "load every posting as a model, score, sort",
            timed(naive, repeat=3) * 1000,
            "median; 4 queries",
        )
    ]


def run():
    return _bench_ingest(random.Random(7))
