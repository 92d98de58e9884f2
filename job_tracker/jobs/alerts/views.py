"""Saved search pages: the list, "Save this search" from the job board, delete, and the unsubscribe link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from rest_framework.exceptions import ValidationError

from job_tracker.models import SavedSearch
from resumate.web import add_service_errors

from . import selectors
from .emails import search_id_from_token
from .forms import SavedSearchForm
from .services import saved_search_create, saved_search_delete, saved_search_unsubscribe


@login_required
@require_http_methods(["GET", "POST"])
def saved_searches(request):
    form = SavedSearchForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            search = saved_search_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request,
                _("Saved “%(name)s”. New matching postings will be e-mailed to you.") % {"name": search.name},
            )
            return redirect("job_tracker:saved-searches")
    searches = list(selectors.saved_search_list(user=request.user))
    return render(request, "job_tracker/jobs/saved_searches.html", {"searches": searches, "form": form})


@login_required
@require_POST
def saved_search_delete_view(request, pk):
    search = selectors.saved_search_get(user=request.user, pk=pk)
    saved_search_delete(saved_search=search)
    messages.success(request, _("Deleted “%(name)s”.") % {"name": search.name})
    return redirect("job_tracker:saved-searches")


@csrf_exempt  # the signed token is the credential; mail clients' one-click POST carries no CSRF token
@require_http_methods(["GET", "POST"])
def saved_search_unsubscribe_view(request, token):
    search_id = search_id_from_token(token)
    search = SavedSearch.objects.select_related("user").filter(pk=search_id).first() if search_id else None
    if search is None:
        return render(request, "job_tracker/jobs/alert_unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        saved_search_unsubscribe(saved_search=search)
        done = True
    return render(request, "job_tracker/jobs/alert_unsubscribe.html", {"done": done, "search": search})
