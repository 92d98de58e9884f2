"""Generate and send weekly reports. Re-running a week updates its rows; nobody is e-mailed twice."""

import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.utils import timezone

from job_tracker.models import WeeklyReport

from .emails import build_report_email
from .metrics import UserMetrics, compute_metrics
from .outcomes import outcomes_for_users
from .recommendations import recommend
from .weeks import previous_week_start, zone

logger = logging.getLogger(__name__)

# Local hour of Monday at which a user's report goes out (Beat runs hourly, on the hour).
REPORT_HOUR = 9
# Users per batch: one task renders this many charts, well inside its time limit.
BATCH_SIZE = 200
# What metrics, matching profiles and the e-mail read from a user (no lazy loads per user).
REPORT_USER_FIELDS = (
    "id",
    "username",
    "email",
    "first_name",
    "time_zone",
    "weekly_report_emails",
    "is_active",
    "headline",
    "location",
)
METRIC_FIELDS = [
    "applications_sent",
    "responses",
    "interviews",
    "offers",
    "rejections",
    "response_rate",
    "interview_rate",
    "postings_matched",
    "achievements_added",
    "recommendations",
]


class WeeklyReportDeliveryError(Exception):
    """Some e-mails of a batch could not be sent; a retry sends only those."""


@dataclass
class RunSummary:
    generated: int = 0
    emailed: int = 0
    already_emailed: int = 0
    opted_out: int = 0
    failed: list[int] = field(default_factory=list)

    def add(self, other: "RunSummary") -> None:
        self.generated += other.generated
        self.emailed += other.emailed
        self.already_emailed += other.already_emailed
        self.opted_out += other.opted_out
        self.failed += other.failed


def report_fields(metrics: UserMetrics) -> dict:
    week = metrics.week
    return {
        "applications_sent": week.applications_sent,
        "responses": week.responses,
        "interviews": week.interviews,
        "offers": week.offers,
        "rejections": week.rejections,
        "response_rate": metrics.response_rate,
        "interview_rate": metrics.interview_rate,
        "postings_matched": metrics.postings_matched,
        "achievements_added": metrics.achievements_added,
        "recommendations": recommend(metrics),
    }


def preview_report(*, user, week_start: date) -> tuple[WeeklyReport, UserMetrics]:
    """An unsaved report with live numbers (dry runs, pages before the first report)."""
    metrics = compute_metrics(users=[user], week_start=week_start)[user.pk]
    return WeeklyReport(user=user, week_start=week_start, **report_fields(metrics)), metrics


@transaction.atomic
def generate_weekly_reports(*, users, week_start: date) -> tuple[list[WeeklyReport], dict[int, UserMetrics]]:
    """Upsert the report of ``week_start`` for each user (one statement); returns the rows and the metrics.

    ``emailed_at`` of an existing row is kept, so generating again never causes a second e-mail.
    """
    users = list(users)
    metrics = compute_metrics(users=users, week_start=week_start)
    WeeklyReport.objects.bulk_create(
        [WeeklyReport(user_id=uid, week_start=week_start, **report_fields(m)) for uid, m in metrics.items()],
        update_conflicts=True,
        unique_fields=["user", "week_start"],
        update_fields=[*METRIC_FIELDS, "updated_at"],
        batch_size=1000,
    )
    by_id = {u.pk: u for u in users}
    reports = list(WeeklyReport.objects.filter(user_id__in=list(by_id), week_start=week_start))
    for report in reports:
        report.user = by_id[report.user_id]  # already loaded: no query per report
    return reports, metrics


def send_weekly_report(*, report: WeeklyReport, trend, force: bool = False) -> bool:
    """E-mail one report unless the user opted out or it was already sent (``force`` resends).

    The row is claimed with a conditional UPDATE before sending, so two workers
    or a retry can never both send it; a failed send releases the claim.
    """
    user = report.user
    if not (user.weekly_report_emails and user.is_active and user.email):
        return False
    headline = outcomes_for_users(user_ids=[user.pk])[user.pk].headline
    message = build_report_email(report=report, trend=trend, headline=headline)
    previous = report.emailed_at
    now = timezone.now()
    claim = WeeklyReport.objects.filter(pk=report.pk)
    if not force:
        claim = claim.filter(emailed_at__isnull=True)
    if not claim.update(emailed_at=now):
        return False
    try:
        message.send(fail_silently=False)
    except Exception:
        WeeklyReport.objects.filter(pk=report.pk, emailed_at=now).update(emailed_at=previous)
        raise
    report.emailed_at = now
    return True


def _claim_unsent(report_ids, *, now) -> set[int]:
    """Mark the not-yet-sent reports as sent by this run (two queries) and return their ids.

    Marking before sending is what makes a retry or a second worker skip them;
    ``now`` identifies this run's claim.
    """
    WeeklyReport.objects.filter(pk__in=report_ids, emailed_at__isnull=True).update(emailed_at=now)
    return set(WeeklyReport.objects.filter(pk__in=report_ids, emailed_at=now).values_list("pk", flat=True))


def run_weekly_reports(*, users, week_start: date, send: bool = True) -> RunSummary:
    """Generate one batch's reports and e-mail those not sent yet, with a fixed number of queries.

    A failed send is counted in ``failed`` (not raised) and its claim released, so a later run sends it.
    """
    reports, metrics = generate_weekly_reports(users=users, week_start=week_start)
    summary = RunSummary(generated=len(reports))
    if not send:
        return summary
    wanted = []
    for report in reports:
        user = report.user
        if not (user.weekly_report_emails and user.is_active and user.email):
            summary.opted_out += 1
        elif report.emailed_at:
            summary.already_emailed += 1
        else:
            wanted.append(report)
    if not wanted:
        return summary
    # Render first (the slow part: charts), so claimed rows go out moments after the claim.
    headlines = outcomes_for_users(user_ids=[r.user_id for r in wanted])
    messages = {
        r.pk: build_report_email(
            report=r, trend=metrics[r.user_id].trend, headline=headlines[r.user_id].headline
        )
        for r in wanted
    }
    now = timezone.now()
    claimed = _claim_unsent([r.pk for r in wanted], now=now)
    failed_ids = []
    try:
        connection = mail.get_connection()
        connection.open()
    except Exception:
        logger.exception("e-mail backend unavailable for weekly reports")
        connection = None
    for report in wanted:
        if report.pk not in claimed:
            summary.already_emailed += 1  # another worker got there first
            continue
        try:
            if connection is None:
                raise ConnectionError("e-mail backend unavailable")
            connection.send_messages([messages[report.pk]])
        except Exception:
            logger.exception("weekly report e-mail to user %s failed", report.user_id)
            summary.failed.append(report.user_id)
            failed_ids.append(report.pk)
            continue
        report.emailed_at = now
        summary.emailed += 1
    if connection is not None:
        connection.close()
    if failed_ids:
        WeeklyReport.objects.filter(pk__in=failed_ids, emailed_at=now).update(emailed_at=None)
    return summary


def resend_weekly_reports(*, reports) -> int:
    """Admin "resend": e-mail the reports again (opt-outs still respected); returns how many went out."""
    sent = 0
    for report in reports:
        metrics = compute_metrics(users=[report.user], week_start=report.week_start)[report.user_id]
        sent += send_weekly_report(report=report, trend=metrics.trend, force=True)
    return sent


def report_users():
    """Every active user, in id order, with only the columns reports need."""
    return get_user_model().objects.filter(is_active=True).only(*REPORT_USER_FIELDS).order_by("id")


def user_id_batches(queryset, size: int = BATCH_SIZE):
    yield from id_batches(list(queryset.values_list("id", flat=True)), size)


def id_batches(ids: list[int], size: int = BATCH_SIZE):
    for i in range(0, len(ids), size):
        yield ids[i : i + size]


def users_due_for_weekly_report(*, now: datetime | None = None) -> dict[date, list[int]]:
    """Ids of active users for whom ``now`` is Monday, hour 9, in their own zone, by the week to report.

    Two queries whatever the number of users: the distinct stored zone names,
    then the users of the matching names. An unknown or blank name counts as
    settings.TIME_ZONE (``weeks.zone``), so it is matched through its stored name.
    """
    now = now or timezone.now()
    if timezone.is_naive(now):
        now = now.replace(tzinfo=UTC)  # a bare ISO string from a message: read as UTC
    week_by_name: dict[str, date] = {}
    for name in report_users().order_by().values_list("time_zone", flat=True).distinct():
        tz = zone(name)
        local = now.astimezone(tz)
        if local.weekday() == 0 and local.hour == REPORT_HOUR:
            # The week that ended on the Sunday before this local Monday.
            week_by_name[name] = previous_week_start(now, tz)
    if not week_by_name:
        return {}
    due: dict[date, list[int]] = {}
    rows = report_users().filter(time_zone__in=list(week_by_name)).values_list("id", "time_zone")
    for user_id, name in rows:
        due.setdefault(week_by_name[name], []).append(user_id)
    return due
