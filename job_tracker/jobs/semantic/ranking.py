"""The blended ranking: the explainable skill score, reranked by similarity of meaning.

``matching.recommendations`` picks the skill-based top ``JOB_SEMANTIC_CANDIDATES``
(its bounded column scan); only those are compared with the user's resume
vector, so the cost stays flat as postings grow. The blend:

    score = (1 - w) x skill score + w x 100 x max(0, cosine)    (w = JOB_SEMANTIC_WEIGHT)

and each result says why: "skills 7/9 · similar wording 0.71".
"""

from dataclasses import dataclass, field

import numpy as np
from django.conf import settings
from django.utils.translation import gettext

from job_tracker.jobs.matching import Match, MatchProfile, recommendations, score_posting
from job_tracker.models import JobPosting
from resumes.selectors import auto_resume, skill_list

from .index import LoadedIndex, current_index, posting_document


@dataclass
class RankedMatch:
    score: int
    skill_score: int
    matched: list[str]
    missing: list[str]
    similarity: float | None = None
    extra: dict = field(default_factory=dict)

    @property
    def reason(self) -> str:
        required = len(self.matched) + len(self.missing)
        parts = [
            gettext("skills %(matched)s/%(required)s") % {"matched": len(self.matched), "required": required}
        ]
        if self.similarity is not None:
            parts.append(gettext("similar wording %(similarity).2f") % {"similarity": self.similarity})
        return " · ".join(parts)


def blend(skill_score: int, similarity: float | None, *, weight: float | None = None) -> int:
    if similarity is None:
        return skill_score
    weight = settings.JOB_SEMANTIC_WEIGHT if weight is None else weight
    return max(0, min(100, round((1 - weight) * skill_score + weight * 100 * max(0.0, similarity))))


def resume_text(content, skill_names=()) -> str:
    """The words of a resume that say what the person does: titles, summaries, highlights, skills."""
    content = content if isinstance(content, dict) else {}
    basics = content.get("basics") if isinstance(content.get("basics"), dict) else {}
    parts = [basics.get("label"), basics.get("summary")]
    for section in ("work", "projects", "volunteer"):
        for entry in content.get(section) or []:
            if isinstance(entry, dict):
                parts += [
                    entry.get("position") or entry.get("name"),
                    entry.get("summary") or entry.get("description"),
                ]
                parts += [h for h in entry.get("highlights") or [] if isinstance(h, str)]
    for group in content.get("skills") or []:
        if isinstance(group, dict):
            parts += [k for k in group.get("keywords") or [] if isinstance(k, str)]
    parts += list(skill_names)
    return "\n".join(p for p in parts if isinstance(p, str) and p.strip())


def profile_vector(index: LoadedIndex | None, *, title: str, text: str) -> np.ndarray | None:
    if index is None or not text.strip():
        return None
    vector = index.embed([posting_document(title, text)])[0]
    return vector if np.any(vector) else None


def user_vector(*, user, index, resume=None) -> np.ndarray | None:
    """The user's resume (``resume``, or their auto resume) as a meaning vector; two queries."""
    resume = resume or auto_resume(user=user)
    skill_names = list(skill_list(user=user).values_list("name", flat=True))
    return vector_from(index, user=user, content=resume.content if resume else {}, skill_names=skill_names)


def vector_from(index: LoadedIndex, *, user, content, skill_names) -> np.ndarray | None:
    """``user_vector`` from content and skill names already loaded (no queries)."""
    basics = (
        content.get("basics") if isinstance(content, dict) and isinstance(content.get("basics"), dict) else {}
    )
    return profile_vector(
        index, title=str(basics.get("label") or user.headline or ""), text=resume_text(content, skill_names)
    )


def posting_vectors(index: LoadedIndex, postings) -> np.ndarray:
    """Each posting's stored vector, or one computed now when it is missing or from an older index."""
    rows = np.zeros((len(postings), index.model.dimensions))
    stale = []
    for i, posting in enumerate(postings):
        if (
            posting.embedding_index == index.pk
            and posting.embedding
            and len(posting.embedding) == rows.shape[1]
        ):
            rows[i] = posting.embedding
        else:
            stale.append(i)
    if stale:
        fresh = index.embed(
            [
                posting_document(postings[i].title, postings[i].description, postings[i].skills_required)
                for i in stale
            ]
        )
        rows[stale] = fresh
    return rows


def rank(
    *,
    profile: MatchProfile | None,
    vector,
    index,
    postings,
    matches: dict[int, Match] | None = None,
    weight=None,
) -> list[tuple[JobPosting, RankedMatch]]:
    """``postings`` with their blended matches, best first (ties: the skill order they came in)."""
    postings = list(postings)
    similarities = [None] * len(postings)
    if vector is not None and index is not None and postings:
        similarities = [float(s) for s in posting_vectors(index, postings) @ vector]
    ranked = []
    for position, (posting, similarity) in enumerate(zip(postings, similarities, strict=True)):
        match = (matches or {}).get(posting.pk) or score_posting(profile, posting)
        ranked.append(
            (
                position,
                posting,
                RankedMatch(
                    score=blend(match.score, similarity, weight=weight),
                    skill_score=match.score,
                    matched=match.matched,
                    missing=match.missing,
                    similarity=None if similarity is None else round(similarity, 2),
                ),
            )
        )
    ranked.sort(key=lambda row: (-row[2].score, row[0]))
    return [(posting, match) for _, posting, match in ranked]


def blended_matches(*, user, profile: MatchProfile, postings) -> dict[int, RankedMatch]:
    """{posting id: blended match} for postings the caller has already chosen and ordered (a page).

    Queries: one for the index (plus one to load it the first time in a process),
    two for the resume vector when there is an index.
    """
    index = current_index()
    vector = user_vector(user=user, index=index) if index else None
    ranked = rank(profile=profile, vector=vector, index=index, postings=postings)
    return {posting.pk: match for posting, match in ranked}


def blended_recommendations(*, user, limit=20, resume=None) -> list[tuple[JobPosting, RankedMatch]]:
    """The skill-based top candidates reranked by meaning; bounded queries whatever the postings.

    Queries: four for the skill ranking, one for the index (plus one to load it the
    first time in a process), two for the resume vector.
    """
    candidates = recommendations(user=user, limit=max(limit, settings.JOB_SEMANTIC_CANDIDATES))
    index = current_index()
    vector = user_vector(user=user, index=index, resume=resume) if index else None
    ranked = rank(
        profile=None,  # every candidate already has its skill match
        vector=vector,
        index=index,
        postings=[p for p, _ in candidates],
        matches={p.pk: m for p, m in candidates},
    )
    return ranked[:limit]
