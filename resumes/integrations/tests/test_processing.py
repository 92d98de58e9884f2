"""Each platform's real payload becomes the right achievement, once, and the resume rebuilds."""

import copy

import pytest
from django.utils import timezone

from resumes import services as resume_services
from resumes.integrations.models import WebhookLog
from resumes.integrations.tasks import process_webhook
from resumes.models import Achievement, Resume

from .helpers import deliver, fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(anon_client, django_capture_on_commit_callbacks):
    """Deliver and let the worker (eager Celery) and the on-commit rebuild run."""

    def _send(integration, secret, payload, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            response = deliver(anon_client, integration, secret, payload, **kwargs)
        assert response.status_code in (200, 202), response.content
        return response

    return _send


def _auto_resume(user):
    return Resume.objects.get(user=user, is_auto=True)


def test_github_release_creates_the_project_and_rebuilds_the_resume(user, connect, send):
    integration, secret = connect("github")
    send(integration, secret, fixture("github_release_published"), headers={"X-GitHub-Event": "release"})

    achievement = Achievement.objects.get(user=user)
    assert (achievement.type, achievement.title, achievement.organization) == (
        "project",
        "Hello-World",
        "Codertocat",
    )
    assert achievement.url == "https://github.com/Codertocat/Hello-World"
    assert achievement.skills == ["Python", "Django", "PostgreSQL"]  # canonical names, as when typed
    assert achievement.highlights == ["Released 0.0.1 “First light” on 2019-05-15"]
    # The sender's word, shown as its source: only staff verify (the review's "self-verified" finding).
    assert not achievement.is_verified and achievement.source_name == "GitHub"
    assert (achievement.source_integration, achievement.external_id) == (integration, "github:repo:186853002")
    log = WebhookLog.objects.get()
    assert (log.status, log.achievement, log.error) == ("processed", achievement, "")

    content = _auto_resume(user).content
    assert content["projects"][0]["name"] == "Hello-World"
    assert content["projects"][0]["highlights"] == ["Released 0.0.1 “First light” on 2019-05-15"]
    keywords = {k for group in content["skills"] for k in group["keywords"]}
    assert {"Python", "Django", "PostgreSQL"} <= keywords


def test_a_second_release_adds_a_highlight_to_the_same_project(user, connect, send):
    integration, secret = connect("github")
    first = fixture("github_release_published")
    send(integration, secret, first, delivery="a", headers={"X-GitHub-Event": "release"})
    achievement = Achievement.objects.get()
    # The user edits the title; a later release keeps the edit and adds to it.
    from resumes import services as resume_services

    resume_services.achievement_update(achievement=achievement, title="Hello World service")
    second = copy.deepcopy(first)
    second["release"].update(tag_name="0.1.0", name="Kubernetes ready", published_at="2020-02-01T10:00:00Z")
    second["repository"]["topics"] = ["k8s"]
    send(integration, secret, second, delivery="b", headers={"X-GitHub-Event": "release"})

    achievement = Achievement.objects.get()
    assert achievement.title == "Hello World service"
    assert achievement.highlights == [
        "Released 0.0.1 “First light” on 2019-05-15",
        "Released 0.1.0 “Kubernetes ready” on 2020-02-01",
    ]
    assert achievement.skills == ["Python", "Django", "PostgreSQL", "Kubernetes"]
    assert len(_auto_resume(user).content["projects"][0]["highlights"]) == 2


def test_openbadges_assertion_becomes_a_certification_on_the_resume(user, connect, send):
    integration, secret = connect("openbadges")
    send(integration, secret, fixture("openbadges_assertion"))

    achievement = Achievement.objects.get(user=user)
    assert achievement.type == "certification"
    assert achievement.title == "Awesome Robotics Badge"
    assert achievement.organization == "Škola robotiky Brno"
    assert (str(achievement.start_date), str(achievement.end_date)) == ("2016-12-31", "2026-12-31")
    assert "Python" in achievement.skills and "Robotics" in achievement.skills
    assert not achievement.is_verified
    assert achievement.source_name == "Open Badges issuer Škola robotiky Brno"
    certificate = _auto_resume(user).content["certificates"][0]
    assert (certificate["name"], certificate["issuer"]) == ("Awesome Robotics Badge", "Škola robotiky Brno")


def test_generic_event_creates_then_a_later_event_updates_the_same_achievement(user, connect, send):
    integration, secret = connect("generic")
    payload = fixture("generic_upsert")
    send(integration, secret, payload, delivery="one")
    achievement = Achievement.objects.get(user=user)
    assert (achievement.type, achievement.title) == ("course", "Distributed Systems in Practice")
    assert achievement.organization == "Université de Genève"
    assert achievement.skills == ["Go", "Kubernetes", "PostgreSQL"]
    assert not achievement.is_verified and achievement.source_name == f"{integration.name} (webhook)"
    education = _auto_resume(user).content["education"]
    assert education[0]["institution"] == "Université de Genève"

    payload["achievement"]["title"] = "Distributed Systems in Practice (with honours)"
    send(integration, secret, payload, delivery="two")
    assert Achievement.objects.count() == 1
    assert Achievement.objects.get().title.endswith("(with honours)")
    assert WebhookLog.objects.filter(status="processed").count() == 2
    assert "(with honours)" in str(_auto_resume(user).content["education"])


def test_invalid_achievement_fields_fail_the_delivery_and_write_nothing(user, connect, send):
    integration, secret = connect("generic")
    payload = fixture("generic_upsert")
    payload["achievement"].update(start_date="2024-05-01", end_date="2024-01-01", skills=["x" * 61])
    send(integration, secret, payload)
    log = WebhookLog.objects.get()
    assert log.status == "failed"
    assert "end_date" in log.error or "skills" in log.error
    assert Achievement.objects.count() == 0


def test_replayed_delivery_changes_nothing(user, connect, send):
    integration, secret = connect("generic")
    send(integration, secret, fixture("generic_upsert"), delivery="same")
    before = _auto_resume(user).last_generated_at
    changed = fixture("generic_upsert")
    changed["achievement"]["title"] = "Replayed with a new title"
    response = send(integration, secret, changed, delivery="same")
    assert response.json()["status"] == "duplicate"
    assert Achievement.objects.get().title == "Distributed Systems in Practice"
    assert _auto_resume(user).last_generated_at == before
    assert WebhookLog.objects.count() == 1


def test_task_run_twice_creates_no_duplicate(user, connect, send):
    integration, secret = connect("github")
    send(integration, secret, fixture("github_release_published"), headers={"X-GitHub-Event": "release"})
    log = WebhookLog.objects.get()
    assert process_webhook.apply(args=[log.pk]).get() == "processed"  # redelivered by the broker
    assert Achievement.objects.count() == 1
    assert len(Achievement.objects.get().highlights) == 1


def test_redelivery_after_a_worker_crash_updates_instead_of_duplicating(user, connect, send):
    integration, secret = connect("openbadges")
    send(integration, secret, fixture("openbadges_assertion"))
    # The worker died after the achievement was written but before the log was marked:
    WebhookLog.objects.update(status="received", achievement=None, processed_at=None)
    log = WebhookLog.objects.get()
    process_webhook.apply(args=[log.pk]).get()
    log.refresh_from_db()
    assert Achievement.objects.count() == 1
    assert (log.status, log.achievement) == ("processed", Achievement.objects.get())


def test_a_missing_log_is_a_no_op():
    assert process_webhook.apply(args=[987654]).get() is None


def test_user_can_delete_an_imported_achievement_and_a_later_event_recreates_it(user, connect, send):
    from resumes import services as resume_services

    integration, secret = connect("generic")
    send(integration, secret, fixture("generic_upsert"), delivery="one")
    resume_services.achievement_delete(achievement=Achievement.objects.get())
    send(integration, secret, fixture("generic_upsert"), delivery="two")
    assert Achievement.objects.count() == 1


def test_disconnecting_keeps_the_achievements(user, connect, send):
    from resumes.integrations import services

    integration, secret = connect("generic")
    send(integration, secret, fixture("generic_upsert"))
    services.integration_delete(integration=integration)
    achievement = Achievement.objects.get()
    assert achievement.source_integration is None and achievement.source_name.endswith("(webhook)")


def test_broker_outage_keeps_the_delivery_for_replay(user, connect, send, monkeypatch):
    import io

    from django.core.management import call_command
    from kombu.exceptions import OperationalError

    def broker_down(*args, **kwargs):
        raise OperationalError("Connection refused")

    integration, secret = connect("generic")
    monkeypatch.setattr(process_webhook, "delay", broker_down)
    assert send(integration, secret, fixture("generic_upsert")).status_code == 202
    assert WebhookLog.objects.get().status == "received" and not Achievement.objects.exists()
    monkeypatch.undo()
    call_command("replay_webhooks", stdout=io.StringIO(), stderr=io.StringIO())
    assert WebhookLog.objects.get().status == "processed"
    assert Achievement.objects.get().title == "Distributed Systems in Practice"


def test_deliveries_stranded_by_a_broker_outage_are_requeued_by_the_periodic_task(
    user, connect, send, monkeypatch
):
    from datetime import timedelta

    from django_celery_beat.models import PeriodicTask
    from kombu.exceptions import OperationalError

    from resumes.integrations.tasks import requeue_stranded_deliveries

    def broker_down(*args, **kwargs):
        raise OperationalError("Connection refused")

    integration, secret = connect("generic")
    monkeypatch.setattr(process_webhook, "delay", broker_down)
    assert send(integration, secret, fixture("generic_upsert")).status_code == 202
    monkeypatch.undo()
    assert requeue_stranded_deliveries() == 0  # just received: its own task may still be on its way
    WebhookLog.objects.update(received_at=timezone.now() - timedelta(minutes=3))
    assert requeue_stranded_deliveries() == 1
    assert WebhookLog.objects.get().status == "processed"
    assert Achievement.objects.get().title == "Distributed Systems in Practice"
    assert requeue_stranded_deliveries() == 0
    schedule = PeriodicTask.objects.get(task="resumes.integrations.tasks.requeue_stranded_deliveries")
    assert (schedule.interval.every, schedule.interval.period, schedule.enabled) == (2, "minutes", True)


def test_a_self_signed_degree_is_never_verified_and_a_webhook_edit_withdraws_staff_verification(
    user, connect, send
):
    """Anyone can connect a generic integration and sign a payload with their own secret."""
    integration, secret = connect("generic")
    payload = fixture("generic_upsert")
    payload["achievement"].update(type="degree", title="PhD in Computer Science")
    send(integration, secret, payload, delivery="one")
    achievement = Achievement.objects.get(user=user)
    assert not achievement.is_verified

    # Staff verify it in the admin; a later webhook change withdraws that until they look again.
    resume_services.achievements_mark_verified(queryset=Achievement.objects.filter(pk=achievement.pk))
    payload["achievement"]["title"] = "PhD in Computer Science (summa cum laude)"
    send(integration, secret, payload, delivery="two")
    achievement.refresh_from_db()
    assert achievement.title.endswith("(summa cum laude)") and not achievement.is_verified


def test_the_owner_sees_where_a_webhook_achievement_came_from_and_cannot_verify_it(
    user, client, api_client, connect, send
):
    integration, secret = connect("github")
    send(integration, secret, fixture("github_release_published"), headers={"X-GitHub-Event": "release"})
    achievement = Achievement.objects.get(user=user)
    client.force_login(user)
    assert "from GitHub" in client.get("/achievements/").content.decode()
    detail = f"/api/v1/achievements/{achievement.pk}/"
    assert api_client.get(detail).json()["source_name"] == "GitHub"
    # Neither the verification nor the source is the owner's to write.
    api_client.patch(detail, {"is_verified": True, "source_name": "Harvard"}, format="json")
    created = api_client.post(
        "/api/v1/achievements/", {"type": "degree", "title": "PhD", "is_verified": True}, format="json"
    )
    assert created.status_code == 201 and created.json()["is_verified"] is False
    achievement.refresh_from_db()
    assert (achievement.is_verified, achievement.source_name) == (False, "GitHub")
