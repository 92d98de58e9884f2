"""Reads of import drafts: owner-scoped, expired drafts invisible."""

from django.db.models import QuerySet
from django.utils import timezone

from .models import ImportDraft


def draft_list(*, user) -> QuerySet[ImportDraft]:
    return ImportDraft.objects.filter(user=user, expires_at__gt=timezone.now()).order_by("-created_at", "-id")


def draft_get(*, user, pk) -> ImportDraft | None:
    """The user's unexpired draft, or ``None`` (another user's id is simply absent)."""
    return draft_list(user=user).filter(pk=pk).first()
