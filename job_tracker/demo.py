"""``seed_demo`` runs ``<app>.demo.seed``: each room's demo data, idempotent.

Order matters: postings can be tracked once applications exist, and the weekly
reports are computed last so their numbers have a history behind them.
"""

from .applications.demo import seed as seed_applications
from .jobs.demo import seed as seed_jobs
from .reports.demo import seed as seed_reports


def seed(*, staff, demo, stdout):
    seed_applications(staff=staff, demo=demo, stdout=stdout)
    seed_jobs(staff=staff, demo=demo, stdout=stdout)
    seed_reports(staff=staff, demo=demo, stdout=stdout)
