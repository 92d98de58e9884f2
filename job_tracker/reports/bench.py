"""Weekly reports for 10,000 users with 20 applications each, against a naive per-user loop.

Called from ``job_tracker/bench.py`` (``make bench`` discovers one bench module per app).
"""

import random
import time
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from job_tracker.jobs.matching import build_profile
from job_tracker.models import ApplicationEvent, JobApplication, WeeklyReport
from resumate.bench import Result

from .metrics import STAGES
from .services import BATCH_SIZE, report_users, run_weekly_reports, user_id_batches
from .weeks import week_bounds, zone

USERS = 10_000
APPLICATIONS_PER_USER = 20
NAIVE_SAMPLE = 200
EMAIL_SAMPLE = 50
ZONES = [
    "UTC",
    "Europe/Prague",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Pacific/Kiritimati",
    "America/Sao_Paulo",
]
PATHS = [
    ["applied"],
    ["applied", "screening"],
    ["applied", "rejected"],
    ["applied", "screening", "interviewing"],
    ["applied", "screening", "interviewing", "offer"],
    ["wishlist"],
]


def _populate(week_start):
    rng = random.Random(8)
    # Events spread over the 12 weeks up to the end of the reported week (UTC clock; zones vary per user).
    _, end = week_bounds(week_start, zone("UTC"))
    span = timedelta(weeks=12).total_seconds()
    users = User.objects.bulk_create(
        [
            User(
                username=f"bench{i}",
                email=f"bench{i}@example.com",
                password=make_password(None),  # unusable: nobody logs in
                first_name="Zoë",
                time_zone=ZONES[i % len(ZONES)],
            )
            for i in range(USERS)
        ],
        batch_size=5000,
    )
    for start in range(0, len(users), 1000):
        chunk = users[start : start + 1000]
        applications = JobApplication.objects.bulk_create(
            [
                JobApplication(user=u, company_name=f"Company {n}", job_title="Developer", status="applied")
                for u in chunk
                for n in range(APPLICATIONS_PER_USER)
            ],
            batch_size=5000,
        )
        events = []
        for application in applications:
            moment = end - timedelta(seconds=rng.random() * span)
            previous = ""
            for status in rng.choice(PATHS):
                events.append(
                    ApplicationEvent(
                        application=application,
                        user_id=application.user_id,
                        from_status=previous,
                        to_status=status,
                        created_at=moment,
                    )
                )
                previous = status
                moment += timedelta(days=rng.randint(1, 10))
        ApplicationEvent.objects.bulk_create(events, batch_size=5000)
    return len(users)


def _naive_report(user, week_start):
    """What a straightforward implementation does: a handful of queries per user."""
    start, end = week_bounds(week_start, zone(user.time_zone))
    events = ApplicationEvent.objects.filter(user=user, application__is_deleted=False)
    numbers = {
        name: events.filter(to_status__in=statuses, created_at__gte=start, created_at__lt=end)
        .values("application")
        .distinct()
        .count()
        for name, statuses in STAGES.items()
    }
    sent = events.filter(Q(to_status__in=STAGES["applications_sent"]), created_at__lt=end)
    total = sent.values("application").distinct().count()
    answered = events.filter(to_status__in=STAGES["responses"], created_at__lt=end)
    answered = answered.values("application").distinct().count()
    build_profile(user=user)
    WeeklyReport.objects.update_or_create(
        user=user,
        week_start=week_start,
        defaults={**numbers, "response_rate": answered / total if total else 0},
    )


def run():
    week_start = date(2026, 11, 16)
    started = time.perf_counter()
    count = _populate(week_start)
    setup_s = time.perf_counter() - started

    ids = list(report_users().values_list("id", flat=True))
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        for batch_ids in user_id_batches(report_users()):
            run_weekly_reports(
                users=list(report_users().filter(pk__in=batch_ids)), week_start=week_start, send=False
            )
        batched_s = time.perf_counter() - started
    batched_queries = len(queries)
    assert WeeklyReport.objects.filter(week_start=week_start).count() == len(ids)

    sample = list(report_users().filter(pk__in=ids[:NAIVE_SAMPLE]))
    WeeklyReport.objects.filter(user__in=sample).delete()
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        for user in sample:
            _naive_report(user, week_start)
        naive_sample_s = time.perf_counter() - started
    naive_queries = len(queries) * count / NAIVE_SAMPLE
    naive_s = naive_sample_s * count / NAIVE_SAMPLE

    # E-mail (HTML + text + PNG chart) on the in-memory backend for a sample.
    from django.test.utils import override_settings

    WeeklyReport.objects.filter(user_id__in=ids[:EMAIL_SAMPLE]).update(emailed_at=None)
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        email_users = list(report_users().filter(pk__in=ids[:EMAIL_SAMPLE]))
        started = time.perf_counter()
        summary = run_weekly_reports(users=email_users, week_start=week_start)
        email_s = time.perf_counter() - started
    assert summary.emailed == EMAIL_SAMPLE

    note = (
        f"{count:,} users x {APPLICATIONS_PER_USER} applications, 6 time zones; data set-up {setup_s:.0f} s"
    )
    return [
        Result(
            f"weekly reports, batched ({BATCH_SIZE} users/batch), generate + upsert",
            batched_s,
            "s",
            f"naive per-user loop, {NAIVE_SAMPLE} users timed, extrapolated x{count // NAIVE_SAMPLE}",
            naive_s,
            note,
        ),
        Result(
            "weekly reports, queries for all users",
            float(batched_queries),
            "queries",
            "naive per-user loop (extrapolated)",
            naive_queries,
            note,
        ),
        Result(
            f"weekly report e-mail with PNG chart, {EMAIL_SAMPLE} users (generate + render + send, locmem)",
            email_s / EMAIL_SAMPLE * 1000,
            "ms/e-mail",
            note=f"charts with identical numbers are drawn once (lru_cache); {summary.emailed} sent",
        ),
    ]
