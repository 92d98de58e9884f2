"""Interview pages: add / cancel / delete on the application page, .ics downloads and the calendar feed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe
from rest_framework.exceptions import ValidationError

from job_tracker.applications import selectors as application_selectors
from resumate.web import add_service_errors

from . import selectors, services
from .forms import InterviewForm
from .ics import interviews_calendar


def _ics_response(body: bytes, filename: str, *, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=300"
    return response


@login_required
def interview_add(request, pk):
    application = application_selectors.application_get(user=request.user, pk=pk)
    form = InterviewForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.interview_create(application=application, **form.service_fields())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Interview added."))
            return redirect("job_tracker:application", pk=application.pk)
    status = 400 if request.method == "POST" else 200
    context = {"application": application, "form": form}
    return render(request, "job_tracker/interviews/form.html", context, status=status)


@login_required
@require_POST
def interview_cancel(request, pk):
    interview = selectors.interview_get_for_user(user=request.user, pk=pk)
    services.interview_cancel(interview=interview)
    messages.success(request, _("Interview cancelled; subscribed calendars will show it as cancelled."))
    return redirect("job_tracker:application", pk=interview.application_id)


@login_required
@require_POST
def interview_delete(request, pk):
    interview = selectors.interview_get_for_user(user=request.user, pk=pk)
    services.interview_delete(interview=interview)
    messages.success(request, _("Interview deleted."))
    return redirect("job_tracker:application", pk=interview.application_id)


@login_required
@require_safe
def interview_ics(request, pk):
    interview = selectors.interview_get_for_user(user=request.user, pk=pk)
    return _ics_response(interviews_calendar([interview]), f"interview-{interview.pk}.ics", attachment=True)


@require_safe
def calendar_feed(request, token):
    """The user's interviews for calendar apps; the secret token is the credential."""
    user = selectors.user_for_calendar_token(token)
    if user is None:
        raise Http404("No calendar at this address (it may have been revoked).")
    body = interviews_calendar(selectors.calendar_interviews(user=user))
    return _ics_response(body, "resumate-interviews.ics", attachment=False)
