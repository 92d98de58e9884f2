"""Job boards: ranking 10,000 active postings for one user (column scan + heap vs loading every
posting). Weekly reports: 10,000 users with 20 applications each (batched vs a per-user loop)."""

from .jobs.bench import recommendation_results
from .jobs.semantic.bench import run as run_semantic
from .reports.bench import run as run_reports

# Ingestion is a section of its own: `make bench BENCH=ingest` re-measures it alone.
SECTIONS = ("job_tracker.jobs.bench",)


def run():
    return recommendation_results() + run_semantic() + run_reports()
