"""Interview reminders: e-mailed once, N hours before (the user's setting), through the Celery tasks."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from job_tracker.followups.services import tracker_settings_update
from job_tracker.interviews import services
from job_tracker.interviews.tasks import send_interview_reminder, send_interview_reminders
from job_tracker.models import Interview
from job_tracker.tests.factories import JobApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(user):
    return JobApplicationFactory(user=user, job_title="Data engineer", company_name="Ørsted")


def interview_in(application, hours, **extra):
    start = timezone.now() + timedelta(hours=hours)
    return services.interview_create(
        application=application, kind="onsite", starts_at=start, ends_at=start + timedelta(hours=1),
        time_zone="Europe/Berlin", location="Kalvebod Brygge 1", **extra,
    )  # fmt: skip


def test_a_due_reminder_is_sent_once(application, user, mailoutbox):
    interview = interview_in(application, 20)  # default: 24 hours before
    interview_in(application, 30)  # not yet due
    assert send_interview_reminders.delay().get() == 1
    assert send_interview_reminders.delay().get() == 0
    assert send_interview_reminder.delay(interview.pk).get() is False  # a redelivery
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [user.email]
    assert "Data engineer at Ørsted" in message.subject
    assert "Kalvebod Brygge 1" in message.body
    assert message.attachments[0][0] == "interview.ics"
    assert Interview.objects.get(pk=interview.pk).reminder_sent_at is not None


def test_the_users_lead_time_counts_and_moves_pending_reminders(application, user, mailoutbox):
    interview = interview_in(application, 20)
    tracker_settings_update(user=user, reminder_hours=2)
    send_interview_reminders.delay()
    assert mailoutbox == []
    tracker_settings_update(user=user, reminder_hours=48)
    send_interview_reminders.delay()
    assert len(mailoutbox) == 1
    assert Interview.objects.get(pk=interview.pk).remind_at == interview.starts_at - timedelta(hours=48)


def test_cancelled_past_and_deleted_get_none(application, user, mailoutbox):
    services.interview_cancel(interview=interview_in(application, 5))
    interview_in(application, -1)
    other = JobApplicationFactory(user=user)
    interview_in(other, 5)
    other.is_deleted = True
    other.save()
    send_interview_reminders.delay()
    assert mailoutbox == []


def test_rescheduling_rearms_the_reminder(application, mailoutbox):
    interview = interview_in(application, 5)
    send_interview_reminders.delay()
    later = timedelta(hours=3)
    services.interview_update(
        interview=interview, starts_at=interview.starts_at + later, ends_at=interview.ends_at + later
    )
    send_interview_reminders.delay()
    assert len(mailoutbox) == 2


def test_a_failed_send_is_released_for_a_retry(application, mailoutbox, settings):
    interview = interview_in(application, 5)
    settings.EMAIL_BACKEND = "job_tracker.tests.interviews.test_reminders.FailingBackend"
    with pytest.raises(ConnectionError):
        services.interview_send_reminder(interview_id=interview.pk)
    assert Interview.objects.get(pk=interview.pk).reminder_sent_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.interview_send_reminder(interview_id=interview.pk) is True


def test_beat_schedules_exist_with_pinned_task_names():
    tasks = dict(PeriodicTask.objects.values_list("name", "task"))
    assert tasks["Send interview reminders"] == "job_tracker.tasks.send_interview_reminders"
    assert tasks["Send follow-up digests"] == "job_tracker.tasks.send_follow_up_digests"
    reminders = PeriodicTask.objects.get(name="Send interview reminders")
    assert (reminders.crontab.minute, str(reminders.crontab.timezone)) == ("*/10", "UTC")


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP down")
