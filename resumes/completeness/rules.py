"""Profile completeness: a 0-100 score, each rule with its weight, and the next three steps.

Every rule passes or fails as a whole, so the score is the sum of the passing
weights and a person can see exactly why it is what it is. The whole figure
reads three queries (achievements, skills, nothing else per row) whatever the
number of achievements.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.urls import reverse
from django.utils import timezone

from resumes.models import Achievement, AchievementType, Skill

WORK = {AchievementType.JOB, AchievementType.INTERNSHIP}
EDUCATION = {AchievementType.DEGREE, AchievementType.COURSE, AchievementType.CERTIFICATION}
WITH_HIGHLIGHTS = {AchievementType.JOB, AchievementType.INTERNSHIP, AchievementType.PROJECT}
RECENT_DAYS = 365
NEXT_STEPS = 3


@dataclass
class RuleResult:
    key: str
    label: str
    weight: int
    passed: bool
    step: str = ""  # what to do, when it fails
    url: str = ""  # where to do it


def _name(a) -> str:
    return f"'{a.title} at {a.organization}'" if a.organization else f"'{a.title}'"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _edit(a) -> str:
    return reverse("resumes:achievement-edit", args=[a.pk])


def _headline(user, **_):
    return RuleResult(
        "headline",
        "Headline",
        10,
        bool(user.headline.strip()),
        "Add a headline (e.g. “Backend developer”) in Account settings: your summary opens with it.",
        reverse("accounts:settings"),
    )


def _name_rule(user, **_):
    ok = bool(user.first_name.strip() and user.last_name.strip())
    return RuleResult(
        "name",
        "Full name",
        5,
        ok,
        "Add your first and last name in Account settings.",
        reverse("accounts:settings"),
    )


def _contact(user, **_):
    missing = [
        label
        for label, value in (
            ("e-mail", user.email),
            ("phone number", user.phone),
            ("location", user.location),
        )
        if not value.strip()
    ]
    step = f"Add your {' and '.join(missing)} in Account settings." if missing else ""
    return RuleResult("contact", "Contact details", 10, not missing, step, reverse("accounts:settings"))


def _website(user, **_):
    return RuleResult(
        "website",
        "Website or portfolio",
        5,
        bool(user.website),
        "Add a website or portfolio link in Account settings.",
        reverse("accounts:settings"),
    )


def _experience(achievements, **_):
    ok = any(a.type in WORK for a in achievements)
    return RuleResult(
        "experience",
        "Work experience",
        15,
        ok,
        "Add a job or internship: experience is what readers look for first.",
        reverse("resumes:achievement-new"),
    )


def _education(achievements, **_):
    ok = any(a.type in EDUCATION for a in achievements)
    return RuleResult(
        "education",
        "Education or certification",
        10,
        ok,
        "Add a degree, course or certification.",
        reverse("resumes:achievement-new"),
    )


def _dates(achievements, **_):
    undated = [a for a in achievements if a.start_date is None]
    if undated:
        a = undated[0]
        more = f" ({_plural(len(undated), 'achievement')} have none)" if len(undated) > 1 else ""
        return RuleResult("dates", "Dates", 10, False, f"Add a start date to {_name(a)}{more}.", _edit(a))
    ongoing = sorted(
        (a for a in achievements if a.type in WORK and a.end_date is None),
        key=lambda a: a.start_date,
        reverse=True,
    )
    if len(ongoing) > 1:
        # The newest may well be current; the older ones have probably ended.
        a = ongoing[-1]
        step = f"Add an end date to {_name(a)}: {_plural(len(ongoing), 'job')} are marked as ongoing."
        return RuleResult("dates", "Dates", 10, False, step, _edit(a))
    return RuleResult("dates", "Dates", 10, True)


def _recent(achievements, today, **_):
    if not achievements:
        return RuleResult(
            "recent",
            "Recent activity",
            10,
            False,
            "Add your first achievement.",
            reverse("resumes:achievement-new"),
        )
    latest = max(
        (today if a.start_date and a.end_date is None else (a.end_date or a.start_date) or dt.date.min)
        for a in achievements
    )
    ok = latest >= today - dt.timedelta(days=RECENT_DAYS)
    step = "" if ok else f"No achievement since {latest.year}: add what you have done lately."
    return RuleResult("recent", "Recent activity", 10, ok, step, reverse("resumes:achievement-new"))


def _highlights(achievements, **_):
    bare = [
        a
        for a in achievements
        if a.type in WITH_HIGHLIGHTS and not [h for h in a.highlights if str(h).strip()]
    ]
    if not bare:
        return RuleResult("highlights", "Highlights", 15, True)
    more = f" ({_plural(len(bare), 'achievement')} have none)" if len(bare) > 1 else ""
    step = f"Add a highlight (a result, with a number if you can) to {_name(bare[0])}{more}."
    return RuleResult("highlights", "Highlights", 15, False, step, _edit(bare[0]))


def _skill_evidence(achievements, skills, **_):
    evidenced = {str(s).strip().lower() for a in achievements for s in a.skills}
    bare = [name for name in skills if name.strip().lower() not in evidenced]
    if not bare:
        return RuleResult("skill_evidence", "Skills backed by achievements", 10, True)
    names = ", ".join(bare[:3]) + ("…" if len(bare) > 3 else "")
    verb = "has" if len(bare) == 1 else "have"
    step = (
        f"{_plural(len(bare), 'skill')} {verb} no evidence in any achievement ({names}): "
        "add them where you used them."
    )
    return RuleResult(
        "skill_evidence", "Skills backed by achievements", 10, False, step, reverse("resumes:achievements")
    )


# Ties in weight keep this order: what a reader checks first comes first.
RULES = (
    _experience,
    _highlights,
    _dates,
    _recent,
    _skill_evidence,
    _contact,
    _headline,
    _education,
    _name_rule,
    _website,
)


def profile_completeness(*, user, today: dt.date | None = None) -> dict:
    """``{"score", "next_steps", "rules"}``; next steps are the heaviest failing rules, at most three."""
    today = today or timezone.localdate()
    achievements = list(
        Achievement.objects.filter(user=user).only(
            "id", "type", "title", "organization", "start_date", "end_date", "skills", "highlights"
        )
    )
    skills = list(Skill.objects.filter(user=user).order_by("name").values_list("name", flat=True))
    results = [rule(user=user, achievements=achievements, skills=skills, today=today) for rule in RULES]
    failing = sorted((r for r in results if not r.passed), key=lambda r: -r.weight)
    return {
        "score": sum(r.weight for r in results if r.passed),
        "next_steps": [{"rule": r.key, "text": r.step, "url": r.url} for r in failing[:NEXT_STEPS]],
        "rules": [asdict(r) for r in results],
    }
