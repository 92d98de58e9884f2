"""Reads for share links, comments and public profiles."""

import datetime as dt

from django.db.models import Max, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from resumes.models import Resume

from . import tokens
from .models import PublicProfile, ShareComment, ShareLink, ShareLinkDailyCount

DAILY_WINDOW_DAYS = 90


def _with_counts(qs: QuerySet[ShareLink]) -> QuerySet[ShareLink]:
    return qs.annotate(
        views=Coalesce(Sum("daily_counts__views"), Value(0)),
        downloads=Coalesce(Sum("daily_counts__downloads"), Value(0)),
        last_viewed_on=Max("daily_counts__date"),
    )


def share_links_for_resume(*, resume: Resume) -> QuerySet[ShareLink]:
    """The resume's links with their total views, downloads and last day seen; newest first."""
    return _with_counts(ShareLink.objects.filter(resume=resume)).order_by("-created_at", "-id")


def share_links_for_user(*, user) -> QuerySet[ShareLink]:
    return _with_counts(ShareLink.objects.filter(resume__user=user)).order_by("-created_at", "-id")


def daily_counts(*, link: ShareLink, days: int = DAILY_WINDOW_DAYS) -> QuerySet[ShareLinkDailyCount]:
    since = timezone.localdate() - dt.timedelta(days=days - 1)
    return ShareLinkDailyCount.objects.filter(link=link, date__gte=since).order_by("date")


def recent_daily_counts(*, resume: Resume, days: int) -> QuerySet[ShareLinkDailyCount]:
    """Every link's daily rows of the last ``days`` days, in one query."""
    since = timezone.localdate() - dt.timedelta(days=days - 1)
    return ShareLinkDailyCount.objects.filter(link__resume=resume, date__gte=since)


def is_live(link: ShareLink, *, now=None) -> bool:
    now = now or timezone.now()
    return link.revoked_at is None and (link.expires_at is None or link.expires_at > now)


def live_link_for_token(*, token: str) -> ShareLink | None:
    """The link this token opens, with its resume and owner; None when unknown, revoked or expired."""
    if not token or len(token) > 100:
        return None
    link = (
        ShareLink.objects.select_related("resume", "resume__user")
        .filter(token_hash=tokens.token_hash(token), resume__user__is_active=True)
        .first()
    )
    return link if link is not None and is_live(link) else None


def comments_for_resume(*, resume: Resume) -> QuerySet[ShareComment]:
    return ShareComment.objects.filter(link__resume=resume).order_by("-created_at", "-id")


def public_profile_of(*, user) -> PublicProfile:
    """The user's profile, or an unsaved one with the defaults (off) when they never set it."""
    return PublicProfile.objects.filter(user=user).select_related("resume").first() or PublicProfile(
        user=user
    )


def published_profile(*, slug: str) -> PublicProfile | None:
    if not slug or len(slug) > 40:
        return None
    return (
        PublicProfile.objects.select_related("user", "resume")
        .filter(slug=slug.lower(), published=True, user__is_active=True)
        .first()
    )
