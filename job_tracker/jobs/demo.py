"""Demo job boards and postings, seeded after the demo applications.

Real public boards are added inactive (a fresh clone makes no network calls
until staff switch one on in the admin); a demo feed holds postings ingested
through the same upsert the scrapers use, so skills, search and scores are real.
"""

from datetime import timedelta

from django.utils import timezone

from job_tracker.models import JobSource, JobSourceKind

from .scraping import NormalizedPosting
from .services import ingest_postings

BOARDS = [
    (JobSourceKind.GREENHOUSE, "gitlab", "GitLab", None),
    (JobSourceKind.LEVER, "leverdemo", "Lever demo company", None),
    (JobSourceKind.REMOTIVE, "software-dev", "Remotive: software development", 6),
    (JobSourceKind.RSS, "https://weworkremotely.com/categories/remote-programming-jobs.rss", "", None),
]

# (id, title, company, location, remote, type, salary (min, max, currency), days ago, description)
POSTINGS = [
    ("py-1", "Senior Python Developer", "Škoda Auto Digilab", "Praha", "hybrid", "Full-time",
     (95000, 120000, "CZK"), 2,
     "Build Django and FastAPI services for the connected-car platform. PostgreSQL, Celery, Redis and "
     "Docker; Kubernetes on AWS. Mentoring two junior developers."),
    ("py-2", "Backend Engineer (Django)", "Kraków Labs", "Europe", "remote", "Full-time",
     (60000, 80000, "EUR"), 1,
     "Our booking platform runs on Python, Django and PostgreSQL. You will design REST APIs, "
     "background jobs in Celery and keep the test suite fast."),
    ("go-1", "Go Engineer", "Müller & Söhne Logistik", "Remote (EU)", "remote", "Full-time", None, 5,
     "Routing service in Go with gRPC, PostgreSQL and Redis; Kafka for events; Terraform for infra."),
    ("fe-1", "Frontend Developer", "Ålesund Media", "Oslo", "onsite", "Full-time", (650000, 780000, "NOK"), 3,
     "React and TypeScript single-page apps; design system in Figma; GraphQL APIs."),
    ("data-1", "Data Engineer", "Zalando SE", "Berlin", "hybrid", "Full-time", (70000, 85000, "EUR"), 6,
     "Batch and streaming pipelines with Python, SQL and Kafka on AWS; dbt models for analysts."),
    ("sre-1", "Site Reliability Engineer", "Þróun ehf.", "Reykjavík", "hybrid", "Full-time", None, 8,
     "Keep Kubernetes clusters healthy; Terraform, Prometheus, Linux and on-call with a kind rotation."),
    ("jr-1", "Junior Python Developer", "Café Ops", "Brno", "onsite", "Full-time", (45000, 60000, "CZK"), 4,
     "Learn Python and Django on a small team; SQL, Git and code review from day one."),
    ("ml-1", "Machine Learning Engineer", "Señal", "Madrid", "remote", "Contract", None, 9,
     "Train and serve models in Python with PyTorch; feature pipelines in SQL; Docker deployments."),
    ("rails-1", "Ruby on Rails Developer", "Łódź Cloud Works", "Łódź", "onsite", "Full-time", None, 12,
     "Maintain a Ruby on Rails monolith with PostgreSQL and Redis; move background jobs to Sidekiq."),
    ("pm-1", "Product Manager", "Nordlys AS", "Tromsø", "hybrid", "Full-time", None, 7,
     "Own the roadmap for our analytics product; work with design and engineering; SQL is a plus."),
]  # fmt: skip


def seed(*, staff, demo, stdout):
    for kind, identifier, name, interval in BOARDS:
        JobSource.objects.get_or_create(
            kind=kind,
            identifier=identifier,
            base_url="",
            defaults={"name": name, "is_active": False, "min_interval_hours": interval},
        )
    feed, _ = JobSource.objects.get_or_create(
        kind=JobSourceKind.RSS,
        identifier="demo",
        base_url="https://jobs.example.com/feeds/",
        defaults={"name": "ResuMate demo feed", "is_active": False},
    )
    today = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0)
    postings = []
    for external_id, title, company, location, remote, kind, salary, days, text in POSTINGS:
        low, high, currency = salary or (None, None, "")
        postings.append(
            NormalizedPosting(
                external_id=external_id,
                title=title,
                url=f"https://jobs.example.com/{external_id}",
                company_name=company,
                location=location,
                remote=remote,
                employment_type=kind,
                salary_min=low,
                salary_max=high,
                currency=currency,
                description=text,
                description_html=f"<p>{text}</p>",
                published_at=today - timedelta(days=days),
            )
        )
    summary = ingest_postings(source=feed, postings=postings)
    stdout.write(f"Job board: {summary.created} demo posting(s) created, {summary.updated} refreshed.")
