"""Demo applications: public examples owned by staff, and a pipeline for the demo user.

Idempotent: an application is identified by (owner, company, title) and created
once, with its history backdated through the services so the board, the
timeline and the weekly report have something real to show.
"""

from datetime import timedelta

from django.utils import timezone

from job_tracker.models import JobApplication

from . import services

# (title, company, location, salary, description, notes, [(status, days ago, note), ...])
EXAMPLES = [
    (
        "Senior Python developer",
        "Škoda Auto Digilab",
        "Praha (hybrid)",
        "95 000 - 120 000 CZK / month",
        "Django and FastAPI services for the connected-car platform; PostgreSQL, Kafka, Kubernetes.",
        "Tailored the resume around the payments migration. Ask about on-call rotation.",
        [
            ("wishlist", 30, ""),
            ("applied", 27, "Applied with a referral"),
            ("screening", 20, "Recruiter call"),
            ("interviewing", 12, "System design round"),
            ("offer", 3, "Verbal offer, written one by Friday"),
        ],
    ),
    (
        "Data engineer",
        "Zalando SE",
        "Berlin",
        "€70k - €85k",
        "Batch and streaming pipelines on Spark and Airflow; dbt models for the analytics teams.",
        "Take-home: build an Airflow DAG that deduplicates clickstream events.",
        [("wishlist", 21, ""), ("applied", 19, ""), ("screening", 9, "Take-home received")],
    ),
    (
        "Backend engineer (Go)",
        "Müller & Söhne Logistik",
        "Remote (EU)",
        "",
        "Routing service in Go with gRPC; PostgreSQL and Redis.",
        "Rejected after the final round: they wanted more Go in production. Feedback was kind and specific.",
        [
            ("applied", 40, ""),
            ("interviewing", 30, "Pairing session"),
            ("rejected", 22, "Feedback call booked"),
        ],
    ),
    (
        "Platform engineer",
        "Łódź Cloud Works",
        "Łódź",
        "22 000 - 28 000 PLN / month",
        "Terraform, AWS, GitHub Actions; internal developer platform for 40 teams.",
        "Wishlist: apply after finishing the AWS certification.",
        [("wishlist", 5, "")],
    ),
]

DEMO_PIPELINE = [
    ("Junior Django developer", "Kiwi.com", "Brno", [("wishlist", 14, ""), ("applied", 12, "")]),
    (
        "Python developer",
        "Productboard",
        "Praha",
        [("applied", 25, ""), ("screening", 18, ""), ("interviewing", 6, "Meet the team")],
    ),
    ("Backend developer", "Rohlik.cz", "Praha", [("applied", 33, ""), ("rejected", 20, "Position filled")]),
    ("Software engineer", "JetBrains", "Praha / remote", [("wishlist", 2, "Referral possible via Tomáš")]),
    (
        "Full-stack developer",
        "Ataccama",
        "Praha",
        [
            ("applied", 45, ""),
            ("screening", 40, ""),
            ("interviewing", 30, ""),
            ("offer", 16, ""),
            ("accepted", 10, "Start date 1 March"),
        ],
    ),
    (
        "Backend engineer",
        "Bohemia Interactive",
        "Mníšek pod Brdy",
        [("applied", 9, ""), ("withdrawn", 4, "Accepted another offer")],
    ),
]


def _seed_application(*, user, title, company, history, **fields):
    if JobApplication.all_objects.filter(user=user, company_name=company, job_title=title).exists():
        return False
    now = timezone.now()
    (first_status, first_days, first_note), *moves = history
    application = services.application_create(
        user=user,
        job_title=title,
        company_name=company,
        status=first_status,
        note=first_note,
        at=now - timedelta(days=first_days),
        **fields,
    )
    for status, days, note in moves:
        services.application_change_status(
            application=application, status=status, note=note, at=now - timedelta(days=days)
        )
    return True


def seed(*, staff, demo, stdout):
    created = 0
    for title, company, location, salary, description, notes, history in EXAMPLES:
        created += _seed_application(
            user=staff,
            title=title,
            company=company,
            history=history,
            location=location,
            salary=salary,
            original_job_description=description,
            notes=notes,
            is_example=True,
        )
    for title, company, location, history in DEMO_PIPELINE:
        created += _seed_application(
            user=demo, title=title, company=company, history=history, location=location
        )
    services.examples_cache_invalidate()
    stdout.write(f"Job tracker: {created} application(s) created.")
