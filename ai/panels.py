"""The AI panel on the dashboard."""

from datetime import timedelta

from django.db.models import Count, Sum
from django.utils import timezone

from . import limits
from .models import AIRequest
from .selectors import active_models


def dashboard_panel(request) -> dict:
    """The dashboard's AI panel: this week's usage and what is left today of each usable model."""
    user = request.user
    week = AIRequest.objects.filter(user=user, created_at__gte=timezone.now() - timedelta(days=7)).aggregate(
        requests=Count("id"), prompt=Sum("prompt_tokens"), completion=Sum("completion_tokens")
    )
    subject = limits.quota_subject(user=user, client_ip=None)
    return {
        "week": week["requests"],
        "tokens": (week["prompt"] or 0) + (week["completion"] or 0),
        "models": [
            {"name": m.display_name, "remaining": limits.quota_remaining(m, subject)}
            for m in active_models()
            if m.is_available
        ],
    }
