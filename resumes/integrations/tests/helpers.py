"""Fixtures written from each platform's documented payloads, and signed deliveries."""

import json
import time
from pathlib import Path

from resumes.integrations.signatures import sign, sign_timestamped

FIXTURES = Path(__file__).parent / "fixtures"
# Deliveries in a test come within milliseconds; real ones are spaced in time. Signing the same
# body for the same hook at an earlier second each time (inside the 5-minute window) keeps two
# deliveries two signatures, as a sender's later resend would be.
_signed: set = set()


def sign_now(secret: str, body: bytes) -> str:
    timestamp = int(time.time())
    while (timestamp, secret, body) in _signed:
        timestamp -= 1
    _signed.add((timestamp, secret, body))
    return sign_timestamped(secret, body, timestamp)


def fixture(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text())


def raw(payload) -> bytes:
    return payload if isinstance(payload, bytes) else json.dumps(payload).encode()


def deliver(client, integration, secret, payload, *, delivery="d-1", headers=None, signature=None):
    """POST a delivery the way the platform would: raw body, its signature and delivery headers."""
    body = raw(payload)
    names = {
        "generic": ("X-ResuMate-Signature", "X-ResuMate-Delivery"),
        "openbadges": ("X-ResuMate-Signature", "X-ResuMate-Delivery"),
        "github": ("X-Hub-Signature-256", "X-GitHub-Delivery"),
    }[integration.platform]
    signed = sign(secret, body) if integration.platform == "github" else sign_now(secret, body)
    sent = {names[0]: signature if signature is not None else signed}
    if delivery:
        sent[names[1]] = delivery
    sent.update(headers or {})
    return client.generic(
        "POST",
        f"/api/v1/hooks/{integration.hook_id}/",
        body,
        content_type="application/json",
        headers=sent,
    )
