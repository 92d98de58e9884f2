"""Reads for integrations, shared by the API, the pages, the admin and the tasks."""

from django.db.models import QuerySet

from .models import Integration, WebhookLog


def integrations_for(*, user) -> QuerySet[Integration]:
    return Integration.objects.filter(user=user)


def active_integration_for_hook(*, hook_id) -> Integration | None:
    """The live integration behind a webhook URL; none for a paused one or a deleted account's."""
    return (
        Integration.objects.select_related("user")
        .filter(hook_id=hook_id, is_active=True, user__is_active=True)
        .first()
    )


def logs_for(*, integration) -> QuerySet[WebhookLog]:
    """Newest first; the payload is left out of lists (it can be large)."""
    return WebhookLog.objects.filter(integration=integration).defer("payload").order_by("-received_at", "-id")
