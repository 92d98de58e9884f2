"""``make bench`` runs ``<app>.bench``: the job boards' benchmarks, then the weekly reports'."""

from .jobs.bench import run as run_jobs
from .reports.bench import run as run_reports


def run():
    return run_jobs() + run_reports()
