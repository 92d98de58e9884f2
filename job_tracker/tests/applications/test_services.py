import datetime

import pytest
from django.core.cache import cache
from rest_framework.exceptions import ValidationError

from job_tracker.applications import selectors, services
from job_tracker.models import ApplicationEvent, JobApplication
from job_tracker.tests.factories import JobApplicationFactory, make_resume

pytestmark = pytest.mark.django_db


def test_create_records_the_creation_event(user):
    application = services.application_create(
        user=user, job_title="Data engineer", company_name="Zürich Labs"
    )
    events = list(application.events.values_list("from_status", "to_status"))
    assert events == [("", "wishlist")]
    assert application.date_applied is None


def test_create_as_applied_stamps_the_date(user):
    application = services.application_create(
        user=user, job_title="SRE", company_name="Acme", status="applied"
    )
    assert application.date_applied == datetime.date.today()
    assert application.events.get().to_status == "applied"


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"status": "hired"}, "status"),
        ({"job_title": "x" * 201}, "job_title"),
        ({"url": "not a url"}, "url"),
        ({"job_title": ""}, "job_title"),
    ],
)
def test_create_rejects_bad_input_and_writes_nothing(user, fields, error_field):
    payload = {"job_title": "Dev", "company_name": "Acme", **fields}
    with pytest.raises(ValidationError) as exc:
        services.application_create(user=user, **payload)
    assert error_field in exc.value.detail
    assert not JobApplication.all_objects.exists()
    assert not ApplicationEvent.objects.exists()


def test_resume_of_another_user_is_refused(user, other_user):
    with pytest.raises(ValidationError) as exc:
        services.application_create(
            user=user, job_title="Dev", company_name="Acme", resume_used=make_resume(other_user)
        )
    assert "resume_used" in exc.value.detail
    assert not JobApplication.all_objects.exists()


def test_each_status_change_creates_one_event_with_from_and_to(user):
    application = JobApplicationFactory(user=user)
    first = services.application_change_status(application=application, status="applied")
    second = services.application_change_status(application=application, status="interviewing", note="Call")
    same = services.application_change_status(application=application, status="interviewing")
    assert same is None
    assert (first.from_status, first.to_status) == ("wishlist", "applied")
    assert (second.from_status, second.to_status, second.note) == ("applied", "interviewing", "Call")
    history = list(
        selectors.application_events(application=application).values_list("from_status", "to_status")
    )
    assert history == [("", "wishlist"), ("wishlist", "applied"), ("applied", "interviewing")]
    application.refresh_from_db()
    assert application.status == "interviewing"
    assert application.date_applied == datetime.date.today()


def test_update_changes_fields_and_status_through_one_event(user):
    application = JobApplicationFactory(user=user)
    services.application_update(application=application, notes="Referral from Jiří", status="screening")
    application.refresh_from_db()
    assert application.notes == "Referral from Jiří"
    assert list(application.events.values_list("to_status", flat=True)) == ["wishlist", "screening"]


def test_update_with_bad_field_leaves_the_row_unchanged(user):
    application = JobApplicationFactory(user=user, notes="before")
    with pytest.raises(ValidationError):
        services.application_update(application=application, notes="after", company_name="x" * 300)
    application.refresh_from_db()
    assert application.notes == "before"


def test_update_refuses_unknown_status_without_writing(user):
    application = JobApplicationFactory(user=user)
    with pytest.raises(ValidationError):
        services.application_update(application=application, status="ghosted", notes="changed")
    application.refresh_from_db()
    assert (application.status, application.notes) == ("wishlist", "")
    assert application.events.count() == 1


def test_soft_delete_hides_and_restore_returns(user):
    application = JobApplicationFactory(user=user)
    services.application_soft_delete(application=application)
    assert not JobApplication.objects.filter(pk=application.pk).exists()
    assert list(selectors.deleted_application_list(user=user)) == [application]
    services.application_restore(application=application)
    assert JobApplication.objects.filter(pk=application.pk).exists()
    application.refresh_from_db()
    assert application.deleted_at is None


def test_status_counts_cover_every_status(user, other_user):
    JobApplicationFactory(user=user, status="applied")
    JobApplicationFactory(user=user, status="applied")
    JobApplicationFactory(user=user, status="offer")
    JobApplicationFactory(user=other_user, status="offer")
    services.application_soft_delete(application=JobApplicationFactory(user=user, status="rejected"))
    counts = selectors.application_status_counts(user=user)
    assert counts["applied"] == 2 and counts["offer"] == 1 and counts["rejected"] == 0
    assert list(counts) == [
        "wishlist",
        "applied",
        "screening",
        "interviewing",
        "offer",
        "accepted",
        "rejected",
        "withdrawn",
    ]


def test_saving_an_example_row_drops_the_example_cache(user, django_capture_on_commit_callbacks):
    application = JobApplicationFactory(user=user, is_example=True)
    cache.set(services.EXAMPLES_CACHE_KEY, ["stale"])
    with django_capture_on_commit_callbacks(execute=True):
        services.application_update(application=application, notes="new")
    assert cache.get(services.EXAMPLES_CACHE_KEY) is None
    # Unticking the flag counts as a change of the example list too.
    cache.set(services.EXAMPLES_CACHE_KEY, ["stale"])
    with django_capture_on_commit_callbacks(execute=True):
        services.application_update(
            application=JobApplication.objects.get(pk=application.pk), is_example=False
        )
    assert cache.get(services.EXAMPLES_CACHE_KEY) is None
