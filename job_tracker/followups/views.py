"""Job tracker settings page (reminders, follow-ups, calendar feed) and the follow-up actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.exceptions import ValidationError

from job_tracker.applications import selectors as application_selectors
from resumate.web import add_service_errors, is_htmx

from . import selectors, services
from .forms import SnoozeForm, TrackerSettingsForm
from .panels import follow_up_panel


@login_required
def tracker_settings(request):
    current = selectors.tracker_settings(user=request.user)
    form = TrackerSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.tracker_settings_update(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect("job_tracker:tracker-settings")
    feed_url = None
    if current.calendar_token:
        feed_url = request.build_absolute_uri(
            reverse("job_tracker:calendar-feed", args=[current.calendar_token])
        )
    context = {"form": form, "feed_url": feed_url}
    return render(request, "job_tracker/followups/settings.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def calendar_rotate(request):
    services.calendar_token_rotate(user=request.user)
    messages.success(request, _("Your calendar address is ready. Any earlier address no longer works."))
    return redirect("job_tracker:tracker-settings")


@login_required
@require_POST
def calendar_revoke(request):
    services.calendar_token_revoke(user=request.user)
    messages.success(request, _("Calendar feed turned off."))
    return redirect("job_tracker:tracker-settings")


def _after(request):
    if is_htmx(request):
        context = follow_up_panel(request)
        return render(request, "job_tracker/followups/_list.html", context)
    return redirect("accounts:dashboard")


@login_required
@require_POST
def follow_up_snooze(request, pk):
    application = application_selectors.application_get(user=request.user, pk=pk)
    form = SnoozeForm(request.POST)
    days = form.cleaned_data.get("days") if form.is_valid() else None
    services.follow_up_snooze(application=application, days=days or services.SNOOZE_DAYS)
    if not is_htmx(request):
        messages.success(request, _("Snoozed %(application)s.") % {"application": application})
    return _after(request)


@login_required
@require_POST
def follow_up_done(request, pk):
    application = application_selectors.application_get(user=request.user, pk=pk)
    services.follow_up_done(application=application)
    if not is_htmx(request):
        messages.success(request, _("Marked %(application)s as followed up.") % {"application": application})
    return _after(request)
