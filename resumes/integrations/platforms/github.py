"""GitHub repository webhooks, in GitHub's own format and headers.

GitHub signs the raw body with ``X-Hub-Signature-256: sha256=<hex>``, names the event in
``X-GitHub-Event`` and each delivery in ``X-GitHub-Delivery`` (a GUID, kept on redelivery).
A ``release`` with ``action: published`` adds a highlight to the project achievement of the
repository (created on its first release) with the repository's language and topics as
skills; ``ping`` (sent when the hook is created) is answered and logged.
"""

from . import MAX_HIGHLIGHT, Change, PayloadError, clip, require, short_skills, to_date

SIGNATURE_HEADER = "X-Hub-Signature-256"
# GitHub signs the body only (no timestamp): its format stays as GitHub sends it.
SIGNS_TIMESTAMP = False
DELIVERY_HEADER = "X-GitHub-Delivery"
EVENT_HEADER = "X-GitHub-Event"

RELEASE_PUBLISHED = "release.published"
PING = "ping"


def event_type(headers, payload) -> str:
    event = (headers.get(EVENT_HEADER) or "").strip()[:60]
    action = payload.get("action") if isinstance(payload, dict) else None
    return f"{event}.{action}"[:100] if event and isinstance(action, str) and action else event


def is_handled(event_type: str) -> bool:
    return event_type in (RELEASE_PUBLISHED, PING)


def _highlight(release) -> str:
    tag = require(release, "tag_name", where="release")
    name = release.get("name") if isinstance(release.get("name"), str) else ""
    published = to_date(release.get("published_at") or release.get("created_at"), "release.published_at")
    text = f"Released {tag}"
    if name.strip() and name.strip() != tag:
        text += f" “{name.strip()}”"
    if published:
        text += f" on {published.isoformat()}"
    if release.get("prerelease"):
        text += " (pre-release)"
    return clip(text, MAX_HIGHLIGHT)


def to_change(event_type: str, payload: dict) -> Change | None:
    if event_type == PING:
        return None
    release = require(payload, "release", dict)
    repository = require(payload, "repository", dict)
    repo_id = repository.get("id")
    if not isinstance(repo_id, int):
        raise PayloadError("repository.id is missing or not an integer.")
    skills = short_skills([repository.get("language"), *(repository.get("topics") or [])])
    owner = repository.get("owner") if isinstance(repository.get("owner"), dict) else {}
    fields = {
        "type": "project",
        "title": clip(require(repository, "name", where="repository"), 200),
        "organization": clip(owner.get("login") or "", 200),
        "description": clip(repository.get("description") or "", 5000),
        "url": repository.get("html_url") or "",
        "start_date": to_date(repository.get("created_at"), "repository.created_at"),
        "skills": skills,
        "highlights": [_highlight(release)],
    }
    return Change(external_id=f"github:repo:{repo_id}", fields=fields, merge=True)


def sample_event():
    """GitHub's own test delivery: the ``ping`` sent when a hook is created."""
    return {EVENT_HEADER: PING}, {
        "zen": "Keep it logically awesome.",
        "hook_id": 1,
        "hook": {"type": "Repository", "id": 1, "name": "web", "active": True, "events": ["release"]},
    }
