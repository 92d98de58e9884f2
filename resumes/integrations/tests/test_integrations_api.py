"""integrations/ CRUD: owner-scoped, the secret only in the create and rotate responses."""

import logging

import pytest

from resumes.integrations.models import Integration, WebhookLog

from .helpers import deliver

pytestmark = pytest.mark.django_db

URL = "/api/v1/integrations/"


def test_create_returns_the_secret_once_and_a_working_webhook_url(api_client, anon_client, user):
    response = api_client.post(URL, {"platform": "generic", "name": "Coursera"})
    assert response.status_code == 201
    body = response.json()
    secret = body["secret"]
    assert secret.startswith("whsec_") and len(secret) > 40
    assert body["webhook_url"] == f"http://testserver/api/v1/hooks/{body['hook_id']}/"
    integration = Integration.objects.get(pk=body["id"])
    assert integration.user == user
    assert secret not in integration.secret_encrypted  # stored encrypted
    assert deliver(anon_client, integration, secret, {"event": "ping"}).status_code == 202


@pytest.mark.parametrize(
    "payload, field",
    [({"platform": "myspace", "name": "x"}, "platform"), ({"platform": "github"}, "name"), ({}, "platform")],
)
def test_create_rejects_bad_input_and_writes_nothing(api_client, payload, field):
    response = api_client.post(URL, payload)
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert Integration.objects.count() == 0


def test_secret_never_appears_in_any_later_response_or_log_line(api_client, anon_client, caplog):
    caplog.set_level(logging.DEBUG)
    secret = api_client.post(URL, {"platform": "github", "name": "GitHub"}).json()["secret"]
    integration = Integration.objects.get()
    deliver(anon_client, integration, secret, {"zen": "x"}, headers={"X-GitHub-Event": "ping"})
    deliver(anon_client, integration, secret, {"zen": "x"}, signature="sha256=00", delivery="d-2")
    detail = f"{URL}{integration.pk}/"
    later = [
        api_client.get(URL),
        api_client.get(detail),
        api_client.patch(detail, {"name": "GitHub repos"}),
        api_client.put(detail, {"name": "GitHub repos", "is_active": True}),
        api_client.get(f"{detail}logs/"),
        api_client.post(f"{detail}test-event/"),
        api_client.get("/api/v1/auth/me/export/"),
    ]
    for response in later:
        assert response.status_code < 300, response.content
        assert secret not in response.content.decode()
        assert integration.secret_encrypted not in response.content.decode()
        assert 'secret"' not in response.content.decode().replace("secret_rotated_at", "")
    assert secret not in caplog.text
    export = later[-1].json()
    assert export["resumes.integration"][0]["name"] == "GitHub repos"
    assert "secret_encrypted" not in export["resumes.integration"][0]


def test_rotate_secret_returns_a_new_secret_and_the_old_one_stops_working(api_client, anon_client):
    old = api_client.post(URL, {"platform": "generic", "name": "Generic"}).json()
    response = api_client.post(f"{URL}{old['id']}/rotate-secret/")
    assert response.status_code == 200
    new = response.json()["secret"]
    assert new != old["secret"]
    assert response.json()["secret_rotated_at"]
    integration = Integration.objects.get()
    assert deliver(anon_client, integration, old["secret"], {"event": "ping"}).status_code == 401
    assert deliver(anon_client, integration, new, {"event": "ping"}).status_code == 202
    assert new not in api_client.get(f"{URL}{old['id']}/").content.decode()


def test_update_cannot_change_platform_or_hook(api_client, connect):
    integration, _ = connect("github")
    response = api_client.patch(
        f"{URL}{integration.pk}/", {"platform": "generic", "hook_id": "x", "is_active": False}
    )
    assert response.status_code == 200
    integration.refresh_from_db()
    assert (integration.platform, integration.is_active) == ("github", False)


def test_list_is_owner_scoped_and_filterable(api_client, connect, other_user, django_assert_max_num_queries):
    connect("github", name="Mine 1")
    connect("generic", name="Mine 2")
    connect("github", owner=other_user, name="Theirs")
    with django_assert_max_num_queries(3):
        response = api_client.get(URL)
    assert sorted(i["name"] for i in response.json()["results"]) == ["Mine 1", "Mine 2"]
    assert [i["name"] for i in api_client.get(URL, {"platform": "github"}).json()["results"]] == ["Mine 1"]
    assert api_client.get(URL, {"platform": "myspace"}).status_code == 400


def test_another_users_integration_is_404_on_every_endpoint(api_client, connect, other_user):
    theirs, _ = connect("generic", owner=other_user)
    base = f"{URL}{theirs.pk}/"
    calls = [
        api_client.get(base),
        api_client.patch(base, {"name": "mine now"}),
        api_client.put(base, {"name": "mine now"}),
        api_client.delete(base),
        api_client.post(f"{base}rotate-secret/"),
        api_client.post(f"{base}test-event/"),
        api_client.get(f"{base}logs/"),
    ]
    assert [r.status_code for r in calls] == [404] * len(calls)
    theirs.refresh_from_db()
    assert theirs.name == "My generic" and WebhookLog.objects.count() == 0


def test_anonymous_is_401(anon_client, connect):
    integration, _ = connect()
    assert anon_client.get(URL).status_code == 401
    assert anon_client.post(f"{URL}{integration.pk}/rotate-secret/").status_code == 401


def test_logs_are_paginated_newest_first_and_filterable(
    api_client, anon_client, connect, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    integration, secret = connect("github")
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(23):
            event = "ping" if n % 2 else "push"
            deliver(
                anon_client,
                integration,
                secret,
                {"n": n},
                delivery=f"d-{n}",
                headers={"X-GitHub-Event": event},
            )
    with django_assert_max_num_queries(4):
        page = api_client.get(f"{URL}{integration.pk}/logs/").json()
    assert page["count"] == 23 and len(page["results"]) == 20 and page["next"]
    assert [r["delivery_id"] for r in page["results"][:2]] == ["d-22", "d-21"]
    assert {r["status"] for r in page["results"]} == {"processed", "ignored"}
    ignored = api_client.get(f"{URL}{integration.pk}/logs/", {"status": "ignored"}).json()
    assert ignored["count"] == 12
    assert api_client.get(f"{URL}{integration.pk}/logs/", {"status": "exploded"}).status_code == 400


def test_test_event_goes_through_the_pipeline_and_writes_no_achievement(
    api_client, connect, django_capture_on_commit_callbacks
):
    for platform in ("generic", "github", "openbadges"):
        integration, _ = connect(platform)
        with django_capture_on_commit_callbacks(execute=True):
            response = api_client.post(f"{URL}{integration.pk}/test-event/")
        assert response.status_code == 202
        log = WebhookLog.objects.get(integration=integration)
        assert (log.is_test, log.status, log.error, log.achievement) == (True, "processed", "", None)
    from resumes.models import Achievement

    assert Achievement.objects.count() == 0


def test_delete_removes_integration_and_logs(api_client, connect, anon_client):
    integration, secret = connect()
    deliver(anon_client, integration, secret, {"event": "ping"})
    assert api_client.delete(f"{URL}{integration.pk}/").status_code == 204
    assert Integration.objects.count() == 0 and WebhookLog.objects.count() == 0
    assert deliver(anon_client, integration, secret, {"event": "ping"}, delivery="x").status_code == 404


def test_create_paused(api_client):
    response = api_client.post(URL, {"platform": "openbadges", "name": "Badgr", "is_active": False})
    assert response.status_code == 201 and response.json()["is_active"] is False
