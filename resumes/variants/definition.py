"""A variant's definition and overrides: their keys, what each means, and their validation.

The definition is one flat object, every key optional::

    {"types": [...], "include_tags": [...], "exclude_tags": [...], "include_ids": [...],
     "exclude_ids": [...], "date_from", "date_to", "skills_first": [...], "skills_exclude": [...],
     "max_skills", "sections": [...], "anonymize": bool, "language", "label", "summary"}

Errors are DRF field errors keyed by the dotted path of the field
("definition.types", "overrides[0].achievement"), so a client sees which one.
"""

import hashlib

from rest_framework.exceptions import ValidationError

from ..models import AchievementType, SkillCategory
from ..skills import canonical_skill_name
from ..validation import EARLIEST_DATE, LATEST_DATE, MAX_HIGHLIGHT_LENGTH, clean_tags, parse_date

# Sections a variant can show, in the exporters' default reading order.
SECTIONS = (
    "work",
    "projects",
    "education",
    "certificates",
    "awards",
    "publications",
    "volunteer",
    "skills",
    "languages",
)
LANGUAGES = ("en", "ru", "de", "fr", "es")
DEFAULT_LANGUAGE = "en"
LIST_KEYS = ("types", "include_tags", "exclude_tags", "include_ids", "exclude_ids")
SKILL_KEYS = ("skills_first", "skills_exclude")
KEYS = (
    *LIST_KEYS,
    "date_from",
    "date_to",
    *SKILL_KEYS,
    "max_skills",
    "sections",
    "anonymize",
    "language",
    "label",
    "summary",
)
MAX_IDS = 500
MAX_SKILL_ITEMS = 50
MAX_LABEL_LENGTH = 200
MAX_SUMMARY_LENGTH = 2000

OVERRIDE_FIELDS = ("highlights", "summary", "title")
OVERRIDE_LIMITS = {"highlights": MAX_HIGHLIGHT_LENGTH, "summary": 5000, "title": 200}
MAX_OVERRIDES = 200


def _ids(value, path, errors, owned: set[int]) -> list[int]:
    if not isinstance(value, list) or any(isinstance(v, bool) or not isinstance(v, int) for v in value):
        errors[path] = ["Expected a list of achievement ids."]
        return []
    if len(value) > MAX_IDS:
        errors[path] = [f"At most {MAX_IDS} ids."]
        return []
    foreign = [v for v in value if v not in owned]
    if foreign:
        errors[path] = [f"No achievement of yours has the id {foreign[0]}."]
        return []
    return list(dict.fromkeys(value))


def _skill_items(value, path, errors) -> list[str]:
    """Skill names (canonicalised: "js" -> "JavaScript") or category values ("framework")."""
    if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
        errors[path] = ["Expected a list of skill names or categories."]
        return []
    if len(value) > MAX_SKILL_ITEMS:
        errors[path] = [f"At most {MAX_SKILL_ITEMS} items."]
        return []
    items = []
    for raw in value:
        text = " ".join(raw.split())
        if not text:
            continue
        if len(text) > 60:
            errors[path] = [f"'{text[:40]}…' is longer than 60 characters."]
            return []
        item = text if text in SkillCategory.values else canonical_skill_name(text)
        if item not in items:
            items.append(item)
    return items


def _text(value, path, errors, limit) -> str:
    if not isinstance(value, str):
        errors[path] = ["Expected text."]
        return ""
    value = value.strip()
    if len(value) > limit:
        errors[path] = [f"Ensure this field has no more than {limit} characters."]
        return ""
    return value


def clean_definition(definition, *, owned_ids: set[int]) -> dict:
    """The definition normalised (tags lower-cased, skills canonical, dates ISO); unset keys left out.

    ``owned_ids`` are the ids of the user's achievements: any other id is refused.
    """
    errors: dict[str, list[str]] = {}
    if not isinstance(definition, dict):
        raise ValidationError({"definition": ["Expected an object."]})
    cleaned: dict = {}
    for key in sorted(set(definition) - set(KEYS)):
        errors[f"definition.{key}"] = [f"Unknown key; the definition takes: {', '.join(KEYS)}."]
    for key, value in definition.items():
        path = f"definition.{key}"
        if key not in KEYS or value is None:
            continue
        if key == "types":
            if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
                errors[path] = ["Expected a list of achievement types."]
            elif unknown := [v for v in value if v not in AchievementType.values]:
                errors[path] = [
                    f'Unknown type "{unknown[0]}"; choose from {", ".join(AchievementType.values)}.'
                ]
            else:
                cleaned[key] = list(dict.fromkeys(value))
        elif key in ("include_tags", "exclude_tags"):
            tags, problem = clean_tags(value)
            if problem:
                errors[path] = [problem]
            else:
                cleaned[key] = tags
        elif key in ("include_ids", "exclude_ids"):
            ids = _ids(value, path, errors, owned_ids)
            if path not in errors:
                cleaned[key] = ids
        elif key in ("date_from", "date_to"):
            try:
                date = parse_date(value)
            except ValueError:
                errors[path] = ["Enter a date as YYYY-MM-DD."]
            else:
                if date and not EARLIEST_DATE <= date <= LATEST_DATE:
                    errors[path] = [f"Enter a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}."]
                elif date:
                    cleaned[key] = date.isoformat()
        elif key in SKILL_KEYS:
            items = _skill_items(value, path, errors)
            if path not in errors:
                cleaned[key] = items
        elif key == "max_skills":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 200:
                errors[path] = ["Expected a whole number from 1 to 200."]
            else:
                cleaned[key] = value
        elif key == "sections":
            if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
                errors[path] = ["Expected a list of section names."]
            elif unknown := [v for v in value if v not in SECTIONS]:
                errors[path] = [f'Unknown section "{unknown[0]}"; choose from {", ".join(SECTIONS)}.']
            elif not value:
                errors[path] = ["Show at least one section."]
            else:
                cleaned[key] = list(dict.fromkeys(value))
        elif key == "anonymize":
            if not isinstance(value, bool):
                errors[path] = ["Must be true or false."]
            else:
                cleaned[key] = value
        elif key == "language":
            if value not in LANGUAGES:
                errors[path] = [f'"{value}" is not a resume language; choose from {", ".join(LANGUAGES)}.']
            else:
                cleaned[key] = value
        elif key in ("label", "summary"):
            limit = MAX_LABEL_LENGTH if key == "label" else MAX_SUMMARY_LENGTH
            text = _text(value, path, errors, limit)
            if text:
                cleaned[key] = text
    if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_to"] < cleaned["date_from"]:
        errors["definition.date_to"] = ["The window cannot end before it starts."]
    both = set(cleaned.get("include_ids", [])) & set(cleaned.get("exclude_ids", []))
    if both:
        errors["definition.exclude_ids"] = [f"Achievement {min(both)} is both included and excluded."]
    if errors:
        raise ValidationError(errors)
    return cleaned


def source_text(achievement, field: str, index: int) -> str | None:
    """The achievement's text an override rewords; None when it no longer exists."""
    if achievement is None:
        return None
    if field == "highlights":
        highlights = achievement.highlights if isinstance(achievement.highlights, list) else []
        return highlights[index] if 0 <= index < len(highlights) else None
    return achievement.description if field == "summary" else achievement.title


def text_hash(text: str | None) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()[:16] if text is not None else ""


def clean_overrides(overrides, *, achievements: dict, previous: list | None = None) -> list[dict]:
    """Overrides validated against the user's ``achievements`` (id -> row), each with its source's hash.

    An override sent again unchanged keeps the hash it had, so re-saving a list does not
    silently clear a "source changed" flag; a new or reworded one is taken against today's source.
    """
    if not isinstance(overrides, list):
        raise ValidationError({"overrides": ["Expected a list of overrides."]})
    if len(overrides) > MAX_OVERRIDES:
        raise ValidationError({"overrides": [f"At most {MAX_OVERRIDES} overrides."]})
    kept = {(o["achievement"], o["field"], o["index"], o["text"]): o for o in previous or []}
    errors: dict[str, list[str]] = {}
    cleaned, seen = [], set()
    for n, item in enumerate(overrides):
        path = f"overrides[{n}]"
        if not isinstance(item, dict):
            errors[path] = ["Expected an object with achievement, field, index and text."]
            continue
        unknown = set(item) - {"achievement", "field", "index", "text", "source_changed"}
        if unknown:
            errors[f"{path}.{sorted(unknown)[0]}"] = ["Unknown key."]
            continue
        achievement_id, field, index = item.get("achievement"), item.get("field"), item.get("index", 0)
        if isinstance(achievement_id, bool) or not isinstance(achievement_id, int):
            errors[f"{path}.achievement"] = ["Expected an achievement id."]
            continue
        achievement = achievements.get(achievement_id)
        if achievement is None:
            errors[f"{path}.achievement"] = [f"No achievement of yours has the id {achievement_id}."]
            continue
        if field not in OVERRIDE_FIELDS:
            errors[f"{path}.field"] = [f"Choose one of: {', '.join(OVERRIDE_FIELDS)}."]
            continue
        if isinstance(index, bool) or not isinstance(index, int) or index < 0:
            errors[f"{path}.index"] = ["Expected a whole number, 0 or more."]
            continue
        if field != "highlights":
            index = 0
        elif source_text(achievement, field, index) is None:
            errors[f"{path}.index"] = [f"Achievement {achievement_id} has no highlight number {index}."]
            continue
        text = item.get("text")
        if not isinstance(text, str) or not " ".join(text.split()):
            errors[f"{path}.text"] = ["Give the reworded text."]
            continue
        text = text.strip() if field == "summary" else " ".join(text.split())
        if len(text) > OVERRIDE_LIMITS[field]:
            errors[f"{path}.text"] = [f"At most {OVERRIDE_LIMITS[field]} characters."]
            continue
        if (achievement_id, field, index) in seen:
            errors[path] = [f"Achievement {achievement_id} already has an override of {field} {index}."]
            continue
        seen.add((achievement_id, field, index))
        old = kept.get((achievement_id, field, index, text))
        source_hash = old["source_hash"] if old else text_hash(source_text(achievement, field, index))
        cleaned.append(
            {
                "achievement": achievement_id,
                "field": field,
                "index": index,
                "text": text,
                "source_hash": source_hash,
                "source_changed": False,
            }
        )
    if errors:
        raise ValidationError(errors)
    return cleaned
