"""JSON Resume import: one validated document -> a manual resume, achievements and skills.

The manual resume keeps the document exactly as given (so exporting it
returns every fact); each section entry also becomes an achievement so the
auto resume, matching and the AI see it. The auto resume is rebuilt once, when
the import commits.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction
from rest_framework.exceptions import ValidationError

from . import services
from .exporters.json_resume import SECTIONS, schema_errors
from .models import Achievement, AchievementType, Proficiency, Resume, Skill, SkillCategory
from .skills import canonical_skill_name, categorize_skill

# Far above any real resume; keeps one request from creating thousands of rows.
MAX_ENTRIES = 300
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")
# studyType values that name a degree; anything else (a bootcamp, a course) is a course.
_DEGREE_WORDS = re.compile(
    r"\b(bachelor|master|doctor|doctorate|phd|ph\.d|mba|msc|m\.sc|bsc|b\.sc|ba|ma|bs|ms|beng|meng|"
    r"associate|licen[cs]e|licenciatura|diplom[ae]?|degree|magister|specialist|habilitation)\b",
    re.IGNORECASE,
)
_LEVELS = (
    (re.compile(r"master|expert|native|bilingual|mother|c2", re.I), Proficiency.EXPERT),
    (re.compile(r"advanced|fluent|senior|proficient|c1", re.I), Proficiency.ADVANCED),
    (re.compile(r"intermediate|working|professional|b1|b2|conversational", re.I), Proficiency.INTERMEDIATE),
)


@dataclass
class ImportResult:
    resume: Resume
    achievements: int
    skills: int


def parse_partial_date(value) -> dt.date | None:
    """``2019`` -> 2019-01-01, ``2019-05`` -> 2019-05-01; an impossible day or month falls back a step."""
    match = _PARTIAL_DATE.match(value or "") if isinstance(value, str) else None
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    for candidate in ((year, month or 1, day or 1), (year, month or 1, 1), (year, 1, 1)):
        try:
            return dt.date(*candidate)
        except ValueError:
            continue
    return None


def _field_limit(name: str) -> int | None:
    return Achievement._meta.get_field(name).max_length


def _fit(value, name: str) -> str:
    text = " ".join(value.split()) if isinstance(value, str) else ""
    limit = _field_limit(name)
    return text if limit is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _url(value) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        URLValidator()(value.strip())
    except DjangoValidationError:
        return ""  # kept in the imported resume; the achievement's URL field only takes real links
    return value.strip() if len(value.strip()) <= _field_limit("url") else ""


def _strings(values) -> list[str]:
    return [v.strip() for v in values or [] if isinstance(v, str) and v.strip()]


def _paragraphs(*values) -> str:
    return "\n\n".join(v.strip() for v in values if isinstance(v, str) and v.strip())


def _dates(item, start_key="startDate", end_key="endDate"):
    start, end = parse_partial_date(item.get(start_key)), parse_partial_date(item.get(end_key))
    if start and end and end < start:
        end = start  # the schema allows it, the achievement constraint does not: keep the start
    return start, end


def _work(item):
    start, end = _dates(item)
    position = item.get("position") or item.get("name") or "Position"
    kind = AchievementType.INTERNSHIP if re.search(r"\bintern", position, re.I) else AchievementType.JOB
    return {
        "type": kind,
        "title": position,
        "organization": item.get("name", ""),
        "location": item.get("location", ""),
        "start_date": start,
        "end_date": end,
        "description": _paragraphs(item.get("summary"), item.get("description")),
        "highlights": _strings(item.get("highlights")),
        "url": item.get("url"),
    }


def _education(item):
    start, end = _dates(item)
    study, area = item.get("studyType", ""), item.get("area", "")
    is_degree = bool(_DEGREE_WORDS.search(study))
    title = ", ".join(v for v in (study.strip(), area.strip()) if v) or item.get("institution") or "Education"
    score = item.get("score")
    return {
        "type": AchievementType.DEGREE if is_degree else AchievementType.COURSE,
        "title": title,
        "organization": item.get("institution", ""),
        "start_date": start,
        "end_date": end,
        "description": f"Score: {score}" if isinstance(score, str) and score.strip() else "",
        "highlights": _strings(item.get("courses")),
        "url": item.get("url"),
    }


def _project(item):
    start, end = _dates(item)
    return {
        "type": AchievementType.PROJECT,
        "title": item.get("name") or "Project",
        "organization": item.get("entity", ""),
        "start_date": start,
        "end_date": end,
        "description": item.get("description", ""),
        "highlights": _strings(item.get("highlights")),
        "skills": _strings(item.get("keywords")),
        "url": item.get("url"),
    }


def _certificate(item):
    date = parse_partial_date(item.get("date"))
    return {
        "type": AchievementType.CERTIFICATION,
        "title": item.get("name") or "Certificate",
        "organization": item.get("issuer", ""),
        "start_date": date,
        "end_date": date,
        "url": item.get("url"),
    }


def _award(item):
    date = parse_partial_date(item.get("date"))
    return {
        "type": AchievementType.AWARD,
        "title": item.get("title") or "Award",
        "organization": item.get("awarder", ""),
        "start_date": date,
        "end_date": date,
        "description": item.get("summary", ""),
    }


def _volunteer(item):
    start, end = _dates(item)
    return {
        "type": AchievementType.VOLUNTEER,
        "title": item.get("position") or item.get("organization") or "Volunteer",
        "organization": item.get("organization", ""),
        "start_date": start,
        "end_date": end,
        "description": item.get("summary", ""),
        "highlights": _strings(item.get("highlights")),
        "url": item.get("url"),
    }


def _publication(item):
    date = parse_partial_date(item.get("releaseDate"))
    return {
        "type": AchievementType.PUBLICATION,
        "title": item.get("name") or "Publication",
        "organization": item.get("publisher", ""),
        "start_date": date,
        "end_date": date,
        "description": item.get("summary", ""),
        "url": item.get("url"),
    }


SECTION_MAPPERS = {
    "work": _work,
    "education": _education,
    "projects": _project,
    "certificates": _certificate,
    "awards": _award,
    "volunteer": _volunteer,
    "publications": _publication,
}


def _fit_list(values, *, limit: int, length: int) -> list[str]:
    return [_cut(v, length) for v in _strings(values)[:limit]]


def _cut(text: str, length: int, *, one_line: bool = True) -> str:
    text = " ".join(text.split()) if one_line else text.strip()
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def achievement_fields(document: dict) -> list[tuple[str, dict]]:
    """``(location, fields)`` for every achievement the document implies.

    Values are fitted to the achievement limits (long text cut with an
    ellipsis, extra highlights or skills left to the imported resume, which
    keeps everything), so a schema-valid document always imports.
    """
    rows = []
    for section, mapper in SECTION_MAPPERS.items():
        for index, item in enumerate(document.get(section) or []):
            if not isinstance(item, dict):
                continue
            fields = mapper(item)
            for name in ("title", "organization", "location"):
                fields[name] = _fit(fields.get(name, ""), name)
            fields["url"] = _url(fields.get("url"))
            description = fields.get("description")
            fields["description"] = (
                _cut(description, services.MAX_DESCRIPTION_LENGTH, one_line=False)
                if isinstance(description, str)
                else ""
            )
            fields["highlights"] = _fit_list(
                fields.get("highlights"), limit=services.MAX_HIGHLIGHTS, length=services.MAX_HIGHLIGHT_LENGTH
            )
            fields["skills"] = [
                s for s in _strings(fields.get("skills")) if len(s) <= services.MAX_SKILL_LENGTH
            ][: services.MAX_SKILLS]
            rows.append((f"{section}.{index}", fields))
    return rows


def _proficiency(level) -> str:
    for pattern, value in _LEVELS:
        if isinstance(level, str) and pattern.search(level):
            return value
    return Proficiency.INTERMEDIATE if isinstance(level, str) and level.strip() else Proficiency.BEGINNER


def skill_rows(document: dict) -> list[tuple[str, str, str, bool]]:
    """``(name, category, proficiency, level_given)`` from ``skills`` keywords and ``languages``."""
    rows, seen = [], set()

    def add(raw, category, level):
        name = canonical_skill_name(raw)[: Skill._meta.get_field("name").max_length].strip()
        if name and name.lower() not in seen:
            seen.add(name.lower())
            given = isinstance(level, str) and bool(level.strip())
            rows.append((name, category or categorize_skill(name), _proficiency(level), given))

    for group in document.get("skills") or []:
        if not isinstance(group, dict):
            continue
        names = _strings(group.get("keywords")) or _strings([group.get("name")])
        for raw in names:
            add(raw, None, group.get("level"))
    for language in document.get("languages") or []:
        if isinstance(language, dict) and isinstance(language.get("language"), str):
            add(language["language"], SkillCategory.SPOKEN_LANGUAGE, language.get("fluency"))
    return rows


def _title(document: dict, title: str | None) -> str:
    basics = document.get("basics") if isinstance(document.get("basics"), dict) else {}
    name = basics.get("name") if isinstance(basics.get("name"), str) else ""
    text = (title or "").strip() or (f"{name.strip()} (imported)" if name.strip() else "Imported resume")
    return text[: Resume._meta.get_field("title").max_length]


def import_json_resume(*, user, document, title: str | None = None) -> ImportResult:
    """Create a manual resume, achievements and skills from a JSON Resume document.

    Raises DRF ``ValidationError`` keyed by the failing location
    (``work.0.startDate``), each message naming the schema path, and writes
    nothing when the document does not validate against the JSON Resume schema.
    Existing skills (same name, any case) are left as they are; a level or
    fluency given in the document marks the new skill's proficiency as manual.
    """
    errors = schema_errors(document)
    if errors:
        raise ValidationError(errors)
    if not any(document.get(key) for key in ("basics", *SECTIONS)):
        raise ValidationError({"document": ["The document is empty: no basics and no sections."]})
    rows = achievement_fields(document)
    if len(rows) > MAX_ENTRIES:
        raise ValidationError({"document": [f"At most {MAX_ENTRIES} entries can be imported at once."]})

    with transaction.atomic(), services.rebuilds_deferred():
        resume = Resume.objects.create(user=user, title=_title(document, title), content=document)
        for location, fields in rows:
            try:
                services.achievement_create(user=user, **fields)
            except ValidationError as exc:
                detail = exc.detail if isinstance(exc.detail, dict) else {"entry": exc.detail}
                raise ValidationError({f"{location}.{key}": value for key, value in detail.items()}) from exc
        existing = {name.lower() for name in Skill.objects.filter(user=user).values_list("name", flat=True)}
        new_skills = [
            Skill(
                user=user, name=name, category=category, proficiency=proficiency, proficiency_is_manual=given
            )
            for name, category, proficiency, given in skill_rows(document)
            if name.lower() not in existing
        ]
        # A concurrent import of the same skill must not fail the whole document.
        Skill.objects.bulk_create(new_skills, ignore_conflicts=True)
        # Skills alone trigger no achievement signal, yet belong on the auto resume.
        services.schedule_rebuild(user_id=user.pk)
    return ImportResult(resume=resume, achievements=len(rows), skills=len(new_skills))
