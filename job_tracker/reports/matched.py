"""postings_matched: new postings in the user's week that fit their skills.

Stand-in until the shared matcher (``job_tracker.matching``) is merged: a
posting's score here is only the share of its ``skills_required`` that the
user lists among their skills (case-insensitive). Postings that name no
skills score 0, so this undercounts rather than invents matches.
"""

from collections import defaultdict

from job_tracker.models import JobPosting
from resumes.models import Skill

MATCH_THRESHOLD = 60


def skill_overlap_score(user_skills: set[str], required: list[str]) -> int:
    """0-100: the share of ``required`` found in ``user_skills`` (lower-cased names)."""
    wanted = {str(name).strip().lower() for name in required if str(name).strip()}
    if not wanted:
        return 0
    return round(100 * len(wanted & user_skills) / len(wanted))


def count_matched_postings(*, users, windows) -> dict[int, int]:
    """Per user id: postings first seen within ``windows[user_id]`` scoring >= MATCH_THRESHOLD.

    Two queries for the whole batch (postings of the widest window, skills of every user).
    """
    if not windows:
        return {}
    earliest = min(start for start, _ in windows.values())
    latest = max(end for _, end in windows.values())
    postings = list(
        JobPosting.objects.filter(first_seen_at__gte=earliest, first_seen_at__lt=latest)
        .exclude(skills_required=[])
        .values_list("first_seen_at", "skills_required")
    )
    if not postings:
        return {}
    skills = defaultdict(set)
    for uid, name in Skill.objects.filter(user_id__in=list(windows)).values_list("user_id", "name"):
        skills[uid].add(name.lower())
    counts = {}
    for uid, (start, end) in windows.items():
        mine = skills.get(uid)
        if not mine:
            continue
        counts[uid] = sum(
            1
            for seen, required in postings
            if start <= seen < end and skill_overlap_score(mine, required) >= MATCH_THRESHOLD
        )
    return counts
