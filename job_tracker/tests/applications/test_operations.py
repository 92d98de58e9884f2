"""Purge command, admin, demo data and data export for applications."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.helpers import erase_after_grace
from job_tracker.applications import services
from job_tracker.models import ApplicationEvent, JobApplication
from job_tracker.tests.factories import JobApplicationFactory, make_resume

pytestmark = pytest.mark.django_db


def _deleted(user, days_ago, **fields):
    application = services.application_soft_delete(application=JobApplicationFactory(user=user, **fields))
    JobApplication.all_objects.filter(pk=application.pk).update(
        deleted_at=timezone.now() - timedelta(days=days_ago)
    )
    return application


def test_purge_removes_only_old_soft_deleted_rows(user):
    old = _deleted(user, 40, job_title="Old")
    recent = _deleted(user, 3, job_title="Recent")
    live = JobApplicationFactory(user=user, job_title="Live")
    out, err = StringIO(), StringIO()
    call_command("purge_deleted_applications", "--older-than", "30", stdout=out, stderr=err)
    assert "Purged 1 application(s)" in out.getvalue()
    assert "1/1" in err.getvalue()  # tqdm progress
    remaining = set(JobApplication.all_objects.values_list("job_title", flat=True))
    assert remaining == {"Recent", "Live"}
    assert not ApplicationEvent.objects.filter(application_id=old.pk).exists()
    assert {recent.pk, live.pk} <= set(ApplicationEvent.objects.values_list("application_id", flat=True))


def test_purge_dry_run_and_small_batches(user):
    for _ in range(5):
        _deleted(user, 10)
    out = StringIO()
    call_command("purge_deleted_applications", "--older-than", "7", "--dry-run", stdout=out)
    assert "5 application(s)" in out.getvalue()
    assert JobApplication.all_objects.count() == 5
    call_command(
        "purge_deleted_applications", "--older-than", "7", "--batch-size", "2", stdout=out, stderr=StringIO()
    )
    assert JobApplication.all_objects.count() == 0


def test_purge_rejects_negative_days():
    with pytest.raises(CommandError):
        call_command("purge_deleted_applications", "--older-than", "-1")


@pytest.fixture
def admin_client(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(staff)
    return client


def test_admin_lists_filters_and_searches_including_deleted(admin_client, user):
    JobApplicationFactory(user=user, job_title="Visible one", company_name="Acme")
    _deleted(user, 1, job_title="Deleted one", company_name="Globex")
    url = reverse("admin:job_tracker_jobapplication_changelist")
    html = admin_client.get(url).content.decode()
    assert "Visible one" in html and "Deleted one" in html
    html = admin_client.get(url, {"is_deleted__exact": "1"}).content.decode()
    assert "Deleted one" in html and "Visible one" not in html
    html = admin_client.get(url, {"q": "globex"}).content.decode()
    assert "Deleted one" in html and "Visible one" not in html


def test_admin_actions(admin_client, user, django_capture_on_commit_callbacks):
    live = JobApplicationFactory(user=user)
    gone = _deleted(user, 1)
    url = reverse("admin:job_tracker_jobapplication_changelist")

    def act(action, *rows):
        with django_capture_on_commit_callbacks(execute=True):
            response = admin_client.post(url, {"action": action, "_selected_action": [r.pk for r in rows]})
        assert response.status_code == 302

    act("mark_as_example", live)
    assert JobApplication.objects.get(pk=live.pk).is_example
    act("restore", gone)
    assert JobApplication.objects.filter(pk=gone.pk).exists()
    act("soft_delete", live, gone)
    assert not JobApplication.objects.filter(pk__in=[live.pk, gone.pk]).exists()


def test_admin_status_change_records_an_event(admin_client, user):
    application = JobApplicationFactory(user=user, job_title="Admin moved", company_name="Acme")
    url = reverse("admin:job_tracker_jobapplication_change", args=[application.pk])
    data = {
        "user": user.pk,
        "job_title": "Admin moved",
        "company_name": "Acme",
        "status": "offer",
        "events-TOTAL_FORMS": "1",
        "events-INITIAL_FORMS": "1",
        "events-MIN_NUM_FORMS": "0",
        "events-MAX_NUM_FORMS": "1000",
        "events-0-id": application.events.get().pk,
        "events-0-application": application.pk,
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    last = application.events.last()
    assert (last.from_status, last.to_status) == ("wishlist", "offer")


def test_admin_refuses_another_users_resume(admin_client, user, other_user):
    data = {
        "user": user.pk,
        "job_title": "Dev",
        "company_name": "Acme",
        "status": "wishlist",
        "resume_used": make_resume(other_user).pk,
        "events-TOTAL_FORMS": "0",
        "events-INITIAL_FORMS": "0",
        "events-MIN_NUM_FORMS": "0",
        "events-MAX_NUM_FORMS": "1000",
    }
    response = admin_client.post(reverse("admin:job_tracker_jobapplication_add"), data)
    assert response.status_code == 200
    assert "belongs to another user" in response.content.decode()
    assert not JobApplication.all_objects.exists()


def test_seed_demo_is_idempotent_and_realistic(anon_client):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    staff, demo = User.objects.get(username="admin"), User.objects.get(username="demo")
    examples = JobApplication.objects.filter(user=staff, is_example=True)
    assert examples.count() >= 3
    assert examples.filter(company_name="Škoda Auto Digilab").count() == 1
    statuses = set(JobApplication.objects.filter(user=demo).values_list("status", flat=True))
    assert len(statuses) >= 4
    # Histories are backdated and ordered.
    offer = examples.get(company_name="Škoda Auto Digilab")
    moves = list(offer.events.values_list("to_status", flat=True))
    assert moves == ["wishlist", "applied", "screening", "interviewing", "offer"]
    assert offer.events.first().created_at < timezone.now() - timedelta(days=29)
    rows = anon_client.get("/api/v1/example-applications/").json()["results"]
    assert len(rows) == examples.count()


def test_export_includes_soft_deleted_applications_and_events(api_client, user):
    JobApplicationFactory(user=user, job_title="Live")
    _deleted(user, 1, job_title="Deleted")
    document = api_client.get("/api/v1/auth/me/export/").json()
    titles = {row["job_title"] for row in document["job_tracker.jobapplication"]}
    assert titles == {"Live", "Deleted"}
    assert len(document["job_tracker.applicationevent"]) == 2


def test_account_deletion_removes_applications_and_events(api_client, user):
    _deleted(user, 1)
    JobApplicationFactory(user=user)
    assert api_client.delete("/api/v1/auth/me/", {"password": PASSWORD}).status_code == 202
    erase_after_grace(user)
    assert not JobApplication.all_objects.exists()
    assert not ApplicationEvent.objects.exists()
