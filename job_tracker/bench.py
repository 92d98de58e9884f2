"""``make bench`` runs ``<app>.bench``: the job boards', matching by meaning, then the weekly reports'."""

from .jobs.bench import run as run_jobs
from .jobs.semantic.bench import run as run_semantic
from .reports.bench import run as run_reports


def run():
    return run_jobs() + run_semantic() + run_reports()
