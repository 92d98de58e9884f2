"""The labelled evaluation set for ranking: 42 postings and 3 profiles with hand-graded relevance (0-3).

Grades: 3 = the job the person is looking for, 2 = a good fit, 1 = related,
0 (or absent) = not for them. ``evaluate`` ranks every posting for every
profile twice, by the skill score alone and by the blend, and reports the
mean NDCG@10. It runs in memory (no database): the same code paths the app
uses for scoring (``matching.score_posting``), skills (ingestion's extraction)
and vectors (``semantic.vectors``), with the index fitted on these postings.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings

from job_tracker.jobs.matching import profile_from, score_posting
from job_tracker.jobs.semantic.ranking import blend, resume_text
from job_tracker.jobs.semantic.vectors import LSAModel, document
from job_tracker.models import JobPosting
from resumes.skills import extract_skills

HERE = Path(__file__).parent
K = 10


def load():
    postings = json.loads((HERE / "postings.json").read_text(encoding="utf-8"))
    profiles = json.loads((HERE / "profiles.json").read_text(encoding="utf-8"))
    return postings, profiles


def ndcg(ranked_ids, relevance, k=K) -> float:
    gains = [relevance.get(pid, 0) for pid in ranked_ids[:k]]
    dcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sorted(relevance.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


@dataclass
class Evaluation:
    skills: dict[str, float]
    blend: dict[str, float]

    @property
    def skills_mean(self) -> float:
        return sum(self.skills.values()) / len(self.skills)

    @property
    def blend_mean(self) -> float:
        return sum(self.blend.values()) / len(self.blend)


def posting_rows(postings) -> list[JobPosting]:
    return [
        JobPosting(
            external_id=p["id"],
            title=p["title"],
            location=p["location"],
            remote=p["remote"],
            description=p["description"],
            skills_required=extract_skills(f"{p['title']}\n{p['description']}"),
        )
        for p in postings
    ]


def evaluate(*, weight: float | None = None, dimensions: int | None = None) -> Evaluation:
    """Mean NDCG@10 per profile for skills alone and for the blend (ties keep the file's order)."""
    weight = settings.JOB_SEMANTIC_WEIGHT if weight is None else weight
    postings, profiles = load()
    rows = posting_rows(postings)
    model = LSAModel.fit(
        [document(r.title, r.description, r.skills_required) for r in rows],
        dimensions=dimensions or settings.JOB_SEMANTIC_DIMENSIONS,
    )
    vectors = model.embed([document(r.title, r.description, r.skills_required) for r in rows])
    skills, blended = {}, {}
    for profile_data in profiles:
        user = SimpleNamespace(headline=profile_data["headline"], location=profile_data["location"])
        content = profile_data["resume"]
        profile = profile_from(user=user, content=content, skill_names=[])
        label = content["basics"].get("label", "")
        me = model.embed([document(label, resume_text(content))])[0]
        scored = []
        for position, (row, vector) in enumerate(zip(rows, vectors, strict=True)):
            skill_score = score_posting(profile, row).score
            similarity = float(vector @ me)
            scored.append(
                (skill_score, blend(skill_score, similarity, weight=weight), position, row.external_id)
            )
        by_skills = [pid for *_, pid in sorted(scored, key=lambda s: (-s[0], s[2]))]
        by_blend = [pid for *_, pid in sorted(scored, key=lambda s: (-s[1], -s[0], s[2]))]
        skills[profile_data["name"]] = ndcg(by_skills, profile_data["relevance"])
        blended[profile_data["name"]] = ndcg(by_blend, profile_data["relevance"])
    return Evaluation(skills=skills, blend=blended)
