"""Admin (filters, reprocess failed, secret never shown) and replay_webhooks."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from accounts.tests.factories import UserFactory
from resumes.integrations import services
from resumes.integrations.models import WebhookLog

from .helpers import deliver

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def failed_log(connect, anon_client, django_capture_on_commit_callbacks):
    integration, secret = connect("generic")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(anon_client, integration, secret, {"event": "achievement.upsert", "achievement": {}})
    log = WebhookLog.objects.get()
    assert log.status == "failed"
    return log


def test_admin_pages_never_show_the_secret(staff_client, connect, failed_log):
    integration, secret = connect("github")
    pages = [
        "/admin/resumes/integration/",
        f"/admin/resumes/integration/{integration.pk}/change/",
        "/admin/resumes/integration/?platform__exact=github",
        "/admin/resumes/webhooklog/",
        "/admin/resumes/webhooklog/?status__exact=failed&platform__exact=generic",
        f"/admin/resumes/webhooklog/{failed_log.pk}/change/",
    ]
    for url in pages:
        response = staff_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert secret not in html and integration.secret_encrypted not in html
        assert "secret_encrypted" not in html
    assert staff_client.get("/admin/resumes/integration/add/").status_code == 403


def test_admin_reprocess_failed_action(staff_client, failed_log):
    # The log's payload is fixed (as after correcting a sender), then reprocessed.
    WebhookLog.objects.filter(pk=failed_log.pk).update(payload={"event": "ping"}, event_type="ping")
    response = staff_client.post(
        "/admin/resumes/webhooklog/",
        {"action": "reprocess_failed", "_selected_action": [failed_log.pk]},
        follow=True,
    )
    assert "Reprocessed: 1 processed." in response.content.decode()
    failed_log.refresh_from_db()
    assert (failed_log.status, failed_log.error) == ("processed", "")


def test_replay_webhooks_failed_only_with_progress_and_summary(connect, failed_log, anon_client):
    other, secret = connect("github")
    deliver(anon_client, other, secret, {"zen": "z"}, headers={"X-GitHub-Event": "ping"})
    out, err = io.StringIO(), io.StringIO()
    call_command("replay_webhooks", "--failed", stdout=out, stderr=err)
    assert "Replayed 1 deliveries: 1 failed." in out.getvalue()
    assert "Replaying deliveries" in err.getvalue()  # tqdm progress bar


def test_replay_webhooks_for_one_integration(
    connect, failed_log, anon_client, django_capture_on_commit_callbacks
):
    other, secret = connect("github")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(anon_client, other, secret, {"zen": "z"}, headers={"X-GitHub-Event": "ping"})
    out = io.StringIO()
    call_command("replay_webhooks", "--integration", str(other.pk), stdout=out, stderr=io.StringIO())
    assert "Replayed 1 deliveries: 1 processed." in out.getvalue()
    with pytest.raises(CommandError):
        call_command("replay_webhooks", "--integration", "999999")


def test_reprocess_leaves_ignored_deliveries_alone(connect, anon_client):
    integration, secret = connect("github")
    deliver(anon_client, integration, secret, {"ref": "x"}, headers={"X-GitHub-Event": "push"})
    log = WebhookLog.objects.get()
    assert services.delivery_reprocess(log=log).status == "ignored"


def test_seed_demo_adds_integrations_with_deliveries_idempotently(django_capture_on_commit_callbacks):
    from accounts.models import User
    from resumes.models import Achievement

    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
        call_command("seed_demo", stdout=io.StringIO())
    demo = User.objects.get(username="demo")
    assert demo.integrations.count() == 2
    statuses = sorted(WebhookLog.objects.filter(integration__user=demo).values_list("status", flat=True))
    assert statuses == ["failed", "ignored", "processed", "processed", "processed"]
    titles = set(
        Achievement.objects.filter(user=demo, source_integration__isnull=False).values_list(
            "title", flat=True
        )
    )
    assert titles == {"prazsky-router", "Strojové učení v praxi"}
