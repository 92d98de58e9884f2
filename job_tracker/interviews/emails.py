"""The interview reminder e-mail, with the event attached as an .ics file."""

import zoneinfo

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from ..reports.emails import absolute
from .ics import interviews_calendar


def build_reminder_email(*, interview) -> EmailMultiAlternatives:
    user = interview.user
    application = interview.application
    local = interview.starts_at.astimezone(zoneinfo.ZoneInfo(interview.time_zone))
    context = {
        "user": user,
        "interview": interview,
        "application": application,
        "local_start": local,
        "contacts": [c.name for c in interview.contacts.all()],
        "application_url": absolute(reverse("job_tracker:application", args=[application.pk])),
        "settings_url": absolute(reverse("job_tracker:tracker-settings")),
    }
    when = local.strftime("%a %d %b") if interview.is_all_day else local.strftime("%a %d %b %H:%M")
    what = f"{application.job_title} at {application.company_name}"
    subject = f"Reminder: {interview.get_kind_display()} for {what}, {when}"
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("job_tracker/interviews/reminder_email.txt", context),
        to=[user.email],
    )
    message.attach("interview.ics", interviews_calendar([interview]), "text/calendar")
    return message
