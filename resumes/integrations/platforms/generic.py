"""ResuMate's own format: one achievement per event, fields as in the achievements API.

    POST /api/v1/hooks/<hook_id>/
    X-ResuMate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." + the raw body>
    X-ResuMate-Delivery: <unique id per delivery>   (optional; a hash of the body otherwise)

    {"event": "achievement.upsert", "external_id": "course-42",
     "achievement": {"type": "course", "title": "...", "start_date": "2025-01-10", ...}}

``{"event": "ping"}`` is answered and logged. A later ``achievement.upsert`` with the same
``external_id`` updates the same achievement.
"""

from . import Change, PayloadError, require

SIGNATURE_HEADER = "X-ResuMate-Signature"
# Ours: the signature covers a timestamp (5-minute window), see signatures.py.
SIGNS_TIMESTAMP = True
DELIVERY_HEADER = "X-ResuMate-Delivery"

UPSERT = "achievement.upsert"
PING = "ping"
FIELDS = {
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
}


def event_type(headers, payload) -> str:
    value = payload.get("event") if isinstance(payload, dict) else None
    return value.strip()[:100] if isinstance(value, str) else ""


def is_handled(event_type: str) -> bool:
    return event_type in (UPSERT, PING)


def to_change(event_type: str, payload: dict) -> Change | None:
    if event_type == PING:
        return None
    external_id = require(payload, "external_id")
    if len(external_id) > 200:
        raise PayloadError("payload.external_id is longer than 200 characters.")
    achievement = require(payload, "achievement", dict)
    unknown = sorted(set(achievement) - FIELDS)
    if unknown:
        raise PayloadError(f"payload.achievement has unknown fields: {', '.join(unknown)}.")
    return Change(external_id=external_id, fields=dict(achievement))


def sample_event():
    return {}, {
        "event": UPSERT,
        "external_id": "resumate-test-event",
        "achievement": {
            "type": "course",
            "title": "Test event from ResuMate",
            "organization": "ResuMate",
            "start_date": "2025-01-06",
            "end_date": "2025-02-28",
            "skills": ["Python"],
        },
    }
