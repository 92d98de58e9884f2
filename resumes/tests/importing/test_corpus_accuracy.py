"""Accuracy on the generated corpus (timing lives in ``make bench``, not here)."""

from collections import defaultdict

import pytest

from resumes.importing import registry

from . import corpus

# The targets: work entries (employer, title, start and end) recovered.
TARGETS = {"own": 0.95, "ats": 1.0, "other": 0.85}


@pytest.fixture(scope="module")
def scores():
    by_family = defaultdict(corpus.Score)
    for sample in corpus.all_samples():
        draft, _ = registry.get_kind(sample.kind).parse(sample.data)
        by_family[sample.family].add(sample.work, corpus.parsed_work(draft))
    return by_family


@pytest.mark.parametrize("family", TARGETS)
def test_work_entries_recovered(scores, family):
    score = scores[family]
    assert score.entries >= 6
    assert score.entry_rate >= TARGETS[family], (score.entries_recovered, score.entries)
    for field in corpus.WORK_FIELDS:
        assert score.precision(field) >= TARGETS[family] and score.recall(field) >= TARGETS[family], field


def test_ats_template_reads_back_every_entry_of_every_document(db):
    for sample in corpus.own_samples():
        if sample.family == "ats":
            draft, _ = registry.get_kind("pdf").parse(sample.data)
            one = corpus.Score()
            one.add(sample.work, corpus.parsed_work(draft))
            assert one.entry_rate == 1.0, sample.name
