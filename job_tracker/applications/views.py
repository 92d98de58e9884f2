"""Server-rendered application pages: kanban board, list, detail, recently deleted."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from rest_framework.exceptions import ValidationError

from job_tracker.contacts import selectors as contact_selectors
from job_tracker.interviews import selectors as interview_selectors
from job_tracker.models import ApplicationStatus
from resumate.web import add_service_errors, is_htmx, paginate

from . import selectors, services
from .filters import ApplicationPageFilter
from .forms import ApplicationForm, MoveForm, NotesForm


def _board_context(user, **extra) -> dict:
    columns = selectors.application_board(user=user)
    for column in columns:
        # Every card in a column shares its status, so its <option>s render once per column.
        column["options"] = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (value, " selected" if value == column["status"] else "", label)
                for value, label in ApplicationStatus.choices
            ),
        )
    return {"columns": columns, **extra}


@login_required
def board(request):
    return render(request, "job_tracker/applications/board.html", _board_context(request.user))


@login_required
@require_POST
def application_move(request, pk):
    """Move a card to another column; htmx gets the board back, plain forms a redirect."""
    application = selectors.application_get(user=request.user, pk=pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        if is_htmx(request):
            context = _board_context(request.user, error=_("Unknown status."))
            return render(request, "job_tracker/applications/_board.html", context, status=400)
        messages.error(request, _("Unknown status."))
        return redirect("job_tracker:board")
    event = services.application_change_status(
        application=application, status=form.cleaned_data["status"], note=form.cleaned_data["note"]
    )
    if is_htmx(request):
        context = _board_context(request.user, moved=application if event else None)
        return render(request, "job_tracker/applications/_board.html", context)
    if event:
        messages.success(
            request,
            _("%(application)s moved to %(status)s.")
            % {"application": application, "status": application.get_status_display()},
        )
    if request.POST.get("next") == "detail":
        return redirect("job_tracker:application", pk=application.pk)
    return redirect("job_tracker:board")


@login_required
def application_list(request):
    filterset = ApplicationPageFilter(request.GET, queryset=selectors.application_list(user=request.user))
    valid = filterset.is_valid()
    queryset = filterset.qs if valid else filterset.queryset.none()
    page = paginate(request, queryset)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"filter": filterset, "page": page, "query": query.urlencode()}
    return render(request, "job_tracker/applications/list.html", context, status=200 if valid else 400)


@login_required
def application_detail(request, pk):
    application = selectors.application_get(user=request.user, pk=pk)
    context = {
        "application": application,
        "events": selectors.application_events(application=application),
        "notes_form": NotesForm(initial={"notes": application.notes}),
        "statuses": ApplicationStatus.choices,
        "interviews": interview_selectors.interview_list(application=application),
        "contacts": application.contacts.order_by("name"),
        "company": contact_selectors.company_for_name(user=request.user, name=application.company_name),
    }
    return render(request, "job_tracker/applications/detail.html", context)


@login_required
@require_POST
def application_notes(request, pk):
    """Save notes inline (htmx) from the detail page."""
    application = selectors.application_get(user=request.user, pk=pk)
    form = NotesForm(request.POST)
    saved = False
    if form.is_valid():
        services.application_update(application=application, notes=form.cleaned_data["notes"])
        saved = True
    if not is_htmx(request):
        return redirect("job_tracker:application", pk=application.pk)
    context = {"application": application, "notes_form": form, "saved": saved}
    return render(request, "job_tracker/applications/_notes.html", context, status=200 if saved else 400)


def _save_form(request, form, *, application=None):
    """Run the service for a valid form; returns the application or None (errors added to the form)."""
    try:
        if application is None:
            return services.application_create(user=request.user, **form.service_fields())
        return services.application_update(application=application, **form.service_fields())
    except ValidationError as exc:
        add_service_errors(form, exc)
        return None


@login_required
def application_create(request):
    form = ApplicationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        application = _save_form(request, form)
        if application:
            messages.success(request, _("Added %(application)s.") % {"application": application})
            return redirect("job_tracker:application", pk=application.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "job_tracker/applications/form.html", {"form": form}, status=status)


@login_required
def application_edit(request, pk):
    # The form mutates its instance while validating; the service gets an untouched copy
    # so it can see the status change and record it.
    form = ApplicationForm(
        request.POST or None, instance=selectors.application_get(user=request.user, pk=pk), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        application = _save_form(
            request, form, application=selectors.application_get(user=request.user, pk=pk)
        )
        if application:
            messages.success(request, _("Saved."))
            return redirect("job_tracker:application", pk=application.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "job_tracker/applications/form.html",
        {"form": form, "application": form.instance},
        status=status,
    )


@login_required
@require_POST
def application_delete(request, pk):
    application = services.application_soft_delete(
        application=selectors.application_get(user=request.user, pk=pk)
    )
    messages.success(
        request,
        _("Deleted %(application)s. You can restore it from Recently deleted.")
        % {"application": application},
    )
    return redirect("job_tracker:board")


@login_required
def deleted_list(request):
    page = paginate(request, selectors.deleted_application_list(user=request.user))
    return render(request, "job_tracker/applications/deleted.html", {"page": page})


@login_required
@require_POST
def application_restore(request, pk):
    application = services.application_restore(
        application=selectors.deleted_application_get(user=request.user, pk=pk)
    )
    messages.success(request, _("Restored %(application)s.") % {"application": application})
    return redirect("job_tracker:application", pk=application.pk)
