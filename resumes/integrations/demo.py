"""Demo integrations for ``seed_demo``: a GitHub repository and a course platform, with deliveries.

Idempotent: integrations are found by name, deliveries by their fixed delivery ids.
"""

import json

from . import services, signatures
from .models import Integration
from .platforms import get_platform

RELEASE = {
    "action": "published",
    "release": {
        "tag_name": "v1.4.0",
        "name": "Rychlejší směrování",
        "published_at": "2025-03-14T09:30:00Z",
        "prerelease": False,
        "html_url": "https://github.com/zoe-novak/prazsky-router/releases/tag/v1.4.0",
    },
    "repository": {
        "id": 700000001,
        "name": "prazsky-router",
        "full_name": "zoe-novak/prazsky-router",
        "owner": {"login": "zoe-novak"},
        "html_url": "https://github.com/zoe-novak/prazsky-router",
        "description": "Trip planner for Prague public transport (PID open data).",
        "created_at": "2023-09-02T18:00:00Z",
        "language": "Go",
        "topics": ["gtfs", "postgres", "docker"],
    },
}
COURSE = {
    "event": "achievement.upsert",
    "external_id": "kurz-ml-2024",
    "achievement": {
        "type": "course",
        "title": "Strojové učení v praxi",
        "organization": "ČVUT v Praze",
        "location": "Praha",
        "start_date": "2024-02-19",
        "end_date": "2024-05-31",
        "skills": ["Python", "scikit-learn", "pandas"],
        "highlights": ["Final project: predicting tram delays from GTFS-realtime feeds"],
    },
}
BROKEN = {
    "event": "achievement.upsert",
    "external_id": "kurz-42",
    "achievement": {"type": "course", "grade": "A"},
}


def _deliver(integration, secret, payload, delivery_id, extra_headers=None):
    platform = get_platform(integration.platform)
    body = json.dumps(payload, ensure_ascii=False).encode()
    headers = {
        **(extra_headers or {}),
        platform.SIGNATURE_HEADER: signatures.sign_delivery(platform, secret, body),
        platform.DELIVERY_HEADER: delivery_id,
    }
    accepted = services.delivery_accept(
        integration=integration, body=body, headers=headers, content_type="application/json"
    )
    if accepted.outcome == "received":
        services.delivery_process(log_id=accepted.log.pk)  # inline: no worker needed for the demo


def seed(*, staff, demo, stdout):
    created = 0
    if not Integration.objects.filter(user=demo, name="GitHub · prazsky-router").exists():
        github, secret = services.integration_create(
            user=demo, platform="github", name="GitHub · prazsky-router"
        )
        _deliver(github, secret, {"zen": "Design for failure."}, "demo-gh-ping", {"X-GitHub-Event": "ping"})
        _deliver(github, secret, RELEASE, "demo-gh-release-140", {"X-GitHub-Event": "release"})
        _deliver(github, secret, {"ref": "refs/heads/main"}, "demo-gh-push", {"X-GitHub-Event": "push"})
        created += 1
    if not Integration.objects.filter(user=demo, name="Kurzy ČVUT").exists():
        courses, secret = services.integration_create(user=demo, platform="generic", name="Kurzy ČVUT")
        _deliver(courses, secret, COURSE, "demo-course-ml")
        _deliver(courses, secret, BROKEN, "demo-course-broken")
        created += 1
    stdout.write(f"Integrations: {created} demo integration(s) created.")
