"""Cost of receiving a webhook delivery, against refusing one with a bad signature.

The accepted path verifies the HMAC, decrypts the secret and writes the log row;
the refused path stops after the signature check and writes nothing. Processing
(achievement update + resume rebuild) is measured against a bare rebuild.
"""

import json
import time

from django.test import Client

from accounts.tests.factories import UserFactory
from resumate.bench import Result, timed
from resumes.services import rebuild_resume

from . import services
from .models import WebhookLog
from .signatures import sign_timestamped

REQUESTS = 100


def run():
    user = UserFactory(username=f"bench-hooks-{time.time_ns()}")
    integration, secret = services.integration_create(user=user, platform="generic", name="bench")
    client = Client(HTTP_HOST="localhost")
    url = f"/api/v1/hooks/{integration.hook_id}/"
    # An event type nobody handles: logged as ignored, nothing queued, so no broker is involved.
    body = json.dumps({"event": "bench.noop", "data": "x" * 2000}).encode()

    def accepted():
        for index in range(REQUESTS):
            # Each delivery is signed afresh (t=...,v1=...), as a sender does; a signature is good once.
            delivery = json.dumps({"event": "bench.noop", "n": index, "at": time.perf_counter_ns()}).encode()
            response = client.generic(
                "POST",
                url,
                delivery + b" " * max(0, len(body) - len(delivery)),
                content_type="application/json",
                headers={
                    "X-ResuMate-Signature": sign_timestamped(
                        secret, delivery + b" " * max(0, len(body) - len(delivery))
                    ),
                    "X-ResuMate-Delivery": str(time.perf_counter_ns()),
                },
            )
            assert response.status_code == 202

    def refused():
        for _ in range(REQUESTS):
            response = client.generic(
                "POST",
                url,
                body,
                content_type="application/json",
                headers={"X-ResuMate-Signature": "sha256=0"},
            )
            assert response.status_code == 401

    accepted_ms = timed(accepted, repeat=3) / REQUESTS * 1000
    # The per-client cap on refused deliveries would answer 429 after 30: lift it to time the check.
    cap, services.REJECTED_PER_CLIENT_PER_MINUTE = services.REJECTED_PER_CLIENT_PER_MINUTE, 10**9
    try:
        refused_ms = timed(refused, repeat=3) / REQUESTS * 1000
    finally:
        services.REJECTED_PER_CLIENT_PER_MINUTE = cap

    upsert = {
        "event": "achievement.upsert",
        "external_id": "bench-course",
        "achievement": {
            "type": "course",
            "title": "Kurz",
            "start_date": "2024-01-01",
            "skills": ["Python", "Go"],
        },
    }
    log = WebhookLog.objects.create(
        integration=integration,
        platform="generic",
        event_type="achievement.upsert",
        delivery_id="bench",
        payload=upsert,
    )

    def process():
        WebhookLog.objects.filter(pk=log.pk).update(status="received")
        assert services.delivery_process(log_id=log.pk).status == "processed"

    process()  # first run creates the achievement; the timed runs update it
    process_ms = timed(process, repeat=11) * 1000
    rebuild_ms = timed(lambda: rebuild_resume(user=user), repeat=11) * 1000
    return [
        Result(
            "POST /api/v1/hooks/{id}/ accepted (HMAC, decrypt, log row), 2 KB body",
            accepted_ms,
            "ms/request",
            "same body refused with a bad signature (401)",
            refused_ms,
            f"{REQUESTS} requests x 3, median, in-process test client",
        ),
        Result(
            "process one generic delivery (achievement update, rebuild on commit)",
            process_ms,
            "ms",
            "rebuild_resume alone",
            rebuild_ms,
            "median of 11 runs",
        ),
    ]
