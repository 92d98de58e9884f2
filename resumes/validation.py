"""The rules for achievement, skill and resume fields, shared by every write path.

Each ``clean_*`` function returns normalised values for the fields given, or
raises DRF ``ValidationError`` listing every problem by field, before anything
is written.
"""

import datetime as dt
import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from rest_framework.exceptions import ValidationError

from .content import validate_content
from .locales import LANGUAGES, with_language
from .models import (
    Achievement,
    AchievementType,
    Proficiency,
    Resume,
    ResumePaper,
    ResumeTemplate,
    Skill,
    SkillCategory,
)
from .skills import canonical_skill_name, clean_skill_list

MAX_SKILLS = 50
MAX_SKILL_LENGTH = 60
MAX_HIGHLIGHTS = 20
MAX_HIGHLIGHT_LENGTH = 500
MAX_DESCRIPTION_LENGTH = 5000
# Plausible achievement dates; also what a JSON Resume date (YYYY) can say.
EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)

# Writable achievement fields in display order (API, admin and validation share them).
ACHIEVEMENT_FIELDS = (
    "type",
    "title",
    "organization",
    "location",
    "start_date",
    "end_date",
    "description",
    "skills",
    "highlights",
    "url",
    "tags",
    "anonymized_name",
    "is_verified",
)
_TEXT_LIMITS = {
    "title": 200,
    "organization": 200,
    "location": 120,
    "description": MAX_DESCRIPTION_LENGTH,
    "anonymized_name": 200,
}
MAX_TAGS = 20
MAX_TAG_LENGTH = 30
# Letters (any script), digits and a few joiners; no quotes, so a tag is safe inside JSON text.
TAG_RE = re.compile(r"^[^\W_](?:[\w+#. -]*[\w+#])?$")


def clean_tags(value) -> tuple[list[str], str | None]:
    """Tags trimmed, lower-cased, inner spaces squashed and de-duplicated; or an error message."""
    if not isinstance(value, list | tuple):
        return [], "Expected a list of tags."
    tags: list[str] = []
    for item in value:
        if not isinstance(item, str):
            return [], "Every tag must be text."
        tag = " ".join(item.split()).lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            return [], f"A tag has at most {MAX_TAG_LENGTH} characters; '{tag[:40]}' is longer."
        if not TAG_RE.match(tag):
            return [], f"'{tag}' is not a tag: use letters, digits, spaces and - _ + # . only."
        if tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        return [], f"At most {MAX_TAGS} tags."
    return tags, None


def parse_date(value) -> dt.date | None:
    """A date from a ``date`` or an ISO string; "YYYY-MM" and "YYYY" mean the first day.

    Raises ``ValueError`` for anything else.
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError("not a date")
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date")


def _clean_text_list(value, *, label, max_length, errors, key):
    """Whitespace-squashed strings, or None with ``errors[key]`` set."""
    if not isinstance(value, list | tuple):
        errors[key] = [f"Expected a list of {label}."]
        return None
    if any(not isinstance(item, str) for item in value):
        errors[key] = [f"Every item must be text ({label})."]
        return None
    items = [" ".join(item.split()) for item in value]
    too_long = [item for item in items if len(item) > max_length]
    if too_long:
        errors[key] = [
            f"Each item may have at most {max_length} characters; '{too_long[0][:40]}…' is longer."
        ]
        return None
    return items


def clean_achievement_fields(fields: dict, *, instance: Achievement | None) -> dict:
    """Validated, normalised values for the given fields (all required ones when ``instance`` is None)."""
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    for key in sorted(set(fields) - set(ACHIEVEMENT_FIELDS)):
        errors[key] = ["Unknown field."]

    if instance is None:
        for key in ("type", "title"):
            if fields.get(key) in (None, ""):
                errors[key] = ["This field is required."]

    for key, value in fields.items():
        if key not in ACHIEVEMENT_FIELDS or key in errors:
            continue
        if key == "type":
            if value not in AchievementType.values:
                errors[key] = [f'"{value}" is not a valid choice.']
            else:
                cleaned[key] = value
        elif key in _TEXT_LIMITS:
            if value is None:
                value = ""
            if not isinstance(value, str):
                errors[key] = ["Expected text."]
                continue
            value = value.strip()
            if key == "title" and not value:
                errors[key] = ["This field may not be blank."]
            elif len(value) > _TEXT_LIMITS[key]:
                errors[key] = [f"Ensure this field has no more than {_TEXT_LIMITS[key]} characters."]
            else:
                cleaned[key] = value
        elif key in ("start_date", "end_date"):
            try:
                date = parse_date(value)
            except ValueError:
                errors[key] = ["Enter a date as YYYY-MM-DD."]
            else:
                if date and not EARLIEST_DATE <= date <= LATEST_DATE:
                    errors[key] = [f"Enter a date between {EARLIEST_DATE.year} and {LATEST_DATE.year}."]
                else:
                    cleaned[key] = date
        elif key == "skills":
            items = _clean_text_list(
                value, label="skill names", max_length=MAX_SKILL_LENGTH, errors=errors, key=key
            )
            if items is not None:
                skills = [s for s in clean_skill_list(items) if len(s) <= MAX_SKILL_LENGTH]
                if len(skills) > MAX_SKILLS:
                    errors[key] = [f"At most {MAX_SKILLS} skills."]
                else:
                    cleaned[key] = skills
        elif key == "highlights":
            items = _clean_text_list(
                value, label="highlights", max_length=MAX_HIGHLIGHT_LENGTH, errors=errors, key=key
            )
            if items is not None:
                highlights = [h for h in items if h]
                if len(highlights) > MAX_HIGHLIGHTS:
                    errors[key] = [f"At most {MAX_HIGHLIGHTS} highlights."]
                else:
                    cleaned[key] = highlights
        elif key == "url":
            value = (value or "").strip() if isinstance(value, str | type(None)) else value
            if not isinstance(value, str):
                errors[key] = ["Expected text."]
            elif value and len(value) > 500:
                errors[key] = ["Ensure this field has no more than 500 characters."]
            else:
                try:
                    if value:
                        URLValidator()(value)
                    cleaned[key] = value
                except DjangoValidationError:
                    errors[key] = ["Enter a valid URL."]
        elif key == "tags":
            tags, problem = clean_tags([] if value is None else value)
            if problem:
                errors[key] = [problem]
            else:
                cleaned[key] = tags
        elif key == "is_verified":
            if not isinstance(value, bool):
                errors[key] = ["Must be true or false."]
            else:
                cleaned[key] = value

    start = cleaned.get("start_date", instance.start_date if instance else None)
    end = cleaned.get("end_date", instance.end_date if instance else None)
    if start and end and end < start and not ({"start_date", "end_date"} & set(errors)):
        errors["end_date"] = ["The end date cannot be before the start date."]
    if errors:
        raise ValidationError(errors)
    return cleaned


def clean_skill_fields(fields: dict, *, user_id: int, instance: Skill | None) -> dict:
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    allowed = {"name", "category", "proficiency", "proficiency_is_manual"}
    for key in sorted(set(fields) - allowed):
        errors[key] = ["Unknown field."]
    if "name" in fields or instance is None:
        raw = fields.get("name")
        if not isinstance(raw, str) or not raw.strip():
            errors["name"] = ["This field is required."]
        else:
            name = canonical_skill_name(raw)
            clash = Skill.objects.filter(user_id=user_id, name__iexact=name)
            if instance is not None:
                clash = clash.exclude(pk=instance.pk)
            if len(name) > MAX_SKILL_LENGTH:
                errors["name"] = [f"Ensure this field has no more than {MAX_SKILL_LENGTH} characters."]
            elif clash.exists():
                errors["name"] = [f'You already have the skill "{name}".']
            else:
                cleaned["name"] = name
    if "category" in fields:
        if fields["category"] not in SkillCategory.values:
            errors["category"] = [f'"{fields["category"]}" is not a valid choice.']
        else:
            cleaned["category"] = fields["category"]
    if "proficiency" in fields:
        if fields["proficiency"] not in Proficiency.values:
            errors["proficiency"] = [f'"{fields["proficiency"]}" is not a valid choice.']
        else:
            cleaned["proficiency"] = fields["proficiency"]
            # A level chosen by hand wins over evidence until the user hands it back.
            cleaned["proficiency_is_manual"] = True
    if "proficiency_is_manual" in fields:
        if not isinstance(fields["proficiency_is_manual"], bool):
            errors["proficiency_is_manual"] = ["Must be true or false."]
        else:
            cleaned["proficiency_is_manual"] = fields["proficiency_is_manual"]
    if errors:
        raise ValidationError(errors)
    return cleaned


def clean_resume_fields(fields: dict, *, instance: Resume | None) -> dict:
    errors: dict[str, list] = {}
    cleaned: dict = {}
    for key in sorted(set(fields) - {"title", "content", "template", "language", "paper"}):
        if key in ("definition", "overrides"):
            errors[key] = ["Only a variant has one; create a variant of your main resume instead."]
        else:
            errors[key] = ["Unknown field."]
    if "title" in fields or instance is None:
        title = fields.get("title")
        if not isinstance(title, str) or not title.strip():
            errors["title"] = ["This field is required."]
        elif len(title.strip()) > 200:
            errors["title"] = ["Ensure this field has no more than 200 characters."]
        else:
            cleaned["title"] = title.strip()
    if "template" in fields:
        if fields["template"] not in ResumeTemplate.values:
            errors["template"] = [f'"{fields["template"]}" is not a valid choice.']
        else:
            cleaned["template"] = fields["template"]
    if "language" in fields and fields["language"] not in LANGUAGES:
        errors["language"] = [
            f'"{fields["language"]}" is not a valid choice; choose one of: {", ".join(LANGUAGES)}.'
        ]
    if "paper" in fields:
        if fields["paper"] not in ResumePaper.values:
            errors["paper"] = [f'"{fields["paper"]}" is not a valid choice.']
        else:
            cleaned["paper"] = fields["paper"]
    if "content" in fields:
        if instance is not None and instance.variant_of_id:
            errors["content"] = [
                "A variant is rebuilt from your achievements; change its definition instead."
            ]
        elif instance is not None and instance.is_auto:
            errors["content"] = ["The auto resume is rebuilt from your achievements; duplicate it to edit."]
        else:
            problems = validate_content(fields["content"])
            if problems:
                errors["content"] = problems
            else:
                cleaned["content"] = fields["content"]
    if "language" in fields and not errors:
        # The language lives in the content (meta.language), beside the sections it applies to.
        base = cleaned.get("content", instance.content if instance is not None else {})
        cleaned["content"] = with_language(base, fields["language"])
    if errors:
        raise ValidationError(errors)
    return cleaned
