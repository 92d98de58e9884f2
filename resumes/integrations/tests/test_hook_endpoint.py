"""The public hook: what is refused stores nothing; what is accepted is logged once and answered 202."""

import json
import time

import pytest
from rest_framework.test import APIClient

from accounts import services as account_services
from resumes.integrations import services
from resumes.integrations.models import WebhookLog
from resumes.integrations.signatures import sign, sign_timestamped
from resumes.models import Achievement

from .helpers import deliver, fixture, raw

pytestmark = pytest.mark.django_db


def _nothing_stored():
    return WebhookLog.objects.count() == 0 and Achievement.objects.count() == 0


def test_unknown_hook_is_404_and_stores_nothing(anon_client, connect, caplog):
    integration, secret = connect()
    integration.hook_id = "00000000-0000-4000-8000-000000000000"
    response = deliver(anon_client, integration, secret, fixture("generic_upsert"))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert _nothing_stored()
    assert "rejected (unknown_hook)" in caplog.text


def test_inactive_integration_is_404_and_stores_nothing(anon_client, connect):
    integration, secret = connect(active=False)
    response = deliver(anon_client, integration, secret, fixture("generic_upsert"))
    assert response.status_code == 404
    assert _nothing_stored()


@pytest.mark.parametrize("signature", ["", "sha256=" + "0" * 64, "sha1=abc", "garbage"])
def test_bad_or_missing_signature_is_401_and_stores_nothing(anon_client, connect, signature):
    integration, secret = connect()
    response = deliver(anon_client, integration, secret, fixture("generic_upsert"), signature=signature)
    assert response.status_code == 401
    assert response.json()["code"] == "bad_signature"
    assert _nothing_stored()
    integration.refresh_from_db()
    assert integration.last_event_at is None


def test_signature_with_another_integrations_secret_is_401(anon_client, connect, other_user):
    integration, _ = connect()
    _, other_secret = connect(owner=other_user)
    response = deliver(anon_client, integration, other_secret, fixture("generic_upsert"))
    assert response.status_code == 401
    assert _nothing_stored()


def test_rejections_are_logged_at_most_once_a_minute_per_client(anon_client, connect, caplog):
    integration, secret = connect()
    for _ in range(5):
        deliver(anon_client, integration, secret, fixture("generic_upsert"), signature="sha256=00")
    assert caplog.text.count("rejected (bad_signature)") == 1


def test_malformed_json_is_400_and_stores_nothing(anon_client, connect):
    integration, secret = connect()
    for body in (b'{"event": "achievement.upsert",', b"[1, 2]", b"\xff\xfe"):
        response = deliver(anon_client, integration, secret, body)
        assert response.status_code == 400
        assert response.json()["code"] == "malformed_payload"
    assert _nothing_stored()


def test_oversize_body_is_413_and_stores_nothing(anon_client, connect, settings):
    settings.WEBHOOK_MAX_BODY_BYTES = 1024
    integration, secret = connect()
    payload = fixture("generic_upsert")
    payload["achievement"]["description"] = "x" * 2000
    response = deliver(anon_client, integration, secret, payload)
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    assert _nothing_stored()


def test_default_hook_cap_is_below_the_global_request_limit(settings):
    from resumes.integrations.services import max_body_bytes

    assert max_body_bytes() == 256 * 1024 < settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def test_unknown_event_type_is_202_and_logged_ignored(
    anon_client, connect, django_capture_on_commit_callbacks
):
    integration, secret = connect("github")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = deliver(
            anon_client, integration, secret, {"ref": "refs/heads/main"}, headers={"X-GitHub-Event": "push"}
        )
    assert response.status_code == 202
    assert response.json() == {"status": "ignored", "delivery_id": "d-1"}
    log = WebhookLog.objects.get()
    assert (log.status, log.event_type) == ("ignored", "push")
    assert "not handled" in log.error
    assert callbacks == []  # nothing queued
    assert Achievement.objects.count() == 0


def test_github_ping_is_answered_and_logged(anon_client, connect, django_capture_on_commit_callbacks):
    integration, secret = connect("github")
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(
            anon_client, integration, secret, fixture("github_ping"), headers={"X-GitHub-Event": "ping"}
        )
    assert response.status_code == 202
    log = WebhookLog.objects.get()
    assert (log.event_type, log.status, log.achievement) == ("ping", "processed", None)
    integration.refresh_from_db()
    assert integration.last_event_at is not None
    assert Achievement.objects.count() == 0


def test_github_form_encoded_delivery_is_accepted(anon_client, connect, django_capture_on_commit_callbacks):
    from urllib.parse import urlencode

    integration, secret = connect("github")
    body = urlencode({"payload": json.dumps(fixture("github_ping"))}).encode()
    response = anon_client.generic(
        "POST",
        f"/api/v1/hooks/{integration.hook_id}/",
        body,
        content_type="application/x-www-form-urlencoded",
        headers={
            "X-Hub-Signature-256": sign(secret, body),
            "X-GitHub-Event": "ping",
            "X-GitHub-Delivery": "g1",
        },
    )
    assert response.status_code == 202
    assert WebhookLog.objects.get().payload["zen"] == "Responsive is better than fast."


def test_replayed_delivery_id_is_stored_once(anon_client, connect, django_capture_on_commit_callbacks):
    integration, secret = connect("github")
    ping = fixture("github_ping")
    with django_capture_on_commit_callbacks(execute=True):
        first = deliver(anon_client, integration, secret, ping, headers={"X-GitHub-Event": "ping"})
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        again = deliver(anon_client, integration, secret, ping, headers={"X-GitHub-Event": "ping"})
    assert first.status_code == 202
    assert again.status_code == 200
    assert again.json()["status"] == "duplicate"
    assert callbacks == []
    assert WebhookLog.objects.count() == 1


def test_same_delivery_id_on_two_integrations_are_two_deliveries(anon_client, connect):
    first, first_secret = connect()
    second, second_secret = connect()
    body = {"event": "ping"}
    assert deliver(anon_client, first, first_secret, body).status_code == 202
    assert deliver(anon_client, second, second_secret, body).status_code == 202
    assert WebhookLog.objects.count() == 2


def test_missing_delivery_header_falls_back_to_the_body_hash(anon_client, connect):
    integration, secret = connect()
    assert deliver(anon_client, integration, secret, {"event": "ping"}, delivery="").status_code == 202
    repeat = deliver(anon_client, integration, secret, {"event": "ping"}, delivery="")
    assert repeat.json()["status"] == "duplicate"
    assert WebhookLog.objects.get().delivery_id.startswith("sha256:")


def test_the_hook_needs_no_csrf_token_or_login(connect):
    from django.test import Client

    integration, secret = connect()
    response = deliver(Client(enforce_csrf_checks=True), integration, secret, {"event": "ping"})
    assert response.status_code == 202


def test_after_a_secret_key_change_deliveries_are_401_and_test_events_400(
    anon_client, api_client, connect, settings, client, user
):
    integration, secret = connect()
    settings.SECRET_KEY = "a-different-server-key-after-a-rotation"
    assert deliver(anon_client, integration, secret, {"event": "ping"}).status_code == 401
    response = api_client.post(f"/api/v1/integrations/{integration.pk}/test-event/")
    assert response.status_code == 400 and "secret" in response.json()["errors"]
    client.force_login(user)
    page = client.post(f"/integrations/{integration.pk}/test-event/", follow=True)
    assert "generate a new one" in page.content.decode()
    assert _nothing_stored()
    # Rotating makes it work again.
    new = api_client.post(f"/api/v1/integrations/{integration.pk}/rotate-secret/").json()["secret"]
    integration.refresh_from_db()
    assert deliver(anon_client, integration, new, {"event": "ping"}).status_code == 202


def test_a_deleted_accounts_hooks_answer_404(anon_client, connect, user):
    integration, secret = connect()
    account_services.user_deactivate(user=user)
    assert deliver(anon_client, integration, secret, {"event": "ping"}).status_code == 404


def test_an_old_or_replayed_timestamped_signature_changes_nothing(anon_client, connect):
    integration, secret = connect()
    body = raw(fixture("generic_upsert"))
    stale = sign_timestamped(secret, body, int(time.time()) - 301)
    response = deliver(anon_client, integration, secret, body, signature=stale, delivery="old")
    assert response.status_code == 401 and response.json()["code"] == "bad_signature"
    fresh = sign_timestamped(secret, body)
    assert deliver(anon_client, integration, secret, body, signature=fresh, delivery="a").status_code == 202
    # The same signature again, with another delivery id: a replay, answered as a duplicate.
    replay = deliver(anon_client, integration, secret, body, signature=fresh, delivery="b")
    assert replay.status_code == 200 and replay.json()["status"] == "duplicate"
    assert WebhookLog.objects.count() == 1
    # A body-only signature (the old format) is not accepted for our platforms.

    assert (
        deliver(
            anon_client, integration, secret, body, signature=sign(secret, body), delivery="c"
        ).status_code
        == 401
    )


def test_refused_deliveries_are_throttled_per_client_and_spare_the_hooks_budget(
    anon_client, connect, settings
):

    integration, secret = connect()
    for _ in range(services.REJECTED_PER_CLIENT_PER_MINUTE):
        assert (
            deliver(anon_client, integration, secret, {"event": "ping"}, signature="garbage").status_code
            == 401
        )
    assert (
        deliver(anon_client, integration, secret, {"event": "ping"}, signature="garbage").status_code == 429
    )
    # The platform itself, from its own address, still gets through: the hook's budget was not spent.
    platform = APIClient(REMOTE_ADDR="192.0.2.44")
    assert deliver(platform, integration, secret, {"event": "ping"}, delivery="p").status_code == 202
