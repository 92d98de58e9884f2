"""Weekly numbers for a whole batch of users with a fixed number of queries.

One grouped query over ApplicationEvent returns, per application, the first
moment it reached each stage; the rows are then bucketed into each user's
own Monday-based weeks (their time zone), which SQL cannot do for many zones
at once. The query count does not grow with the number of users.
"""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, timedelta

from django.db.models import Max, Min, Q

from job_tracker.models import ApplicationEvent, ApplicationStatus
from resumes.models import Achievement

from .matched import count_matched_postings
from .weeks import WEEK, week_boundaries, zone

S = ApplicationStatus
# An application "reached" a stage the first time an event moved it into one of these statuses.
STAGES = {
    "applications_sent": (S.APPLIED, S.SCREENING, S.INTERVIEWING, S.OFFER, S.ACCEPTED, S.REJECTED),
    "responses": (S.SCREENING, S.INTERVIEWING, S.OFFER, S.ACCEPTED, S.REJECTED),
    "interviews": (S.INTERVIEWING, S.OFFER, S.ACCEPTED),
    "offers": (S.OFFER, S.ACCEPTED),
    "rejections": (S.REJECTED,),
}
TREND_WEEKS = 12
STALE_AFTER = timedelta(days=14)


@dataclass
class WeekNumbers:
    week_start: date
    applications_sent: int = 0
    responses: int = 0
    interviews: int = 0
    offers: int = 0
    rejections: int = 0


@dataclass
class UserMetrics:
    user_id: int
    week: WeekNumbers
    trend: list[WeekNumbers]
    response_rate: float = 0.0
    interview_rate: float = 0.0
    postings_matched: int = 0
    achievements_added: int = 0
    # Applications sent up to the week's end (the base of both rates).
    total_sent: int = 0
    # Companies of applications still in "applied" for over 14 days at the week's end, oldest first.
    stale_applied: list[str] = field(default_factory=list)


def _first_reached_rows(user_ids, until):
    annotations = {
        f"first_{name}": Min("created_at", filter=Q(to_status__in=statuses))
        for name, statuses in STAGES.items()
    }
    return (
        ApplicationEvent.objects.filter(
            user_id__in=user_ids,
            created_at__lt=until,
            application__is_deleted=False,
            application__is_example=False,
        )
        .values("user_id", "application_id", "application__status", "application__company_name")
        .annotate(**annotations, entered_applied=Max("created_at", filter=Q(to_status=S.APPLIED)))
        .order_by()
    )


def compute_metrics(*, users, week_start: date, trend_weeks: int = TREND_WEEKS) -> dict[int, UserMetrics]:
    """Numbers for ``week_start`` (a Monday) and the ``trend_weeks`` weeks ending with it, per user id.

    ``users`` need ``id`` and ``time_zone``. Three queries for the batch plus
    those of ``count_matched_postings``.
    """
    users = list(users)
    if not users:
        return {}
    # In UTC, computed once per zone: comparing datetimes of one tzinfo is much cheaper.
    per_zone = {}
    for name in {u.time_zone for u in users}:
        per_zone[name] = [b.astimezone(UTC) for b in week_boundaries(week_start, zone(name), trend_weeks)]
    boundaries = {u.id: per_zone[u.time_zone] for u in users}
    earliest = min(b[0] for b in boundaries.values())
    latest = max(b[-1] for b in boundaries.values())

    result = {
        u.id: UserMetrics(
            user_id=u.id,
            week=None,
            trend=[
                WeekNumbers(week_start=week_start - WEEK * (trend_weeks - 1 - i)) for i in range(trend_weeks)
            ],
        )
        for u in users
    }
    cohort = defaultdict(lambda: {"sent": 0, "responded": 0, "interviewed": 0})
    stale = defaultdict(list)
    for row in _first_reached_rows(list(boundaries), latest).iterator(chunk_size=5000):
        uid = row["user_id"]
        bounds = boundaries[uid]
        week_end = bounds[-1]
        trend = result[uid].trend
        for name in STAGES:
            moment = row[f"first_{name}"]
            if moment is None or moment >= week_end:
                continue
            index = bisect_right(bounds, moment) - 1
            if index >= 0:
                setattr(trend[index], name, getattr(trend[index], name) + 1)
        counts = cohort[uid]
        counts["sent"] += _before(row["first_applications_sent"], week_end)
        counts["responded"] += _before(row["first_responses"], week_end)
        counts["interviewed"] += _before(row["first_interviews"], week_end)
        entered = row["entered_applied"]
        if row["application__status"] == S.APPLIED and entered and entered <= week_end - STALE_AFTER:
            stale[uid].append((entered, row["application__company_name"]))

    achievements = Achievement.objects.filter(
        user_id__in=list(boundaries), created_at__gte=earliest, created_at__lt=latest
    ).values_list("user_id", "created_at")
    for uid, created_at in achievements.iterator(chunk_size=5000):
        bounds = boundaries[uid]
        if bounds[-2] <= created_at < bounds[-1]:
            result[uid].achievements_added += 1

    windows = {uid: (b[-2], b[-1]) for uid, b in boundaries.items()}
    matched = count_matched_postings(users=users, windows=windows)

    for uid, metrics in result.items():
        metrics.week = metrics.trend[-1]
        counts = cohort[uid]
        metrics.total_sent = counts["sent"]
        if counts["sent"]:
            metrics.response_rate = round(counts["responded"] / counts["sent"], 4)
            metrics.interview_rate = round(counts["interviewed"] / counts["sent"], 4)
        metrics.stale_applied = [company for _, company in sorted(stale[uid])]
        metrics.postings_matched = matched.get(uid, 0)
    return result


def _before(moment, end) -> int:
    return 1 if moment is not None and moment < end else 0
