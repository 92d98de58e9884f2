"""Which resume works: outcomes of sent applications per resume, source, match-score band and weekday.

Every figure comes from one grouped query over ApplicationEvent (the first moment
each application reached each stage), so the count of queries does not depend on
the number of applications or users. Rates carry Wilson 95% intervals; a
comparison between two groups is a verdict only when Fisher's exact test gives
p < 0.05, otherwise it says roughly how many more applications would tell.
"""

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Min, Q
from django.utils.translation import gettext, gettext_noop
from scipy.stats import binomtest, fisher_exact, norm

from job_tracker.models import ApplicationEvent, ApplicationSource

from .metrics import STAGES

SIGNIFICANCE = 0.05
POWER = 0.8
# Match-score bands (lower bound, label), highest first.
MATCH_BANDS = [(80, "80-100"), (60, "60-79"), (40, "40-59"), (0, "0-39")]
NO_SCORE = gettext_noop("no score")  # a group key too: translated only where it is shown
NO_RESUME = gettext_noop("no resume")
# Translated when a group is labelled, in the language of the request (English in a task).
WEEKDAYS = [
    gettext_noop("Monday"),
    gettext_noop("Tuesday"),
    gettext_noop("Wednesday"),
    gettext_noop("Thursday"),
    gettext_noop("Friday"),
    gettext_noop("Saturday"),
    gettext_noop("Sunday"),
]
DIMENSIONS = ("resumes", "sources", "match_bands", "weekdays")


@dataclass
class Rate:
    successes: int
    trials: int
    rate: float | None = None
    low: float | None = None
    high: float | None = None

    @classmethod
    def of(cls, successes: int, trials: int) -> "Rate":
        if not trials:
            return cls(successes, trials)
        interval = binomtest(successes, trials).proportion_ci(confidence_level=0.95, method="wilson")
        return cls(successes, trials, successes / trials, float(interval.low), float(interval.high))


@dataclass
class Group:
    key: str
    label: str
    sent: int = 0
    responses: int = 0
    interviews: int = 0
    offers: int = 0
    days_to_response: list[int] = field(default_factory=list, repr=False)
    response_rate: Rate | None = None
    interview_rate: Rate | None = None
    median_days_to_response: float | None = None

    def finish(self) -> "Group":
        self.response_rate = Rate.of(self.responses, self.sent)
        self.interview_rate = Rate.of(self.interviews, self.sent)
        if self.days_to_response:
            self.median_days_to_response = float(statistics.median(self.days_to_response))
        return self


@dataclass
class Verdict:
    """A comparison of the two most-used groups' interview rates."""

    sentence: str
    significant: bool = False
    better: str | None = None
    worse: str | None = None
    p_value: float | None = None
    ratio: float | None = None
    more_needed: int | None = None


@dataclass
class Breakdown:
    groups: list[Group]
    verdict: Verdict | None


@dataclass
class Outcomes:
    date_from: date | None
    date_to: date | None
    total: Group
    resumes: Breakdown
    sources: Breakdown
    match_bands: Breakdown
    weekdays: Breakdown

    @property
    def headline(self) -> str:
        """The one sentence that matters: a significant finding, else where the resume comparison stands."""
        for name in DIMENSIONS:
            verdict = getattr(self, name).verdict
            if verdict and verdict.significant:
                return verdict.sentence
        return self.resumes.verdict.sentence if self.resumes.verdict else ""


def band_of(score: int | None) -> str:
    if score is None:
        return NO_SCORE
    return next(label for low, label in MATCH_BANDS if score >= low)


def _sent_rows(*, user_ids, date_from=None, date_to=None):
    annotations = {
        f"first_{name}": Min("created_at", filter=Q(to_status__in=statuses))
        for name, statuses in STAGES.items()
        if name != "rejections"
    }
    rows = ApplicationEvent.objects.filter(
        user_id__in=list(user_ids), application__is_deleted=False, application__is_example=False
    )
    if date_from:
        rows = rows.filter(application__date_applied__gte=date_from)
    if date_to:
        rows = rows.filter(application__date_applied__lte=date_to)
    return (
        rows.values(
            "user_id",
            "application_id",
            "application__date_applied",
            "application__resume_used_id",
            "application__resume_used__title",
            "application__source",
            "application__match_score",
        )
        .annotate(**annotations)
        .filter(first_applications_sent__isnull=False)
        .order_by()
    )


def _count(group: Group, row) -> None:
    group.sent += 1
    if row["first_responses"]:
        group.responses += 1
        days = (row["first_responses"] - row["first_applications_sent"]).total_seconds() / 86400
        group.days_to_response.append(max(0, math.floor(days)))
    group.interviews += row["first_interviews"] is not None
    group.offers += row["first_offers"] is not None


def _keys(row) -> dict[str, tuple[str, str]]:
    resume_id = row["application__resume_used_id"]
    source = row["application__source"]
    sent_on = row["application__date_applied"] or row["first_applications_sent"].date()
    band = band_of(row["application__match_score"])
    return {
        "resumes": (str(resume_id or ""), row["application__resume_used__title"] or gettext(NO_RESUME)),
        "sources": (
            source,
            str(ApplicationSource(source).label) if source in ApplicationSource.values else source,
        ),
        "match_bands": (band, gettext(band) if band == NO_SCORE else band),
        "weekdays": (str(sent_on.weekday()), gettext(WEEKDAYS[sent_on.weekday()])),
    }


def more_needed(p1: float, p2: float, n1: int, n2: int) -> int:
    """Applications still to send (both groups) for a 5% two-sided test to find this gap 80% of the time.

    The usual normal-approximation sample size per group for two proportions. When
    no gap shows yet, it sizes for a doubling of the pooled rate (10% vs 20% at zero).
    """
    if p1 == p2:
        base = (p1 + p2) / 2 or 0.1
        p1, p2 = base, min(2 * base, 0.95) if base < 0.5 else base / 2
    z_alpha, z_beta = norm.ppf(1 - SIGNIFICANCE / 2), norm.ppf(POWER)
    pooled = (p1 + p2) / 2
    per_group = (
        z_alpha * math.sqrt(2 * pooled * (1 - pooled)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    ) ** 2 / (p1 - p2) ** 2
    needed = math.ceil(per_group)
    return max(0, needed - n1) + max(0, needed - n2) or 1


def compare(a: Group, b: Group) -> Verdict:
    """Fisher's exact test on the interview rates of ``a`` and ``b``; a verdict only when p < 0.05."""
    if a.interview_rate.rate is None or b.interview_rate.rate is None:
        return Verdict(gettext("Not enough applications yet to tell."))
    if (b.interviews / b.sent) > (a.interviews / a.sent):
        a, b = b, a
    _, p_value = fisher_exact([[a.interviews, a.sent - a.interviews], [b.interviews, b.sent - b.interviews]])
    p_value = float(p_value)
    facts = {
        "a": a.label,
        "b": b.label,
        "counts": f"{a.interviews}/{a.sent} vs {b.interviews}/{b.sent}",
        "p": f"{p_value:.2g}",
    }
    if p_value < SIGNIFICANCE:
        rate_a, rate_b = a.interviews / a.sent, b.interviews / b.sent
        ratio = rate_a / rate_b if rate_b else None
        if ratio:
            sentence = gettext(
                "‘%(a)s’ gets interviews %(ratio)sx as often as ‘%(b)s’ "  # noqa: RUF001 (typographic quotes)
                "(%(counts)s, p = %(p)s)."
            )
        else:
            sentence = gettext(
                "‘%(a)s’ gets interviews while none came from ‘%(b)s’ "  # noqa: RUF001 (typographic quotes)
                "(%(counts)s, p = %(p)s)."
            )
        sentence %= {**facts, "ratio": f"{ratio or 0:.1f}"}
        return Verdict(sentence, True, a.label, b.label, p_value, ratio and round(ratio, 2))
    needed = more_needed(a.interviews / a.sent, b.interviews / b.sent, a.sent, b.sent)
    sentence = gettext(
        "‘%(a)s’ vs ‘%(b)s’: not enough applications yet to tell "  # noqa: RUF001 (typographic quotes)
        "(need about %(needed)s more; %(counts)s, p = %(p)s)."
    ) % {**facts, "needed": needed}
    return Verdict(sentence, False, a.label, b.label, p_value, more_needed=needed)


def _breakdown(groups: dict[str, Group], *, order=None, compared=lambda g: True) -> Breakdown:
    """Groups in display order; the verdict compares the two with the most applications."""
    finished = [g.finish() for g in groups.values()]
    finished.sort(key=order or (lambda g: (-g.sent, g.label)))
    top = sorted(filter(compared, finished), key=lambda g: (-g.sent, g.label))[:2]
    verdict = compare(*top) if len(top) == 2 else None
    return Breakdown(finished, verdict)


def _resume_breakdown(groups: dict[str, Group]) -> Breakdown:
    # Applications without a resume are shown but never "win" a resume comparison.
    breakdown = _breakdown(groups, compared=lambda g: g.key != "")
    if breakdown.verdict is None and any(g.key for g in breakdown.groups):
        breakdown.verdict = Verdict(
            gettext("Only one resume used so far: send some applications with another to compare them.")
        )
    return breakdown


def outcomes_for_users(*, user_ids, date_from=None, date_to=None) -> dict[int, Outcomes]:
    """Outcomes per user id for applications sent between the dates (inclusive); one query for the batch."""
    per_user = defaultdict(
        lambda: {name: {} for name in DIMENSIONS} | {"total": Group("all", gettext("All"))}
    )
    for row in _sent_rows(user_ids=user_ids, date_from=date_from, date_to=date_to).iterator(chunk_size=5000):
        buckets = per_user[row["user_id"]]
        _count(buckets["total"], row)
        for name, (key, label) in _keys(row).items():
            _count(buckets[name].setdefault(key, Group(key, label)), row)
    result = {}
    for user_id in user_ids:
        buckets = per_user[user_id]
        result[user_id] = Outcomes(
            date_from=date_from,
            date_to=date_to,
            total=buckets["total"].finish(),
            resumes=_resume_breakdown(buckets["resumes"]),
            sources=_breakdown(buckets["sources"]),
            match_bands=_breakdown(buckets["match_bands"], order=_band_order),
            weekdays=_breakdown(buckets["weekdays"], order=lambda g: int(g.key)),
        )
    return result


def _band_order(group: Group):
    labels = [label for _, label in MATCH_BANDS] + [NO_SCORE]
    return labels.index(group.key)


def outcomes_for_user(*, user, date_from=None, date_to=None) -> Outcomes:
    return outcomes_for_users(user_ids=[user.pk], date_from=date_from, date_to=date_to)[user.pk]
