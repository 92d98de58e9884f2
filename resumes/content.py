"""Shape of a resume's ``content``: the JSON Resume 1.0.0 sections and their fields.

Manual resumes are edited by people and programs; an unknown section or field,
or a value of the wrong type, is refused rather than stored and silently lost
by the exporters. ``meta`` is free-form, as in the schema, except
``meta.language``: one of ``resumes.locales.LANGUAGES``.
"""

import re

from .locales import LANGUAGES

DATE_RE = re.compile(r"^[1-2][0-9]{3}(-[0-1][0-9](-[0-3][0-9])?)?$")

TEXT, TEXTS, DATE, OBJECT, LIST = "text", "texts", "date", "object", "list"

LOCATION = {"address": TEXT, "postalCode": TEXT, "city": TEXT, "countryCode": TEXT, "region": TEXT}
PROFILE = {"network": TEXT, "username": TEXT, "url": TEXT}
BASICS = {
    "name": TEXT,
    "label": TEXT,
    "image": TEXT,
    "email": TEXT,
    "phone": TEXT,
    "url": TEXT,
    "summary": TEXT,
    "location": (OBJECT, LOCATION),
    "profiles": (LIST, PROFILE),
}
SECTIONS = {
    "work": {
        "name": TEXT,
        "location": TEXT,
        "description": TEXT,
        "position": TEXT,
        "url": TEXT,
        "startDate": DATE,
        "endDate": DATE,
        "summary": TEXT,
        "highlights": TEXTS,
    },
    "volunteer": {
        "organization": TEXT,
        "position": TEXT,
        "url": TEXT,
        "startDate": DATE,
        "endDate": DATE,
        "summary": TEXT,
        "highlights": TEXTS,
    },
    "education": {
        "institution": TEXT,
        "url": TEXT,
        "area": TEXT,
        "studyType": TEXT,
        "startDate": DATE,
        "endDate": DATE,
        "score": TEXT,
        "courses": TEXTS,
    },
    "awards": {"title": TEXT, "date": DATE, "awarder": TEXT, "summary": TEXT},
    "certificates": {"name": TEXT, "date": DATE, "url": TEXT, "issuer": TEXT},
    "publications": {"name": TEXT, "publisher": TEXT, "releaseDate": DATE, "url": TEXT, "summary": TEXT},
    "skills": {"name": TEXT, "level": TEXT, "keywords": TEXTS},
    "languages": {"language": TEXT, "fluency": TEXT},
    "interests": {"name": TEXT, "keywords": TEXTS},
    "references": {"name": TEXT, "reference": TEXT},
    "projects": {
        "name": TEXT,
        "description": TEXT,
        "highlights": TEXTS,
        "keywords": TEXTS,
        "startDate": DATE,
        "endDate": DATE,
        "url": TEXT,
        "roles": TEXTS,
        "entity": TEXT,
        "type": TEXT,
    },
}
TOP_LEVEL = {"$schema", "basics", "meta", *SECTIONS}


def _check_value(path, kind, value, problems):
    if kind == TEXT:
        if not isinstance(value, str):
            problems.append(f"{path}: expected text.")
    elif kind == DATE:
        if not isinstance(value, str) or not DATE_RE.match(value):
            problems.append(f"{path}: expected a date as YYYY-MM-DD, YYYY-MM or YYYY.")
    elif kind == TEXTS:
        if not isinstance(value, list) or any(not isinstance(v, str) for v in value):
            problems.append(f"{path}: expected a list of text.")
    elif isinstance(kind, tuple) and kind[0] == OBJECT:
        _check_object(path, value, kind[1], problems)
    elif isinstance(kind, tuple) and kind[0] == LIST:
        _check_list(path, value, kind[1], problems)


def _check_object(path, value, fields, problems):
    if not isinstance(value, dict):
        problems.append(f"{path}: expected an object.")
        return
    for key, item in value.items():
        if key not in fields:
            problems.append(f"{path}.{key}: unknown field.")
        else:
            _check_value(f"{path}.{key}", fields[key], item, problems)


def _check_list(path, value, fields, problems):
    if not isinstance(value, list):
        problems.append(f"{path}: expected a list.")
        return
    for index, item in enumerate(value):
        _check_object(f"{path}[{index}]", item, fields, problems)


def validate_content(content) -> list[str]:
    """Problems with ``content`` as readable messages ("work[0].foo: unknown field."); [] when valid."""
    if not isinstance(content, dict):
        return ["Expected an object with JSON Resume sections."]
    problems: list[str] = []
    for key, value in content.items():
        if key not in TOP_LEVEL:
            problems.append(f"{key}: unknown section.")
        elif key == "basics":
            _check_object("basics", value, BASICS, problems)
        elif key == "meta":
            if not isinstance(value, dict):
                problems.append("meta: expected an object.")
            elif "language" in value and value["language"] not in LANGUAGES:
                problems.append(f"meta.language: expected one of {', '.join(LANGUAGES)}.")
        elif key == "$schema":
            _check_value(key, TEXT, value, problems)
        else:
            _check_list(key, value, SECTIONS[key], problems)
    return problems[:50]
