"""Platform adapters: each maps a platform's real headers and payload to an achievement change.

A platform module provides:
- ``SIGNATURE_HEADER``, ``DELIVERY_HEADER``: the HTTP headers it signs and identifies deliveries with;
- ``SIGNS_TIMESTAMP``: True for our ``t=…,v1=…`` scheme, False for a body-only ``sha256=…`` one;
- ``event_type(headers, payload) -> str`` and ``is_handled(event_type) -> bool``;
- ``to_change(event_type, payload) -> Change | None`` (None: answered and logged, nothing written);
- ``sample_event() -> (event_type_headers, payload)`` for the "send test event" button.
All functions are pure; they raise ``PayloadError`` for a payload they cannot map.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils.dateparse import parse_date, parse_datetime

MAX_HIGHLIGHT = 500
MAX_SKILL = 60


class PayloadError(ValueError):
    """The event is of a handled type but its payload cannot become an achievement."""


@dataclass(frozen=True)
class Change:
    """What an event does to the achievement identified by ``external_id``.

    ``merge``: skills and highlights are added to an existing achievement and its other
    fields are left as the user edited them (GitHub releases); otherwise ``fields`` replace.
    """

    external_id: str
    fields: dict = field(default_factory=dict)
    merge: bool = False


def require(mapping, key, kind=str, where="payload"):
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(value, kind) or (kind is str and not value.strip()):
        raise PayloadError(f"{where}.{key} is missing or not a {kind.__name__}.")
    return value.strip() if kind is str else value


def to_date(value, where) -> date | None:
    """An ISO date or date-time (as the platforms send them) as a date; None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is not None:
            return parsed.date()
        try:
            parsed_date = parse_date(value[:10])
        except ValueError:
            parsed_date = None
        if parsed_date is not None:
            return parsed_date
    raise PayloadError(f"{where} is not an ISO 8601 date: {str(value)[:40]!r}.")


def clip(text, limit) -> str:
    text = (text or "").strip() if isinstance(text, str) else ""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def short_skills(values) -> list[str]:
    """Skill-like strings from a platform, trimmed to the achievement limits."""
    out = []
    for value in values or []:
        if isinstance(value, str) and value.strip() and len(value.strip()) <= MAX_SKILL:
            out.append(value.strip())
    return out


def get_platform(name: str):
    from . import generic, github, openbadges

    return {"generic": generic, "github": github, "openbadges": openbadges}[name]
