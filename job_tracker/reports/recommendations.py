"""Short, specific suggestions derived from one user's weekly numbers."""

from .metrics import UserMetrics

MAX_RECOMMENDATIONS = 4
# Below this many sent applications a response rate says little.
MIN_COHORT_FOR_RATES = 8


def _names(companies, limit=3):
    unique = list(dict.fromkeys(c or "an unnamed company" for c in companies))
    shown = unique[:limit]
    rest = len(unique) - len(shown)
    if rest:
        return ", ".join(shown) + f" and {rest} more"
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _plural(n, word):
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def recommend(metrics: UserMetrics) -> list[str]:
    """At most four suggestions, most actionable first."""
    week = metrics.week
    total_sent = metrics.total_sent
    tips = []
    if metrics.stale_applied:
        n = len(metrics.stale_applied)
        tips.append(
            f"{_plural(n, 'application')} sat in applied for over 14 days: "
            f"follow up with {_names(metrics.stale_applied)}."
        )
    if metrics.week.offers:
        tips.append(
            f"You got {_plural(week.offers, 'offer')} this week: "
            "compare salary, growth and team before you answer."
        )
    if week.applications_sent == 0:
        if metrics.postings_matched:
            tips.append(
                f"You sent no applications, but {_plural(metrics.postings_matched, 'new posting')} "
                "matched your resume: apply to the best three this week."
            )
        else:
            tips.append("You sent no applications this week: set a goal of five for the next one.")
    elif metrics.postings_matched > week.applications_sent:
        tips.append(
            f"{_plural(metrics.postings_matched, 'new posting')} matched your resume and you sent "
            f"{week.applications_sent}: look through the recommended jobs."
        )
    if total_sent >= MIN_COHORT_FOR_RATES:
        if metrics.response_rate < 0.1:
            tips.append(
                f"Only {metrics.response_rate:.0%} of your {total_sent} applications got a reply: "
                "tailor your resume to each posting's keywords."
            )
        elif metrics.interview_rate < 0.05 and metrics.response_rate >= 0.1:
            tips.append(
                f"{metrics.response_rate:.0%} of applications get a reply but few reach interviews: "
                "sharpen the first screen with concrete numbers in your achievements."
            )
    if week.interviews and not week.offers:
        tips.append(
            f"{_plural(week.interviews, 'interview')} this week: "
            "prepare with the interview question generator."
        )
    if metrics.achievements_added == 0 and week.applications_sent >= 5 and week.responses == 0:
        tips.append("No replies yet: add a recent achievement so your resume shows fresh results.")
    return tips[:MAX_RECOMMENDATIONS]
