"""The auto resume's content, computed from achievements and skills in memory.

Pure functions: no queries, so the rebuild's query count is fixed by the
service that feeds them. The document follows JSON Resume 1.0.0 section and
field names; ResuMate's extras live under ``meta``. Empty values are left out
(the schema types ``url`` as a URI and dates as ISO strings, so "" is invalid).
"""

import datetime as dt
from dataclasses import dataclass, field

from . import locales
from .locales import words as locale_words
from .models import AchievementType, Proficiency, SkillCategory
from .prose.summary import person_summary
from .skills import clean_skill_list, is_known_skill, spelling_in_text

SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

PROFICIENCY_RANK = {value: rank for rank, value in enumerate(Proficiency.values)}
WORK_TYPES = (AchievementType.JOB, AchievementType.INTERNSHIP)
EDUCATION_TYPES = (AchievementType.DEGREE, AchievementType.COURSE)


@dataclass
class Evidence:
    """How much a skill is backed by achievements."""

    name: str
    achievements: int = 0
    months: int = 0
    last_used: dt.date | None = None
    _intervals: list = field(default_factory=list, repr=False)


def _end_or_today(achievement, today):
    return achievement.end_date or today


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (inclusive of a started month), never negative."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    return months + (1 if end.day >= start.day else 0)


def merged_months(intervals) -> int:
    """Months covered by possibly overlapping (start, end) intervals, each counted once."""
    total = 0
    current_start = current_end = None
    for start, end in sorted(intervals):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += months_between(current_start, current_end)
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += months_between(current_start, current_end)
    return total


def skill_evidence(achievements, today: dt.date) -> dict[str, Evidence]:
    """Evidence per skill, keyed by lower-cased canonical name.

    Names are canonicalised again: rows written around the services (admin, raw SQL,
    older data) must not split one skill in two.
    """
    evidence: dict[str, Evidence] = {}
    for achievement in achievements:
        last = achievement.end_date or (today if achievement.start_date else None)
        for name in clean_skill_list(achievement.skills):
            item = evidence.setdefault(name.lower(), Evidence(name=name))
            if item.name.islower() and not name.islower():
                item.name = name  # "GTFS" typed on one achievement beats "gtfs" from a GitHub topic
            item.achievements += 1
            if achievement.start_date:
                item._intervals.append((achievement.start_date, _end_or_today(achievement, today)))
            if last and (item.last_used is None or last > item.last_used):
                item.last_used = last
    texts = "\n".join(" ".join([a.title, a.description, *map(str, a.highlights or [])]) for a in achievements)
    for item in evidence.values():
        item.months = merged_months(item._intervals)
        if item.name.islower() and not is_known_skill(item.name):
            # An unknown skill only ever seen in lower case (tags, topics): the user's own text may spell it.
            item.name = spelling_in_text(item.name, texts)
    return evidence


def proficiency_from_evidence(*, achievements: int, months: int) -> str:
    """Long use, or use repeated across achievements, raises the level; one short course stays beginner."""
    if months >= 96 or (months >= 60 and achievements >= 2):
        return Proficiency.EXPERT.value
    if months >= 36 or (months >= 18 and achievements >= 2) or achievements >= 5:
        return Proficiency.ADVANCED.value
    if months >= 12 or achievements >= 2:
        return Proficiency.INTERMEDIATE.value
    return Proficiency.BEGINNER.value


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _compact(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _newest_first(achievements, today):
    """Ongoing first, then by end date, then by start date, newest first; undated last."""

    def key(a):
        ongoing = a.end_date is None and a.start_date is not None
        latest = a.end_date or a.start_date or dt.date.min
        return (ongoing, latest, a.start_date or dt.date.min, a.pk or 0)

    return sorted(achievements, key=key, reverse=True)


def _when(a):
    """The single date of a dated-once item (award, certificate, publication)."""
    return a.end_date or a.start_date


def _work(a):
    return _compact(
        {
            "name": a.organization,
            "position": a.title,
            "url": a.url,
            "startDate": iso(a.start_date),
            "endDate": iso(a.end_date),
            "summary": a.description,
            "highlights": list(a.highlights),
            "location": a.location,
        }
    )


def _education(a, words):
    return _compact(
        {
            "institution": a.organization,
            "area": a.title,
            "studyType": words.degree if a.type == AchievementType.DEGREE else words.course,
            "url": a.url,
            "startDate": iso(a.start_date),
            "endDate": iso(a.end_date),
            "courses": list(a.highlights),
        }
    )


def _project(a):
    return _compact(
        {
            "name": a.title,
            "description": a.description,
            "highlights": list(a.highlights),
            "keywords": list(a.skills),
            "startDate": iso(a.start_date),
            "endDate": iso(a.end_date),
            "url": a.url,
            "entity": a.organization,
        }
    )


def _certificate(a):
    return _compact({"name": a.title, "date": iso(_when(a)), "issuer": a.organization, "url": a.url})


def _award(a):
    return _compact(
        {"title": a.title, "date": iso(_when(a)), "awarder": a.organization, "summary": a.description}
    )


def _volunteer(a):
    return _compact(
        {
            "organization": a.organization,
            "position": a.title,
            "url": a.url,
            "startDate": iso(a.start_date),
            "endDate": iso(a.end_date),
            "summary": a.description,
            "highlights": list(a.highlights),
        }
    )


def _publication(a):
    return _compact(
        {
            "name": a.title,
            "publisher": a.organization,
            "releaseDate": iso(_when(a)),
            "url": a.url,
            "summary": a.description,
        }
    )


def _strength(skill, evidence):
    ev = evidence.get(skill.name.lower())
    return (
        PROFICIENCY_RANK.get(skill.proficiency, 0),
        ev.achievements if ev else 0,
        ev.months if ev else 0,
    )


def _as_item(a) -> dict:
    return {
        "type": a.type,
        "title": a.title,
        "organization": a.organization,
        "start": a.start_date,
        "end": a.end_date,
        "skills": clean_skill_list(a.skills),
        "highlights": list(a.highlights or []),
        "description": a.description,
    }


def generated_summary(
    *, role, achievements, work_months, strongest, today, language=locales.DEFAULT_LANGUAGE
) -> str:
    """The auto resume's summary in ``language``: who the person is (see ``resumes.prose.summary``)."""
    return person_summary(
        items=[_as_item(a) for a in _newest_first(achievements, today)],
        work_months=work_months,
        strongest=strongest,
        role=role,
        language=language,
    )


def build_content(
    *,
    user,
    achievements,
    skills,
    evidence,
    now: dt.datetime,
    today: dt.date,
    language: str = locales.DEFAULT_LANGUAGE,
) -> dict:
    """The auto resume document for ``user`` from their achievements and final skill rows.

    ``language`` (a code of ``resumes.locales.LANGUAGES``) is stored as
    ``meta.language`` and is the language of the words the builder writes
    itself: the summary, skill group names, levels and fluency.
    """
    language = locales.normalise_language(language)
    words = locale_words.phrases(language)
    by_type = {t: [] for t in AchievementType.values}
    for a in _newest_first(achievements, today):
        by_type[a.type].append(a)
    counts = {t: len(rows) for t, rows in by_type.items()}

    work = [a for a in _newest_first(achievements, today) if a.type in WORK_TYPES]
    work_months = merged_months((a.start_date, _end_or_today(a, today)) for a in work if a.start_date)

    # Strongest first; equal strength keeps alphabetical order (sorts are stable).
    ordered_skills = sorted(skills, key=lambda s: s.name.lower())
    ordered_skills.sort(key=lambda s: _strength(s, evidence), reverse=True)
    technical = [s for s in ordered_skills if s.category not in (SkillCategory.SPOKEN_LANGUAGE,)]
    strongest = [s.name for s in technical if s.category != SkillCategory.SOFT_SKILL][:3]

    skill_groups = []
    for category in SkillCategory:
        members = [s for s in technical if s.category == category.value]
        if not members:
            continue
        top = max(PROFICIENCY_RANK.get(s.proficiency, 0) for s in members)
        skill_groups.append(
            {
                "name": locale_words.category_name(category.value, category.label, language),
                "level": locale_words.level_name(Proficiency.values[top], language),
                "keywords": [s.name for s in members],
            }
        )
    languages = [
        {"language": s.name, "fluency": locale_words.fluency_name(s.proficiency, language)}
        for s in ordered_skills
        if s.category == SkillCategory.SPOKEN_LANGUAGE
    ]

    current = next((a for a in work if a.end_date is None and a.start_date), None)
    latest = current or (work[0] if work else None)
    role = user.headline or (latest.title if latest else "") or words.professional
    name = user.get_full_name() or user.username

    basics = _compact(
        {
            "name": name,
            "label": role,
            "email": user.email,
            "phone": user.phone,
            "url": user.website,
            "summary": generated_summary(
                role=role,
                achievements=achievements,
                work_months=work_months,
                strongest=strongest,
                today=today,
                language=language,
            ),
            "location": _compact({"city": user.location}),
            "profiles": [],
        }
    )
    return {
        "basics": basics,
        "work": [_work(a) for a in work],
        "education": [
            _education(a, words) for a in _newest_first(achievements, today) if a.type in EDUCATION_TYPES
        ],
        "projects": [_project(a) for a in by_type[AchievementType.PROJECT]],
        "certificates": [_certificate(a) for a in by_type[AchievementType.CERTIFICATION]],
        "awards": [_award(a) for a in by_type[AchievementType.AWARD]],
        "volunteer": [_volunteer(a) for a in by_type[AchievementType.VOLUNTEER]],
        "publications": [_publication(a) for a in by_type[AchievementType.PUBLICATION]],
        "skills": skill_groups,
        "languages": languages,
        "meta": {
            "canonical": SCHEMA_URL,
            "version": "v1.0.0",
            "lastModified": now.isoformat(timespec="seconds"),
            "generatedAt": now.isoformat(timespec="seconds"),
            "generator": "ResuMate",
            "language": language,
            "statistics": {
                "achievements": len(achievements),
                "byType": counts,
                "monthsOfExperience": work_months,
                "yearsOfExperience": round(work_months / 12, 1),
                "skills": len(skills),
                "ongoing": sum(1 for a in achievements if a.end_date is None and a.start_date),
                "verified": sum(1 for a in achievements if a.is_verified),
            },
        },
    }


# The achievement types behind each entry list of ``build_content``.
SECTION_TYPES = {
    "work": WORK_TYPES,
    "education": EDUCATION_TYPES,
    "projects": (AchievementType.PROJECT,),
    "certificates": (AchievementType.CERTIFICATION,),
    "awards": (AchievementType.AWARD,),
    "volunteer": (AchievementType.VOLUNTEER,),
    "publications": (AchievementType.PUBLICATION,),
}


def section_achievements(achievements, today: dt.date) -> dict[str, list]:
    """The achievement behind each entry of ``build_content``'s sections, entry for entry."""
    ordered = _newest_first(achievements, today)
    return {key: [a for a in ordered if a.type in types] for key, types in SECTION_TYPES.items()}
