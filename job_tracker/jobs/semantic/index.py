"""The stored semantic index: fit it, load it, and keep every active posting's vector current.

``semantic_index_refit`` learns a new TF-IDF + SVD index from the active postings
(or, with ``EMBEDDING_MODEL_PATH``, uses the model on disk), stores each posting's
vector with the posting and drops older indexes. ``current_index`` is what ranking
uses: one small query, and the arrays are loaded once per process per index.
"""

import functools
import logging
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from job_tracker.models import JobPosting, SemanticIndex

from .vectors import LSAModel, StaticEmbeddingModel, document

logger = logging.getLogger(__name__)

BATCH_SIZE = 500


@dataclass
class LoadedIndex:
    pk: int
    model: LSAModel | StaticEmbeddingModel

    def embed(self, documents) -> np.ndarray:
        return self.model.embed(list(documents))


def posting_document(title, description, skills=None) -> str:
    return document(title, description, skills)


@functools.lru_cache(maxsize=2)
def _load(pk: int, kind: str, model_path: str) -> LoadedIndex | None:
    row = SemanticIndex.objects.filter(pk=pk).first()
    if row is None:
        return None
    if kind == SemanticIndex.Kind.MODEL:
        return LoadedIndex(pk, _static_model(model_path))
    return LoadedIndex(pk, LSAModel.from_bytes(row.vocabulary, bytes(row.arrays)))


@functools.lru_cache(maxsize=2)
def _static_model(path: str) -> StaticEmbeddingModel:
    return StaticEmbeddingModel(path)


def current_index() -> LoadedIndex | None:
    """The newest index, or None before the first fit (ranking then uses skills alone)."""
    latest = SemanticIndex.objects.values_list("pk", "kind", "model_path").order_by("-pk").first()
    return _load(*latest) if latest else None


def current_index_id() -> int | None:
    """The newest index's id without loading it: what caches of blended scores key on."""
    return SemanticIndex.objects.order_by("-pk").values_list("pk", flat=True).first()


def _postings_corpus():
    rows = (
        JobPosting.objects.filter(is_active=True)
        .order_by("pk")
        .values_list("pk", "title", "description", "skills_required")
    )
    return list(rows.iterator(chunk_size=2000))


def fit_model(documents) -> LSAModel | StaticEmbeddingModel | None:
    if settings.EMBEDDING_MODEL_PATH:
        return _static_model(settings.EMBEDDING_MODEL_PATH)
    return LSAModel.fit(documents, dimensions=settings.JOB_SEMANTIC_DIMENSIONS)


def _store_vectors(*, index_id, ids, vectors):
    """One parameterised UPDATE per posting, sent as executemany batches.

    ``bulk_update`` builds a CASE with one branch per row, which grows
    quadratically; this stays linear on both databases.
    """
    field = JobPosting._meta.get_field("embedding")
    table = connection.ops.quote_name(JobPosting._meta.db_table)
    sql = f"UPDATE {table} SET embedding = %s, embedding_index = %s WHERE id = %s"  # noqa: S608 (names only)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH_SIZE):
            cursor.executemany(
                sql,
                [
                    (field.get_db_prep_value(vector.tolist(), connection), index_id, pk)
                    for pk, vector in zip(
                        ids[start : start + BATCH_SIZE], vectors[start : start + BATCH_SIZE], strict=True
                    )
                ],
            )


def semantic_index_refit() -> SemanticIndex | None:
    """Fit a new index on the active postings and store every active posting's vector.

    The fit runs outside any transaction; the new index row, the vectors and the
    removal of older indexes commit together, so ranking sees either the old
    index with its vectors or the new one with its vectors. None when there
    are too few postings to learn from.
    """
    corpus = _postings_corpus()
    documents = [posting_document(title, description, skills) for _, title, description, skills in corpus]
    model = fit_model(documents)
    if model is None:
        return None
    vectors = model.embed(documents)
    with transaction.atomic():
        if isinstance(model, LSAModel):
            row = SemanticIndex.objects.create(
                kind=SemanticIndex.Kind.LSA,
                dimensions=model.dimensions,
                postings_count=len(corpus),
                vocabulary=model.vocabulary,
                arrays=model.to_bytes(),
            )
        else:
            row = SemanticIndex.objects.create(
                kind=SemanticIndex.Kind.MODEL,
                model_path=model.path,
                dimensions=model.dimensions,
                postings_count=len(corpus),
            )
        _store_vectors(index_id=row.pk, ids=[row[0] for row in corpus], vectors=vectors)
        SemanticIndex.objects.filter(pk__lt=row.pk).delete()
    logger.info("semantic index %s fitted on %d postings (%d dims)", row.pk, len(corpus), row.dimensions)
    return row
