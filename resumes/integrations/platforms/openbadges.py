"""Open Badges 2.0: the Assertion a badge platform sends (or links to) for an earned badge.

The body is the Assertion JSON-LD with its BadgeClass (and the BadgeClass's Issuer
Profile) embedded, signed like the generic format (``X-ResuMate-Signature``,
``X-ResuMate-Delivery``). It becomes a certification achievement: badge name, issuer,
``issuedOn`` / ``expires`` as the dates, the badge's tags and alignment target names
as skills. Linked (non-embedded) badges are not fetched: the platform must embed them.
A revoked assertion is logged as ignored.
"""

import hashlib

from . import Change, PayloadError, clip, require, short_skills, to_date

SIGNATURE_HEADER = "X-ResuMate-Signature"
# Ours: the signature covers a timestamp (5-minute window), see signatures.py.
SIGNS_TIMESTAMP = True
DELIVERY_HEADER = "X-ResuMate-Delivery"

ASSERTION = "Assertion"


def _types(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    # JSON-LD allows compact ("Assertion") and expanded ("https://w3id.org/openbadges#Assertion") forms.
    return [v.rsplit("#", 1)[-1].rsplit(":", 1)[-1] for v in values if isinstance(v, str)]


def event_type(headers, payload) -> str:
    if not isinstance(payload, dict) or ASSERTION not in _types(payload.get("type")):
        return str(payload.get("type"))[:100] if isinstance(payload, dict) and payload.get("type") else ""
    return f"{ASSERTION}.revoked" if payload.get("revoked") is True else ASSERTION


def is_handled(event_type: str) -> bool:
    return event_type == ASSERTION


def to_change(event_type: str, payload: dict) -> Change | None:
    assertion_id = require(payload, "id")
    badge = payload.get("badge")
    if isinstance(badge, str):
        raise PayloadError("payload.badge is a link; embed the BadgeClass in the assertion.")
    badge = require(payload, "badge", dict)
    issuer = badge.get("issuer")
    if isinstance(issuer, str):
        raise PayloadError("badge.issuer is a link; embed the issuer Profile in the BadgeClass.")
    issuer = issuer if isinstance(issuer, dict) else {}
    alignments = [a.get("targetName") for a in badge.get("alignment") or [] if isinstance(a, dict)]
    url = payload.get("evidence") if isinstance(payload.get("evidence"), str) else ""
    if not url and assertion_id.startswith(("https://", "http://")):
        url = assertion_id  # a hosted assertion verifies at its own id
    fields = {
        "type": "certification",
        "title": clip(require(badge, "name", where="badge"), 200),
        "organization": clip(issuer.get("name") or "", 200),
        "description": clip(badge.get("description") or "", 5000),
        "start_date": to_date(require(payload, "issuedOn"), "payload.issuedOn"),
        "end_date": to_date(payload.get("expires"), "payload.expires"),
        "skills": short_skills(list(badge.get("tags") or []) + alignments),
        "url": url[:500],
    }
    external_id = f"openbadges:{assertion_id}"
    if len(external_id) > 200:
        external_id = "openbadges:sha256:" + hashlib.sha256(assertion_id.encode()).hexdigest()
    return Change(external_id=external_id, fields=fields)


def sample_event():
    return {}, {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
        "recipient": {"type": "email", "hashed": False, "identity": "test@example.com"},
        "issuedOn": "2025-01-06T09:00:00Z",
        "verification": {"type": "hosted"},
        "badge": {
            "type": "BadgeClass",
            "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
            "name": "Test badge from ResuMate",
            "description": "Sent by the send test event button.",
            "criteria": {"narrative": "None: this is a test."},
            "issuer": {
                "type": "Profile",
                "id": "urn:uuid:00000000-0000-4000-8000-000000000002",
                "name": "ResuMate",
            },
            "tags": ["Python"],
        },
    }
