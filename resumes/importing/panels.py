"""The dashboard's first panel for a new user: import what they already have."""

from ..models import Achievement


def import_panel(request) -> dict:
    return {"show": not Achievement.objects.filter(user=request.user).exists()}
