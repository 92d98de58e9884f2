from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from accounts.models import User
from accounts.tasks import erase_deleted_accounts


def erase_after_grace(user) -> None:
    """Move a deleted account's deletion past the grace period and run the daily erasure task."""
    past = timezone.now() - timedelta(days=settings.ACCOUNT_DELETION_GRACE_DAYS, minutes=1)
    User.objects.filter(pk=user.pk, deletion_requested_at__isnull=False).update(deletion_requested_at=past)
    erase_deleted_accounts.delay()
