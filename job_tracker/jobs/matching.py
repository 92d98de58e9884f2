"""How well a job posting fits a user's resume, and the best postings for a user.

Score (0-100) = 60 x share of the posting's skills the user has
              + 15 x overlap of title words with the user's job titles
              + 10 x seniority fit (same level 1, one apart 0.5)
              + 15 x location fit (remote, the user's city, or unknown = 0.5).
Skills are compared by canonical name (``resumes.skills``), so "postgres" on a
resume matches "PostgreSQL" in a posting.
"""

import functools
import heapq
import re
from dataclasses import dataclass, field
from datetime import date

from job_tracker.models import JobPosting
from resumes.models import Resume, Skill
from resumes.selectors import auto_resume, skill_list
from resumes.skills import canonical_skill_name

WEIGHT_SKILLS, WEIGHT_TITLE, WEIGHT_SENIORITY, WEIGHT_LOCATION = 60, 15, 10, 15
SCAN_CHUNK = 2000

SENIORITY_WORDS = {
    "intern": 0, "internship": 0, "trainee": 0, "apprentice": 0,
    "junior": 1, "jr": 1, "graduate": 1, "entry": 1,
    "mid": 2, "intermediate": 2,
    "senior": 3, "sr": 3,
    "lead": 4, "staff": 4, "principal": 4, "head": 4, "architect": 4, "director": 4,
}  # fmt: skip
STOP_WORDS = {
    "a", "an", "and", "the", "of", "for", "in", "at", "to", "with", "on", "m", "f", "d", "w",
    "remote", "hybrid", "full", "time", "part", "contract", "i", "ii", "iii", "iv",
}  # fmt: skip
REMOTE_WORDS = re.compile(r"\b(remote|anywhere|work from home|distributed)\b", re.I)
WORD = re.compile(r"[^\W_]+(?:[+#]+|\.js)?", re.UNICODE)


def title_words(text: str) -> set[str]:
    return {w for w in WORD.findall((text or "").lower()) if w not in STOP_WORDS and w not in SENIORITY_WORDS}


def seniority_of(title: str) -> int | None:
    levels = [SENIORITY_WORDS[w] for w in WORD.findall((title or "").lower()) if w in SENIORITY_WORDS]
    return max(levels) if levels else None


@dataclass
class MatchProfile:
    skills: dict[str, str] = field(default_factory=dict)  # lower-case canonical -> display name
    title_words: set[str] = field(default_factory=set)
    seniority: int = 2
    locations: list[str] = field(default_factory=list)  # lower-case city / place names
    wants_remote: bool = False


@dataclass
class Match:
    score: int
    matched: list[str]
    missing: list[str]


def _month(value) -> date | None:
    """First day of the month of a JSON Resume date ("2021-03-15", "2021-03" or "2021")."""
    parts = str(value or "").split("-")
    try:
        return date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
    except ValueError:
        return None


def _years(work) -> float:
    days = 0
    for job in work:
        start = _month(job.get("startDate"))
        end = _month(job.get("endDate")) if job.get("endDate") else date.today()
        if start and end:
            days += max(0, (end - start).days)
    return days / 365.25


def build_profile(*, user) -> MatchProfile:
    """What matching needs from the user's auto resume and skills (two queries)."""
    resume = auto_resume(user=user)
    skill_names = list(skill_list(user=user).values_list("name", flat=True))
    return profile_from(user=user, content=resume.content if resume else {}, skill_names=skill_names)


def resume_data(*, users) -> tuple[dict[int, dict], dict[int, list[str]]]:
    """Each user's auto-resume content and skill names, keyed by user id, in two queries."""
    ids = [u.pk for u in users]
    contents = dict(Resume.objects.filter(user_id__in=ids, is_auto=True).values_list("user_id", "content"))
    skill_names = {}
    for uid, name in Skill.objects.filter(user_id__in=ids).values_list("user_id", "name"):
        skill_names.setdefault(uid, []).append(name)
    return contents, skill_names


def build_profiles(*, users, data=None) -> dict[int, MatchProfile]:
    """``build_profile`` for a batch of users in two queries (none with ``data`` from
    ``resume_data``), keyed by user id (weekly reports, saved-search alerts)."""
    users = list(users)
    contents, skill_names = data or resume_data(users=users)
    return {
        u.pk: profile_from(user=u, content=contents.get(u.pk) or {}, skill_names=skill_names.get(u.pk, []))
        for u in users
    }


def profile_from(*, user, content, skill_names) -> MatchProfile:
    """The profile from an auto resume's content and the user's skill names (no queries)."""
    content = content if isinstance(content, dict) else {}
    basics = content.get("basics") if isinstance(content.get("basics"), dict) else {}
    work = [w for w in content.get("work") or [] if isinstance(w, dict)]

    names = [kw for group in content.get("skills") or [] if isinstance(group, dict)
             for kw in group.get("keywords") or [] if isinstance(kw, str)]  # fmt: skip
    names += list(skill_names)
    skills = {}
    for raw in names:
        canonical = canonical_skill_name(raw)
        if canonical:
            skills.setdefault(canonical.lower(), canonical)

    titles = [str(basics.get("label") or user.headline or "")] + [str(w.get("position") or "") for w in work]
    words = set().union(*(title_words(t) for t in titles))
    levels = [lvl for lvl in (seniority_of(t) for t in titles[:2]) if lvl is not None]
    if levels:
        seniority = max(levels)
    else:
        years = _years(work)
        seniority = 1 if years < 1 else 2 if years < 5 else 3 if years < 9 else 4

    location = basics.get("location") if isinstance(basics.get("location"), dict) else {}
    places = [location.get("city"), location.get("region"), user.location]
    places = [p.strip().lower() for p in places if isinstance(p, str) and p.strip()]
    about = f"{basics.get('label', '')} {basics.get('summary', '')} {user.headline}"
    return MatchProfile(
        skills=skills,
        title_words=words,
        seniority=seniority,
        locations=list(dict.fromkeys(places)),
        wants_remote=bool(REMOTE_WORDS.search(about)),
    )


@functools.lru_cache(maxsize=8192)
def _title_features(title: str) -> tuple[frozenset, int | None]:
    """Title words and seniority, cached: boards repeat the same few titles thousands of times."""
    return frozenset(title_words(title)), seniority_of(title)


def _points(profile: MatchProfile, title, location, remote, matched: int, required: int) -> int:
    """The 0-100 score from the four fits; ``matched`` of ``required`` distinct skills."""
    skill_fit = matched / required if required else 0.0

    posting_words, level = _title_features(title or "")
    title_fit = len(posting_words & profile.title_words) / len(posting_words) if posting_words else 0.0
    gap = abs((2 if level is None else level) - profile.seniority)
    seniority_fit = 1.0 if gap == 0 else 0.5 if gap == 1 else 0.0

    location = (location or "").lower()
    if remote == "remote":
        location_fit = 1.0
    elif profile.wants_remote and remote == "onsite":
        location_fit = 0.0
    elif any(place in location for place in profile.locations):
        location_fit = 1.0
    elif not location or not profile.locations:
        location_fit = 0.5
    else:
        location_fit = 0.0

    score = (
        WEIGHT_SKILLS * skill_fit
        + WEIGHT_TITLE * title_fit
        + WEIGHT_SENIORITY * seniority_fit
        + WEIGHT_LOCATION * location_fit
    )
    return max(0, min(100, round(score)))


def _required(skills_required) -> dict[str, str]:
    required = {}
    for name in skills_required or []:
        if isinstance(name, str) and name:
            required.setdefault(name.lower(), name)
    return required


def score_posting(profile: MatchProfile, posting: JobPosting) -> Match:
    """The fit of one posting for a profile: score 0-100 and its matched / missing skills."""
    required = _required(posting.skills_required)
    matched = [name for key, name in required.items() if key in profile.skills]
    missing = [name for key, name in required.items() if key not in profile.skills]
    score = _points(profile, posting.title, posting.location, posting.remote, len(matched), len(required))
    return Match(score=score, matched=matched, missing=missing)


def _scan_score(profile: MatchProfile, title, location, remote, skills_required) -> int:
    """``score_posting(...).score`` from bare columns, without building skill lists."""
    required = _required(skills_required)
    matched = sum(1 for key in required if key in profile.skills)
    return _points(profile, title, location, remote, matched, len(required))


def recommendations(*, user, limit=20) -> list[tuple[JobPosting, Match]]:
    """Active postings ranked by score for ``user``, best first (latest scraped first on ties).

    Four queries whatever the number of postings: two for the profile, one
    streamed scan of the few columns scoring needs, one for the winners, whose
    matched / missing skills are worked out only then.
    """
    profile = build_profile(user=user)
    rows = (
        JobPosting.objects.filter(is_active=True)
        .order_by()
        .values_list("id", "title", "location", "remote", "skills_required")
        .iterator(chunk_size=SCAN_CHUNK)
    )
    best = heapq.nlargest(limit, ((_scan_score(profile, *row[1:]), row[0]) for row in rows))
    postings = JobPosting.objects.select_related("source").in_bulk([posting_id for _, posting_id in best])
    return [
        (postings[posting_id], score_posting(profile, postings[posting_id]))
        for _, posting_id in best
        if posting_id in postings
    ]
