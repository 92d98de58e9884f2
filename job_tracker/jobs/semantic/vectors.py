"""Meaning vectors for text: TF-IDF + truncated SVD learned from the postings, or a model on disk.

Both give unit-length rows, so a dot product is the cosine similarity. Nothing
here touches the database: ``index.py`` stores and loads what these fit.
"""

import io
import re
from pathlib import Path

import numpy as np
from model2vec import StaticModel
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer

from resumes.skills import extract_skills

MAX_TERMS = 20_000
# Words plus the marks that make a skill (c++, c#, node.js keeps "node" and "js").
TOKEN_PATTERN = r"(?u)\b\w[\w+#]*"  # noqa: S105 (a regular expression, not a password)
VECTORIZER_OPTIONS = {
    "token_pattern": TOKEN_PATTERN,
    "sublinear_tf": True,
    "stop_words": "english",
    "ngram_range": (1, 1),
    "dtype": np.float64,
}


def skill_tokens(text: str = "", *, skills=None) -> str:
    """Canonical skill names as single tokens ("Postgres" and "PostgreSQL" become ``skill_postgresql``).

    ``skills``: names already extracted (a posting's ``skills_required``), which saves the extraction.
    """
    names = extract_skills(text) if skills is None else [s for s in skills if isinstance(s, str)]
    return " ".join("skill_" + re.sub(r"\W+", "_", name.lower()).strip("_") for name in names)


def document(title: str, body: str, skills=None) -> str:
    """What is vectorised: the title twice (it says most), the body, and the canonical skills."""
    title, body = title or "", body or ""
    return f"{title}\n{title}\n{body}\n{skill_tokens(f'{title} {body}', skills=skills)}"


def normalize_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class LSAModel:
    """TF-IDF over the corpus, projected onto its top singular directions (latent semantic analysis).

    Terms that share postings ("Kubernetes", "Helm") share directions, so two
    texts can be near without sharing a word.
    """

    kind = "lsa"

    def __init__(self, vocabulary: dict[str, int], idf: np.ndarray, components: np.ndarray):
        self.vocabulary = vocabulary
        self.idf = idf
        self.components = components.astype(np.float32)
        self._vectorizer = TfidfVectorizer(vocabulary=vocabulary, **VECTORIZER_OPTIONS)
        self._vectorizer.idf_ = idf

    @property
    def dimensions(self) -> int:
        return self.components.shape[0]

    @classmethod
    def fit(cls, documents: list[str], *, dimensions: int) -> "LSAModel | None":
        """None when the corpus is too small to learn from (fewer than three documents or terms)."""
        if len(documents) < 3:
            return None
        vectorizer = TfidfVectorizer(max_features=MAX_TERMS, max_df=0.9, **VECTORIZER_OPTIONS)
        try:
            matrix = vectorizer.fit_transform(documents)
        except ValueError:  # nothing but stop words
            return None
        components = min(dimensions, matrix.shape[0] - 1, matrix.shape[1] - 1)
        if components < 2:
            return None
        svd = TruncatedSVD(n_components=components, algorithm="randomized", n_iter=7, random_state=0)
        svd.fit(matrix)
        vocabulary = {term: int(column) for term, column in vectorizer.vocabulary_.items()}
        return cls(vocabulary, vectorizer.idf_, svd.components_)

    def embed(self, documents: list[str]) -> np.ndarray:
        if not documents:
            return np.zeros((0, self.dimensions))
        tfidf = self._vectorizer.transform(documents)
        return normalize_rows(np.asarray(tfidf @ self.components.T.astype(np.float64)))

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        np.savez_compressed(buffer, idf=self.idf, components=self.components)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, vocabulary: dict, data: bytes) -> "LSAModel":
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            return cls(vocabulary, arrays["idf"], arrays["components"])


class StaticEmbeddingModel:
    """A model2vec static-embedding model from a folder on disk (``EMBEDDING_MODEL_PATH``).

    Loaded once per process; never downloaded (a path that does not exist is an error).
    """

    kind = "model"

    def __init__(self, path: str):
        if not Path(path).is_dir():
            raise FileNotFoundError(f"EMBEDDING_MODEL_PATH {path!r} is not a folder.")
        self.path = path
        self.model = StaticModel.from_pretrained(path)

    @property
    def dimensions(self) -> int:
        return int(self.model.dim)

    def embed(self, documents: list[str]) -> np.ndarray:
        if not documents:
            return np.zeros((0, self.dimensions))
        return normalize_rows(np.asarray(self.model.encode(list(documents)), dtype=np.float64))
