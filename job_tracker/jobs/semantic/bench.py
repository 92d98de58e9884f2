"""Matching by meaning: NDCG@10 on the labelled evaluation set (blend vs skills alone), the refit
over the job benchmark's postings, and the blended recommendations vs the skill ranking alone."""

import time

from django.conf import settings

from accounts.tests.factories import UserFactory
from job_tracker.jobs.eval import evaluate
from job_tracker.jobs.matching import recommendations
from job_tracker.models import JobPosting
from resumate.bench import Result, timed
from resumes.models import Resume

from .index import current_index, semantic_index_refit
from .ranking import blended_recommendations


def _user():
    user = UserFactory()
    # Registration may already have made the auto resume: replace its content.
    Resume.objects.update_or_create(
        user=user,
        is_auto=True,
        defaults={
            "title": "Auto",
            "content": {
                "basics": {"label": "Backend Developer", "summary": "APIs in Python and Django."},
                "work": [
                    {"position": "Python Developer", "startDate": "2018-01", "summary": "Django, PostgreSQL"}
                ],
                "skills": [{"name": "Programming", "keywords": ["Python", "Django", "PostgreSQL", "Docker"]}],
            },
        },
    )
    return user


def run():
    evaluation = evaluate()
    results = [
        Result(
            f"NDCG@10, mean of {len(evaluation.blend)} profiles x 42 postings, blended "
            f"(w={settings.JOB_SEMANTIC_WEIGHT})",
            evaluation.blend_mean,
            "",
            "skill score alone",
            evaluation.skills_mean,
            "; ".join(
                f"{k} {evaluation.blend[k]:.3f} vs {evaluation.skills[k]:.3f}" for k in evaluation.blend
            ),
        )
    ]
    active = JobPosting.objects.filter(is_active=True).count()
    if active < 3:
        return results
    started = time.perf_counter()
    row = semantic_index_refit()
    refit_seconds = time.perf_counter() - started
    current_index()  # load the arrays once, as a worker does after a refit
    user = _user()
    results += [
        Result(
            f"refit TF-IDF + SVD on {active:,} postings and store their vectors",
            refit_seconds,
            "s",
            note=f"{row.dimensions} dimensions, {len(row.vocabulary):,} terms",
        ),
        Result(
            f"blended recommendations over {active:,} postings "
            f"(top 20 of {settings.JOB_SEMANTIC_CANDIDATES})",
            timed(lambda: blended_recommendations(user=user, limit=20), repeat=5) * 1000,
            "ms",
            "skill ranking alone (same scan)",
            timed(lambda: recommendations(user=user, limit=20), repeat=5) * 1000,
            "median; the rerank reads the stored vectors of the candidates only",
        ),
    ]
    return results
