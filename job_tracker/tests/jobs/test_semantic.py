"""Matching by meaning: the index fit, stored vectors, the blended ranking and its explanation."""

import numpy as np
import pytest
from model2vec import StaticModel
from tokenizers import Tokenizer
from tokenizers.models import WordLevel
from tokenizers.normalizers import Lowercase
from tokenizers.pre_tokenizers import Whitespace

from conftest import client_for
from job_tracker.jobs.eval import evaluate, load
from job_tracker.jobs.semantic.tasks import refit_semantic_index
from job_tracker.jobs.semantic.vectors import LSAModel, document, skill_tokens
from job_tracker.jobs.services import source_scrape
from job_tracker.models import JobPosting, SemanticIndex
from job_tracker.tests.factories import JobSourceFactory
from resumes.models import Resume

from .evalset import load_postings, profile_user
from .test_scraping import fast_client, fixture

pytestmark = pytest.mark.django_db


def _eval_model():
    postings, _ = load()
    docs = [document(p["title"], p["description"]) for p in postings]
    return LSAModel.fit(docs, dimensions=128)


def test_related_infrastructure_words_land_near_each_other():
    model = _eval_model()
    helm, kubernetes, invoices = model.embed(
        ["Helm charts and ArgoCD", "Kubernetes clusters operations", "Excel invoices and VAT returns"]
    )
    assert helm @ kubernetes > helm @ invoices + 0.2


def test_postgres_and_postgresql_are_one_token():
    assert skill_tokens("We use Postgres") == skill_tokens("PostgreSQL experience") == "skill_postgresql"


def test_blend_does_not_lose_to_skills_alone_on_the_labelled_set():
    evaluation = evaluate()
    assert evaluation.blend_mean >= evaluation.skills_mean
    for name in evaluation.blend:
        assert evaluation.blend[name] >= evaluation.skills[name] - 0.01, name


def test_refit_stores_a_vector_with_every_active_posting():
    ids = load_postings()
    JobPosting.objects.filter(pk=ids["p40"]).update(is_active=False)

    index_id = refit_semantic_index.delay().get()

    index = SemanticIndex.objects.get()
    assert index.pk == index_id and index.kind == "lsa" and index.postings_count == 41
    active = JobPosting.objects.filter(is_active=True)
    assert all(p.embedding_index == index_id and len(p.embedding) == index.dimensions for p in active)
    vector = np.array(active.first().embedding)
    assert abs(np.linalg.norm(vector) - 1) < 1e-9
    assert JobPosting.objects.get(pk=ids["p40"]).embedding is None
    # A second fit replaces the first.
    assert refit_semantic_index.delay().get() != index_id
    assert SemanticIndex.objects.count() == 1


def test_recommendations_say_why_and_rerank_by_meaning(django_assert_max_num_queries):
    load_postings()
    refit_semantic_index.delay()
    devops, _ = profile_user("devops-sre")
    client = client_for(devops)
    client.get("/api/v1/jobs/recommendations/?limit=1")  # loads the index into this process

    with django_assert_max_num_queries(10):
        response = client.get("/api/v1/jobs/recommendations/?limit=10")

    assert response.status_code == 200
    results = response.json()
    top = results[0]
    assert top["semantic_similarity"] is not None
    matched, missing = len(top["matched_skills"]), len(top["missing_skills"])
    assert top["match_reason"] == (
        f"skills {matched}/{matched + missing} · similar wording {top['semantic_similarity']:.2f}"
    )
    _, data = profile_user("devops-sre")
    external = dict(JobPosting.objects.values_list("pk", "external_id"))
    grades = [data["relevance"].get(external[r["id"]], 0) for r in results[:5]]
    assert sum(g >= 2 for g in grades) >= 4  # good fits for a DevOps engineer lead


def test_same_top_10_on_every_database():
    """Vectors in a PostgreSQL array column or SQLite JSON text: the same ten postings in the same order."""
    ids = load_postings()
    refit_semantic_index.delay()
    backend, _ = profile_user("python-backend")
    api = [r["id"] for r in client_for(backend).get("/api/v1/jobs/recommendations/?limit=10").json()]

    by_pk = {pk: eid for eid, pk in ids.items()}
    assert [by_pk[pk] for pk in api] == RECORDED_TOP10


# Recorded once on SQLite; PostgreSQL (vectors in a double precision[] column) must rank exactly the same.
RECORDED_TOP10 = ["p01", "p03", "p38", "p32", "p02", "p39", "p30", "p31", "p04", "p28"]


def _tiny_model2vec(path, words):
    vocab = {"[UNK]": 0, "[PAD]": 1, **{w: i + 2 for i, w in enumerate(sorted(words))}}
    tokenizer = Tokenizer(WordLevel(vocab, unk_token="[UNK]"))
    tokenizer.pre_tokenizer = Whitespace()
    tokenizer.normalizer = Lowercase()
    rng = np.random.RandomState(0)
    vectors = rng.rand(len(vocab), 8).astype(np.float32)
    StaticModel(vectors=vectors, tokenizer=tokenizer, config={"normalize": True}).save_pretrained(str(path))
    return path


def test_a_model2vec_model_on_disk_replaces_the_fit(tmp_path, settings):
    load_postings()
    words = {w.lower() for p in load()[0] for w in (p["title"] + " " + p["description"]).split()}
    settings.EMBEDDING_MODEL_PATH = str(_tiny_model2vec(tmp_path / "m2v", words))

    refit_semantic_index.delay()

    index = SemanticIndex.objects.get()
    assert (index.kind, index.dimensions, index.model_path) == ("model", 8, settings.EMBEDDING_MODEL_PATH)
    assert {len(e) for e in JobPosting.objects.values_list("embedding", flat=True)} == {8}
    backend, _ = profile_user("python-backend")
    results = client_for(backend).get("/api/v1/jobs/recommendations/?limit=3").json()
    assert all(r["semantic_similarity"] is not None for r in results)


def test_a_missing_model_folder_is_an_error_not_a_download(tmp_path, settings):
    load_postings()
    settings.EMBEDDING_MODEL_PATH = str(tmp_path / "absent")
    with pytest.raises(FileNotFoundError, match="is not a folder"):
        refit_semantic_index.delay()
    assert not SemanticIndex.objects.exists()


def test_a_scrape_with_new_postings_refits_after_commit(httpserver, django_capture_on_commit_callbacks):
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data(
        fixture("greenhouse_jobs.json"), content_type="application/json"
    )
    load_postings()
    source = JobSourceFactory(kind="greenhouse", identifier="acme", base_url=httpserver.url_for("/"))

    with django_capture_on_commit_callbacks(execute=True):
        source_scrape(source=source, force=True, client=fast_client())

    index = SemanticIndex.objects.get()
    assert JobPosting.objects.filter(source=source, embedding_index=index.pk).count() == 2


def test_a_resume_variant_can_be_compared_and_another_users_is_refused(other_user):
    load_postings()
    refit_semantic_index.delay()
    backend, data = profile_user("python-backend")
    variant = Resume.objects.create(user=backend, title="Frontend variant", content=load()[1][2]["resume"])
    theirs = Resume.objects.create(user=other_user, title="Theirs", content=data["resume"])
    client = client_for(backend)

    auto = client.get("/api/v1/jobs/recommendations/?limit=5").json()
    frontend = client.get(f"/api/v1/jobs/recommendations/?limit=40&resume={variant.pk}").json()

    by_id = {r["id"]: r["semantic_similarity"] for r in frontend}
    react = JobPosting.objects.get(external_id="p16").pk
    django = JobPosting.objects.get(external_id="p01").pk
    assert by_id[react] > by_id[django]  # the variant reads as a frontend developer
    assert auto[0]["id"] == django
    response = client.get(f"/api/v1/jobs/recommendations/?resume={theirs.pk}")
    assert response.status_code == 400 and response.json()["errors"]["resume"] == ["Resume not found."]
