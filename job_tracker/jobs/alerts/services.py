"""Saved searches: create / delete, collect new matching postings after a scrape, send the alert e-mails.

A posting is announced at most once per search (``saved_search_posting_once``);
sending locks the search row, so a redelivered task finds nothing pending.
Each user gets at most ``SAVED_SEARCH_WEEKLY_LIMIT`` postings a rolling week
across their searches; the rest of a batch is dropped, never sent later.
"""

import logging
from collections import defaultdict
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from job_tracker.jobs.filters import JobPostingFilter
from job_tracker.jobs.matching import build_profiles, resume_data
from job_tracker.jobs.semantic.index import current_index
from job_tracker.jobs.semantic.ranking import rank, vector_from
from job_tracker.models import JobPosting, SavedSearch, SavedSearchMatch

from .emails import build_alert_email

logger = logging.getLogger(__name__)

MAX_SAVED_SEARCHES = 50
FIELDS = ("name", "q", "location", "remote", "source", "min_score", "frequency", "alerts_enabled")


def search_filters(saved_search: SavedSearch) -> dict:
    """The job board's query parameters for this search."""
    data = {"q": saved_search.q, "location": saved_search.location, "remote": saved_search.remote}
    if saved_search.source_id:
        data["source"] = str(saved_search.source_id)
    return {k: v for k, v in data.items() if v}


def search_postings(saved_search: SavedSearch, queryset):
    """``queryset`` narrowed exactly as the job board narrows it for the same search."""
    job_filter = JobPostingFilter(search_filters(saved_search), queryset=queryset)
    return job_filter.qs if job_filter.is_valid() else queryset.none()


@transaction.atomic
def saved_search_create(*, user, **fields) -> SavedSearch:
    """A new saved search for ``user``; DRF field errors and nothing written on bad input."""
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"Not settable: {', '.join(sorted(unknown))}")
    if SavedSearch.objects.filter(user=user).count() >= MAX_SAVED_SEARCHES:
        raise ValidationError(
            {"name": [gettext("You can keep at most %(n)s saved searches.") % {"n": MAX_SAVED_SEARCHES}]}
        )
    saved_search = SavedSearch(user=user, **fields)
    if not saved_search.name:
        saved_search.name = (saved_search.q or saved_search.location or "All jobs")[:120]
    try:
        saved_search.full_clean(exclude=["user", "source"])
    except DjangoValidationError as exc:
        raise ValidationError(exc.message_dict) from exc
    saved_search.save()
    return saved_search


def saved_search_delete(*, saved_search: SavedSearch) -> None:
    saved_search.delete()


def saved_search_unsubscribe(*, saved_search: SavedSearch) -> bool:
    """Turn the search's e-mails off; False when they already were."""
    if not saved_search.alerts_enabled:
        return False
    saved_search.alerts_enabled = False
    saved_search.save(update_fields=["alerts_enabled", "updated_at"])
    return True


def collect_new_matches(*, source_id: int, seen_at) -> dict[int, int]:
    """Match the postings a scrape of ``source_id`` first saw at ``seen_at`` against every saved search.

    New matches at or above a search's ``min_score`` (the blended score the board
    shows) are stored pending; returns {search id: new matches}. Idempotent: the
    unique pair makes a second run add nothing.
    """
    new_postings = JobPosting.objects.filter(source_id=source_id, first_seen_at__gte=seen_at, is_active=True)
    if not new_postings.exists():
        return {}
    searches = list(
        SavedSearch.objects.filter(alerts_enabled=True, user__is_active=True)
        .filter(Q(source__isnull=True) | Q(source_id=source_id))
        .select_related("user")
        .order_by("user_id", "pk")
    )
    if not searches:
        return {}
    by_user = defaultdict(list)
    for search in searches:
        by_user[search.user_id].append(search)
    # Queries: a fixed few, plus one per search for its filters; none per user or per posting.
    users = [group[0].user for group in by_user.values()]
    data = resume_data(users=users)
    profiles = build_profiles(users=users, data=data)
    index = current_index()
    candidates = new_postings.select_related("source")
    rows, added = [], {}
    for user_id, group in by_user.items():
        vector = (
            vector_from(index, user=group[0].user, content=data[0].get(user_id) or {},
                        skill_names=data[1].get(user_id, []))
            if index
            else None
        )  # fmt: skip
        for search in group:
            postings = list(search_postings(search, candidates))
            ranked = rank(profile=profiles[user_id], vector=vector, index=index, postings=postings)
            matches = [
                SavedSearchMatch(
                    saved_search=search, posting=posting, score=match.score, reason=match.reason[:200]
                )
                for posting, match in ranked
                if match.score >= search.min_score
            ]
            if matches:
                added[search.pk] = len(matches)
            rows += matches
    SavedSearchMatch.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return added


def weekly_allowance(*, user_id, now) -> int:
    sent = SavedSearchMatch.objects.filter(
        saved_search__user_id=user_id, state=SavedSearchMatch.State.SENT, sent_at__gte=now - timedelta(days=7)
    ).count()
    return max(0, settings.SAVED_SEARCH_WEEKLY_LIMIT - sent)


@transaction.atomic
def saved_search_send(*, saved_search_id: int, now=None) -> int:
    """E-mail the search's pending matches (best first, within the weekly allowance); how many were sent.

    The search row is locked for the whole send: two workers cannot both send
    the same matches. If the mail server fails, the transaction rolls back and
    the matches stay pending for the retry.
    """
    now = now or timezone.now()
    search = (
        SavedSearch.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=saved_search_id, alerts_enabled=True, user__is_active=True)
        .first()
    )
    if search is None:
        return 0
    pending = list(
        search.matches.filter(state=SavedSearchMatch.State.PENDING)
        .select_related("posting__source")
        .order_by("-score", "pk")
    )
    if not pending:
        return 0
    live = [m for m in pending if m.posting.is_active]
    allowance = weekly_allowance(user_id=search.user_id, now=now)
    to_send, dropped = live[:allowance], [m for m in pending if m not in live[:allowance]]
    if to_send and search.user.email:
        build_alert_email(saved_search=search, matches=to_send).send()
        SavedSearchMatch.objects.filter(pk__in=[m.pk for m in to_send]).update(
            state=SavedSearchMatch.State.SENT, sent_at=now
        )
        search.last_sent_at = now
        search.save(update_fields=["last_sent_at", "updated_at"])
    else:
        dropped = pending
        to_send = []
    if dropped:
        SavedSearchMatch.objects.filter(pk__in=[m.pk for m in dropped]).update(
            state=SavedSearchMatch.State.DROPPED
        )
    return len(to_send)


def searches_with_pending(*, frequency: str) -> list[int]:
    """Searches of this alert frequency with something to send (a deleted account's wait, unsent)."""
    return list(
        SavedSearch.objects.filter(
            alerts_enabled=True,
            frequency=frequency,
            matches__state=SavedSearchMatch.State.PENDING,
            user__is_active=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )
