"""JSON Resume 1.0.0: the schema, validation and the export of a resume's content.

The schema is vendored in ``resumes/data/`` (MIT, see the licence note beside
it) so validation never depends on files outside the repository.
"""

import copy
import json
import re
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "data" / "jsonresume-schema.json"
SCHEMA_URL = "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"

# Every array section of the schema, in the order a resume reads.
SECTIONS = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
DATE_FIELDS = ("startDate", "endDate", "date", "releaseDate")
# The leading ISO date (YYYY, YYYY-MM or YYYY-MM-DD) of a longer value such as a datetime.
_DATE_PREFIX = re.compile(r"^\s*(\d{4}(?:-\d{2}(?:-\d{2})?)?)")
MAX_CLEANING_PASSES = 200


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@cache
def _validator() -> Draft7Validator:
    return Draft7Validator(schema())


def instance_path(error) -> str:
    """Where in the document an error is, as ``work.0.startDate`` (``document`` for the root)."""
    return ".".join(str(part) for part in error.absolute_path) or "document"


def schema_errors(document) -> dict[str, list[str]]:
    """The schema violations of ``document`` keyed by their location; empty when it is valid.

    Each message names the failing schema keyword's path, e.g.
    ``'2019-13-01' does not match '^...$' (schema: properties/work/items/properties/startDate/pattern)``.
    """
    errors: dict[str, list[str]] = {}
    for error in sorted(_validator().iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        schema_path = "/".join(str(part) for part in error.absolute_schema_path)
        errors.setdefault(instance_path(error), []).append(f"{error.message} (schema: {schema_path})")
    return errors


def _normalise_date(value):
    if isinstance(value, str):
        match = _DATE_PREFIX.match(value)
        return match.group(1) if match else None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    return None


def _prune(value):
    """Drop nulls and empty containers; the schema types every field, none of them nullable."""
    if isinstance(value, dict):
        pruned = {key: _prune(item) for key, item in value.items() if item is not None}
        return {key: item for key, item in pruned.items() if item not in ({}, [], None)}
    if isinstance(value, list):
        pruned = [_prune(item) for item in value if item is not None]
        return [item for item in pruned if item not in ({}, [], None)]
    return value


def _delete_at(document, path):
    parent = document
    for part in list(path)[:-1]:
        parent = parent[part]
    del parent[list(path)[-1]]


def to_json_resume(content: dict, *, last_modified=None) -> dict:
    """A JSON Resume document of a resume's ``content`` that always validates against the schema.

    Valid content passes through unchanged (ResuMate's extras stay under
    ``meta``); dates are cut to their ISO prefix, and any value the schema
    still rejects (a number where a string belongs, say) is left out rather
    than exported invalid.
    """
    document = _prune(copy.deepcopy(content if isinstance(content, dict) else {}))
    document.setdefault("$schema", SCHEMA_URL)
    for section in SECTIONS:
        entries = document.get(section)
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            for field in DATE_FIELDS:
                if field in entry:
                    date = _normalise_date(entry[field])
                    if date:
                        entry[field] = date
                    else:
                        del entry[field]
    meta = document.get("meta") if isinstance(document.get("meta"), dict) else {}
    meta.setdefault("version", "v1.0.0")
    if last_modified is not None:
        meta["lastModified"] = last_modified.strftime("%Y-%m-%dT%H:%M:%S")
    document["meta"] = meta

    validator = _validator()
    for _ in range(MAX_CLEANING_PASSES):
        errors = list(validator.iter_errors(document))
        if not errors:
            break
        # Deepest first, so removing one value never shifts the path of another.
        error = max(errors, key=lambda e: len(e.absolute_path))
        if not error.absolute_path:
            break
        _delete_at(document, error.absolute_path)
    return document
