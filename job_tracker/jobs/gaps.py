"""Skill gaps and career paths for a target role.

Target postings: the active postings a saved search finds, or those whose
title holds every word of a job title (the newest ``TARGET_POSTINGS``). For
each skill the user lacks: how many of them learning it would lift to
``GOOD_MATCH`` or above, and how many match points it adds on average
("Terraform: +14 postings above 70%"). Career paths: titles across all active
postings grouped by their words (seniority dropped), with the median match.
A fixed number of queries whatever the number of postings.
"""

import dataclasses
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q

from job_tracker.models import JobPosting

from .alerts.services import search_postings
from .matching import SCAN_CHUNK, MatchProfile, build_profile, score_posting, title_words

GOOD_MATCH = 70
TARGET_POSTINGS = 500
TOP_SKILLS = 15
TOP_ROLES = 8
MIN_ROLE_POSTINGS = 2


@dataclass
class SkillGap:
    skill: str
    postings: int  # target postings requiring it
    unlocks: int  # postings it would lift to GOOD_MATCH or above
    points: float  # average match points it adds where required

    @property
    def label(self) -> str:
        return f"{self.skill}: +{self.unlocks} postings above {GOOD_MATCH}%"


@dataclass
class CareerPath:
    title: str
    postings: int
    median_match: float


@dataclass
class GapReport:
    target: str
    postings: int
    above: int  # target postings already at GOOD_MATCH or above
    median_match: float | None
    gaps: list[SkillGap]
    paths: list[CareerPath]


def target_postings(*, saved_search=None, title: str = ""):
    queryset = JobPosting.objects.filter(is_active=True)
    if saved_search is not None:
        queryset = search_postings(saved_search, queryset)
    else:
        for word in re.findall(r"[^\W_]+(?:[+#]+)?", title)[:8]:
            queryset = queryset.filter(Q(title__icontains=word))
    return queryset.order_by("-published_at", "-id").only(
        "id", "title", "location", "remote", "skills_required", "published_at"
    )[:TARGET_POSTINGS]


def _with_skill(profile: MatchProfile, skill: str) -> MatchProfile:
    return dataclasses.replace(profile, skills={**profile.skills, skill.lower(): skill})


def skill_gaps(profile: MatchProfile, postings) -> tuple[list[SkillGap], list[int]]:
    """Missing skills ranked by postings unlocked, then points; and every posting's current score."""
    scores, stats = [], defaultdict(lambda: [0, 0, 0.0])
    boosted = {}
    for posting in postings:
        match = score_posting(profile, posting)
        scores.append(match.score)
        for skill in match.missing:
            if skill not in boosted:
                boosted[skill] = _with_skill(profile, skill)
            lifted = score_posting(boosted[skill], posting).score
            entry = stats[skill]
            entry[0] += 1
            entry[1] += int(match.score < GOOD_MATCH <= lifted)
            entry[2] += lifted - match.score
    gaps = [
        SkillGap(skill=skill, postings=count, unlocks=unlocks, points=round(points / count, 1))
        for skill, (count, unlocks, points) in stats.items()
    ]
    gaps.sort(key=lambda g: (-g.unlocks, -g.points * g.postings, g.skill.lower()))
    return gaps[:TOP_SKILLS], scores


def _role_key(title: str) -> str:
    # Numbers (req ids, "2026") say nothing about the role.
    return " ".join(sorted(w for w in title_words(title or "") if not w.isdigit()))


def career_paths(profile: MatchProfile) -> list[CareerPath]:
    """Roles across the active postings, closest first (one streamed query)."""
    groups = defaultdict(lambda: {"scores": [], "titles": defaultdict(int)})
    rows = (
        JobPosting.objects.filter(is_active=True)
        .order_by()
        .values_list("title", "location", "remote", "skills_required")
        .iterator(chunk_size=SCAN_CHUNK)
    )
    for title, location, remote, skills in rows:
        key = _role_key(title)
        if not key:
            continue
        posting = JobPosting(title=title, location=location, remote=remote, skills_required=skills)
        groups[key]["scores"].append(score_posting(profile, posting).score)
        groups[key]["titles"][re.sub(r"\s+", " ", title).strip()] += 1
    paths = []
    for group in groups.values():
        if len(group["scores"]) < MIN_ROLE_POSTINGS:
            continue
        name = max(group["titles"].items(), key=lambda item: (item[1], -len(item[0])))[0]
        paths.append(
            CareerPath(
                title=name, postings=len(group["scores"]), median_match=statistics.median(group["scores"])
            )
        )
    paths.sort(key=lambda p: (-p.median_match, -p.postings, p.title))
    return paths[:TOP_ROLES]


def gap_report(*, user, saved_search=None, title: str = "") -> GapReport:
    """The gaps and paths for ``user`` toward a saved search or a job title (five queries)."""
    profile = build_profile(user=user)
    postings = list(target_postings(saved_search=saved_search, title=title))
    gaps, scores = skill_gaps(profile, postings)
    return GapReport(
        target=saved_search.name if saved_search is not None else title,
        postings=len(postings),
        above=sum(1 for s in scores if s >= GOOD_MATCH),
        median_match=statistics.median(scores) if scores else None,
        gaps=gaps,
        paths=career_paths(profile),
    )
