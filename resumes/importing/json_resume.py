"""JSON Resume, read leniently: the deviations real files have become warnings, not refusals.

An end date of ``"Current"`` / ``"heute"`` / ``""`` / ``null`` reads as
ongoing, ``"Sep 2024"`` as 2024-09, a ``null`` where text belongs as empty,
a section that is not a list (``"references": 0``) is skipped. Only a file
with nothing usable in it is refused (by the caller). The strict endpoint
``resumes/import/`` keeps validating against the schema.
"""

import copy
import json

from ..exporters.json_resume import SECTIONS
from ..importers import achievement_fields, parse_partial_date, skill_rows
from . import drafts
from .fields import iso, parse_date_text

DATE_KEYS = ("startDate", "endDate", "date", "releaseDate")
TEXT_KEYS = (
    "name",
    "position",
    "institution",
    "area",
    "studyType",
    "title",
    "organization",
    "issuer",
    "awarder",
    "publisher",
    "summary",
    "description",
    "url",
    "location",
    "entity",
    "score",
)
LIST_KEYS = ("highlights", "keywords", "courses", "roles")


def _clean_item(item: dict, where: str, warnings: list) -> dict:
    item = dict(item)
    for key in DATE_KEYS:
        value = item.get(key)
        if value is None or value == "" or key not in item:
            item.pop(key, None)
            continue
        if isinstance(value, str) and parse_partial_date(value):
            continue
        parsed, ongoing = parse_date_text(value) if isinstance(value, str) else (None, False)
        item.pop(key)
        if ongoing:
            warnings.append(f"{where}.{key} {value!r} read as ongoing.")
        elif parsed:
            item[key] = parsed.isoformat()[:7]
            warnings.append(f"{where}.{key} {value!r} read as {item[key]}.")
        else:
            warnings.append(f"{where}.{key} {value!r} was not understood and was left empty.")
    for key in TEXT_KEYS:
        if key in item and not isinstance(item[key], str):
            if item[key] is not None:
                warnings.append(f"{where}.{key} is not text and was left empty.")
            item[key] = ""
    for key in LIST_KEYS:
        if key in item and not isinstance(item[key], list):
            value = item[key]
            item[key] = [value] if isinstance(value, str) and value.strip() else []
            warnings.append(f"{where}.{key} is not a list; read as {item[key]!r}.")
    return item


def clean_document(document: dict) -> tuple[dict, list[str]]:
    """A copy the strict mappers can read, and a warning for every deviation repaired."""
    warnings, clean = [], {}
    basics = document.get("basics")
    if isinstance(basics, dict):
        clean["basics"] = {k: v for k, v in basics.items() if isinstance(v, str | dict | list)}
    elif basics is not None:
        warnings.append("basics is not an object and was ignored.")
    for section in SECTIONS:
        value = document.get(section)
        if value is None:
            continue
        if not isinstance(value, list):
            warnings.append(f"{section}: {json.dumps(value)[:40]} is not a list and was ignored.")
            continue
        items = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                items.append(_clean_item(item, f"{section}[{index}]", warnings))
            else:
                warnings.append(f"{section}[{index}] is not an object and was ignored.")
        clean[section] = items
    return copy.deepcopy(clean), warnings


def _basics(document: dict) -> dict:
    basics = document.get("basics") or {}
    location = basics.get("location") if isinstance(basics.get("location"), dict) else {}
    return {
        "name": basics.get("name", ""),
        "label": basics.get("label", ""),
        "email": basics.get("email", ""),
        "phone": basics.get("phone", ""),
        "url": basics.get("url", ""),
        "summary": basics.get("summary", ""),
        "location": ", ".join(
            v for v in (location.get("city"), location.get("countryCode")) if isinstance(v, str)
        ),
    }


def draft_from_document(document: dict) -> dict:
    clean, warnings = clean_document(document)
    achievements = []
    for _location, fields in achievement_fields(clean):
        confidence = {
            "title": 1.0 if fields.get("title") else 0.0,
            "organization": 1.0 if fields.get("organization") else 0.0,
            "start_date": 1.0 if fields.get("start_date") else 0.0,
            "end_date": 1.0 if fields.get("end_date") or fields.get("start_date") else 0.0,
        }
        fields = {
            **fields,
            "start_date": iso(fields.get("start_date")),
            "end_date": iso(fields.get("end_date")),
        }
        achievements.append(drafts.entry(fields.pop("type"), confidence=confidence, **fields))
    skills = [
        {"name": name, "category": category, "proficiency": proficiency}
        for name, category, proficiency, _given in skill_rows(clean)
    ]
    return drafts.new_draft(
        basics=_basics(clean), achievements=achievements, skills=skills, warnings=warnings
    )


def parse(data: bytes) -> tuple[dict, str]:
    from .files import decode_text, json_kind

    document = json.loads(decode_text(data))
    json_kind(document)
    return draft_from_document(document), json.dumps(document, ensure_ascii=False)
