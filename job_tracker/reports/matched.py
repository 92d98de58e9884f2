"""postings_matched: postings first seen in the user's week that fit their resume.

Scored with the shared matcher (``job_tracker.jobs.matching``); profiles for the
whole batch come from ``build_profiles`` in two queries.
"""

from job_tracker.jobs.matching import build_profiles, score_posting
from job_tracker.models import JobPosting

# A posting "matches" at this score (0-100) or above: e.g. every required skill, or
# half of them plus a matching title.
MATCH_THRESHOLD = 60


def count_matched_postings(*, users, windows) -> dict[int, int]:
    """Per user id: postings first seen within ``windows[user_id]`` (start, end) scoring >= MATCH_THRESHOLD.

    One query for the postings of the widest window; two more for the profiles when there are any.
    """
    if not windows:
        return {}
    earliest = min(start for start, _ in windows.values())
    latest = max(end for _, end in windows.values())
    postings = list(
        JobPosting.objects.filter(first_seen_at__gte=earliest, first_seen_at__lt=latest)
        .order_by()
        .only("id", "title", "location", "remote", "skills_required", "first_seen_at")
    )
    if not postings:
        return {}
    profiles = build_profiles(users=[u for u in users if u.pk in windows])
    counts = {}
    for uid, profile in profiles.items():
        start, end = windows[uid]
        counts[uid] = sum(
            1
            for posting in postings
            if start <= posting.first_seen_at < end
            and score_posting(profile, posting).score >= MATCH_THRESHOLD
        )
    return counts
