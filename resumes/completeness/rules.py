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
from django.utils.translation import gettext, ngettext

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
    if a.organization:
        return gettext("'%(title)s at %(organization)s'") % {"title": a.title, "organization": a.organization}
    return f"'{a.title}'"


def _others_have_none(n: int) -> str:
    """' (3 achievements have none)' after the first one named, when there are more."""
    if n < 2:
        return ""
    return ngettext(" (%(n)s achievement have none)", " (%(n)s achievements have none)", n) % {"n": n}


def _edit(a) -> str:
    return reverse("resumes:achievement-edit", args=[a.pk])


def _headline(user, **_):
    return RuleResult(
        "headline",
        gettext("Headline"),
        10,
        bool(user.headline.strip()),
        gettext("Add a headline (e.g. “Backend developer”) in Account settings: your summary opens with it."),
        reverse("accounts:settings"),
    )


def _name_rule(user, **_):
    ok = bool(user.first_name.strip() and user.last_name.strip())
    return RuleResult(
        "name",
        gettext("Full name"),
        5,
        ok,
        gettext("Add your first and last name in Account settings."),
        reverse("accounts:settings"),
    )


def _contact(user, **_):
    missing = [
        label
        for label, value in (
            (gettext("e-mail"), user.email),
            (gettext("phone number"), user.phone),
            (gettext("location"), user.location),
        )
        if not value.strip()
    ]
    and_ = gettext(" and ")
    step = (
        gettext("Add your %(details)s in Account settings.") % {"details": and_.join(missing)}
        if missing
        else ""
    )
    return RuleResult(
        "contact", gettext("Contact details"), 10, not missing, step, reverse("accounts:settings")
    )


def _website(user, **_):
    return RuleResult(
        "website",
        gettext("Website or portfolio"),
        5,
        bool(user.website),
        gettext("Add a website or portfolio link in Account settings."),
        reverse("accounts:settings"),
    )


def _experience(achievements, **_):
    ok = any(a.type in WORK for a in achievements)
    return RuleResult(
        "experience",
        gettext("Work experience"),
        15,
        ok,
        gettext("Add a job or internship: experience is what readers look for first."),
        reverse("resumes:achievement-new"),
    )


def _education(achievements, **_):
    ok = any(a.type in EDUCATION for a in achievements)
    return RuleResult(
        "education",
        gettext("Education or certification"),
        10,
        ok,
        gettext("Add a degree, course or certification."),
        reverse("resumes:achievement-new"),
    )


def _dates(achievements, **_):
    undated = [a for a in achievements if a.start_date is None]
    if undated:
        a = undated[0]
        step = gettext("Add a start date to %(name)s%(more)s.") % {
            "name": _name(a),
            "more": _others_have_none(len(undated)),
        }
        return RuleResult("dates", gettext("Dates"), 10, False, step, _edit(a))
    ongoing = sorted(
        (a for a in achievements if a.type in WORK and a.end_date is None),
        key=lambda a: a.start_date,
        reverse=True,
    )
    if len(ongoing) > 1:
        # The newest may well be current; the older ones have probably ended.
        a = ongoing[-1]
        step = ngettext(
            "Add an end date to %(name)s: %(n)s job are marked as ongoing.",
            "Add an end date to %(name)s: %(n)s jobs are marked as ongoing.",
            len(ongoing),
        ) % {"name": _name(a), "n": len(ongoing)}
        return RuleResult("dates", gettext("Dates"), 10, False, step, _edit(a))
    return RuleResult("dates", gettext("Dates"), 10, True)


def _recent(achievements, today, **_):
    if not achievements:
        return RuleResult(
            "recent",
            gettext("Recent activity"),
            10,
            False,
            gettext("Add your first achievement."),
            reverse("resumes:achievement-new"),
        )
    latest = max(
        (today if a.start_date and a.end_date is None else (a.end_date or a.start_date) or dt.date.min)
        for a in achievements
    )
    ok = latest >= today - dt.timedelta(days=RECENT_DAYS)
    step = (
        ""
        if ok
        else gettext("No achievement since %(year)s: add what you have done lately.") % {"year": latest.year}
    )
    return RuleResult("recent", gettext("Recent activity"), 10, ok, step, reverse("resumes:achievement-new"))


def _highlights(achievements, **_):
    bare = [
        a
        for a in achievements
        if a.type in WITH_HIGHLIGHTS and not [h for h in a.highlights if str(h).strip()]
    ]
    if not bare:
        return RuleResult("highlights", gettext("Highlights"), 15, True)
    step = gettext("Add a highlight (a result, with a number if you can) to %(name)s%(more)s.") % {
        "name": _name(bare[0]),
        "more": _others_have_none(len(bare)),
    }
    return RuleResult("highlights", gettext("Highlights"), 15, False, step, _edit(bare[0]))


def _skill_evidence(achievements, skills, **_):
    evidenced = {str(s).strip().lower() for a in achievements for s in a.skills}
    bare = [name for name in skills if name.strip().lower() not in evidenced]
    if not bare:
        return RuleResult("skill_evidence", gettext("Skills backed by achievements"), 10, True)
    names = ", ".join(bare[:3]) + ("…" if len(bare) > 3 else "")
    step = ngettext(
        "%(n)s skill has no evidence in any achievement (%(names)s): add them where you used them.",
        "%(n)s skills have no evidence in any achievement (%(names)s): add them where you used them.",
        len(bare),
    ) % {"n": len(bare), "names": names}
    return RuleResult(
        "skill_evidence",
        gettext("Skills backed by achievements"),
        10,
        False,
        step,
        reverse("resumes:achievements"),
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
