"""The load harness of ``make reliability``, on a tiny budget: every kind of request succeeds and
every write it was told about is in the database."""

import asyncio

import pytest
from django.db import connection

from job_tracker.models import JobApplication
from resumate.reliability.load import run_load
from resumes.integrations.models import WebhookLog
from resumes.models import Achievement

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_a_short_load_run_has_no_errors_and_loses_no_write(live_server):
    if connection.vendor != "postgresql":
        # The test server's SQLite is one in-memory connection shared by its threads: concurrent
        # writes collide there, as they never do on the PostgreSQL `make reliability` runs against.
        pytest.skip("the load harness needs PostgreSQL (DATABASE_URL)")
    # Four clients for four seconds stay well inside the log-in throttle (30 a minute per client).
    tally = asyncio.run(run_load(live_server.url, clients=4, seconds=4, accounts=2))

    assert dict(tally.errors) == {}, tally.examples
    assert {"list achievements", "create achievement"} <= set(tally.latencies)
    assert Achievement.objects.filter(pk__in=tally.achievements).count() == len(tally.achievements)
    assert JobApplication.objects.filter(pk__in=tally.applications).count() == len(tally.applications)
    assert WebhookLog.objects.filter(delivery_id__in=tally.webhook_ids).count() == len(tally.webhook_ids)
