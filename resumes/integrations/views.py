"""The Integrations page: connect a platform, see its secret once, watch the deliveries."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from rest_framework.exceptions import ValidationError

from resumate.web import is_htmx

from . import selectors, services
from .forms import IntegrationForm
from .platforms import generic, openbadges
from .serializers import webhook_url

RECENT_DELIVERIES = 20


def _owned(request, pk):
    return get_object_or_404(selectors.integrations_for(user=request.user), pk=pk)


def _detail_context(request, integration, *, secret=None):
    sample = (openbadges if integration.platform == "openbadges" else generic).sample_event()[1]
    return {
        "integration": integration,
        "webhook_url": webhook_url(request, integration),
        "secret": secret,
        "deliveries": selectors.logs_for(integration=integration)[:RECENT_DELIVERIES],
        "sample_body": json.dumps(sample, ensure_ascii=False, separators=(",", ":")),
    }


@login_required
def integrations(request):
    form = IntegrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        integration, secret = services.integration_create(user=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("“%(name)s” connected. Copy the secret now: it is shown only once.")
            % {"name": integration.name},
        )
        # Rendered, not redirected: the secret must not travel through the session or a URL.
        return render(
            request, "resumes/integrations/detail.html", _detail_context(request, integration, secret=secret)
        )
    context = {"form": form, "integrations": selectors.integrations_for(user=request.user)}
    return render(request, "resumes/integrations/list.html", context, status=400 if form.errors else 200)


@login_required
@require_GET
def integration_detail(request, pk):
    return render(request, "resumes/integrations/detail.html", _detail_context(request, _owned(request, pk)))


def _deliveries(request, integration):
    deliveries = selectors.logs_for(integration=integration)[:RECENT_DELIVERIES]
    return render(request, "resumes/integrations/_deliveries.html", {"deliveries": deliveries})


@login_required
@require_GET
def integration_deliveries(request, pk):
    return _deliveries(request, _owned(request, pk))


@login_required
@require_POST
def integration_test_event(request, pk):
    integration = _owned(request, pk)
    try:
        services.send_test_event(integration=integration)
    except ValidationError:
        messages.error(
            request, _("The secret can no longer be read (the server key changed): generate a new one.")
        )
        return redirect("resumes:integration-detail", pk=pk)
    if is_htmx(request):
        return _deliveries(request, integration)  # the refreshed list, swapped in by htmx
    messages.success(request, _("Test event sent."))
    return redirect("resumes:integration-detail", pk=pk)


@login_required
@require_POST
def integration_rotate_secret(request, pk):
    integration = _owned(request, pk)
    secret = services.integration_rotate_secret(integration=integration)
    messages.success(request, _("New secret generated; the old one no longer works. Copy it now."))
    return render(
        request, "resumes/integrations/detail.html", _detail_context(request, integration, secret=secret)
    )


@login_required
@require_POST
def integration_toggle(request, pk):
    integration = _owned(request, pk)
    services.integration_update(integration=integration, is_active=not integration.is_active)
    done = _("“%(name)s” activated.") if integration.is_active else _("“%(name)s” paused.")
    messages.success(request, done % {"name": integration.name})
    return redirect("resumes:integration-detail", pk=pk)


@login_required
@require_POST
def integration_delete(request, pk):
    integration = _owned(request, pk)
    services.integration_delete(integration=integration)
    messages.success(
        request, _("“%(name)s” disconnected; its achievements stay.") % {"name": integration.name}
    )
    return redirect(reverse("resumes:integrations"))
