"""The draft's JSON shape, shared by every reader, the review form and the confirm step.

A draft is ``{"basics": {...}, "achievements": [entry, ...], "skills": [...], "warnings": [...]}``;
an entry carries the achievement fields plus ``confidence`` (field -> 0..1) and
``duplicate_of`` (an existing achievement id or ``None``).
"""

from ..importers import _proficiency
from ..models import AchievementType, SkillCategory
from ..skills import canonical_skill_name, categorize_skill
from ..validation import MAX_HIGHLIGHT_LENGTH, MAX_HIGHLIGHTS
from .fields import iso

ENTRY_TEXT_FIELDS = ("title", "organization", "location", "start_date", "end_date", "description", "url")
BASICS_FIELDS = ("name", "label", "email", "phone", "url", "location", "summary")
# Section key of a reader -> achievement type.
SECTION_TYPES = {
    "work": AchievementType.JOB,
    "education": AchievementType.DEGREE,
    "courses": AchievementType.COURSE,
    "projects": AchievementType.PROJECT,
    "certificates": AchievementType.CERTIFICATION,
    "awards": AchievementType.AWARD,
    "publications": AchievementType.PUBLICATION,
    "volunteer": AchievementType.VOLUNTEER,
}


def entry(kind: str, *, confidence: dict | None = None, **fields) -> dict:
    """One achievement of the draft; dates as ISO strings ("" when unknown or ongoing)."""
    item = {"type": str(kind)}
    for name in ENTRY_TEXT_FIELDS:
        value = fields.get(name)
        if name in ("start_date", "end_date") and not isinstance(value, str):
            value = iso(value)
        item[name] = " ".join(str(value or "").split()) if name != "description" else str(value or "").strip()
    highlights = [" ".join(str(h).split()) for h in fields.get("highlights") or [] if str(h).strip()]
    item["highlights"] = [h[:MAX_HIGHLIGHT_LENGTH] for h in highlights][:MAX_HIGHLIGHTS]
    item["skills"] = [canonical_skill_name(s) for s in fields.get("skills") or [] if str(s).strip()]
    # A project's roles: achievements have no field for them, so confirming writes them into the description.
    roles = fields.get("roles") if isinstance(fields.get("roles"), list) else []
    item["roles"] = [" ".join(str(r).split()) for r in roles if str(r).strip()]
    scores = dict.fromkeys(("title", "organization", "start_date", "end_date"), 0.0)
    scores.update(confidence or {})
    item["confidence"] = {k: round(float(v), 2) for k, v in scores.items()}
    item["duplicate_of"] = None
    return item


def skill(name: str, *, category: str | None = None, level: str = "") -> dict | None:
    canonical = canonical_skill_name(name)[:60].strip()
    if not canonical:
        return None
    return {
        "name": canonical,
        "category": category or categorize_skill(canonical),
        "proficiency": _proficiency(level),
    }


def language(name: str, level: str = "") -> dict | None:
    return skill(name, category=SkillCategory.SPOKEN_LANGUAGE, level=level)


def new_draft(*, basics=None, achievements=None, skills=None, warnings=None) -> dict:
    basics = {k: " ".join(str((basics or {}).get(k) or "").split()) for k in BASICS_FIELDS} | {
        "summary": str((basics or {}).get("summary") or "").strip()
    }
    seen, unique = set(), []
    for item in skills or []:
        if item and item["name"].lower() not in seen:
            seen.add(item["name"].lower())
            unique.append(item)
    return {
        "basics": basics,
        "achievements": list(achievements or []),
        "skills": unique,
        "warnings": list(warnings or []),
    }


def is_empty(draft: dict) -> bool:
    basics = draft.get("basics") or {}
    return not (
        draft.get("achievements") or draft.get("skills") or basics.get("name") or basics.get("summary")
    )
