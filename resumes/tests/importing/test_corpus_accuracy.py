"""Accuracy on the generated corpus (timing lives in ``make bench``, not here)."""

import json

import pytest

from resumes.importing import registry

from . import corpus

# The targets: work entries (employer, title, start and end) recovered.
TARGETS = {"own": 0.95, "ats": 1.0, "own-docx": 0.95, "ats-docx": 1.0, "other": 0.85}


@pytest.fixture(scope="module")
def scores():
    return corpus.measure(corpus.all_samples())


@pytest.mark.parametrize("family", TARGETS)
def test_work_entries_recovered(scores, family):
    score = scores[family]["work"]
    assert score.entries >= 6
    assert score.entry_rate >= TARGETS[family], (score.entries_recovered, score.entries)
    for field in corpus.WORK_FIELDS:
        assert score.precision(field) >= TARGETS[family] and score.recall(field) >= TARGETS[family], field


@pytest.mark.parametrize("family", TARGETS)
def test_every_family_measures_contact_education_and_skills(scores, family):
    for section in ("contact", "education", "skills"):
        assert scores[family][section].expected.total() > 0, section


def test_ats_template_reads_back_every_entry_of_every_document(db):
    for sample in corpus.own_samples():
        if sample.family in ("ats", "ats-docx"):
            assert corpus.score_sample(sample)["work"].entry_rate == 1.0, sample.name


@pytest.mark.parametrize("family", ["own", "ats", "own-docx", "ats-docx"])
def test_our_own_templates_read_back_every_section_in_full(scores, family):
    for section, score in scores[family].items():
        assert (score.precision(), score.recall()) == (1.0, 1.0), section
    assert scores[family]["projects"].entries > 0


def test_a_lossless_reader_scores_full_marks_in_every_section():
    """The truth and the scorer agree with themselves: the JSON Resume reader loses nothing."""
    for name, document in corpus.OWN_DOCUMENTS.items():
        draft, _ = registry.get_kind("json_resume").parse(json.dumps(document).encode())
        parsed = corpus.parsed_sections(draft)
        for section, fields in corpus.SECTION_FIELDS.items():
            score = corpus.Score(fields)
            score.add(corpus.truth_from_json(document).get(section, []), parsed[section])
            assert (score.precision(), score.recall()) == (1.0, 1.0), (name, section)


def test_a_missed_field_and_an_invented_entry_cost_recall_and_precision():
    score = corpus.Score(corpus.ENTRY_FIELDS)
    truth = [{"organization": "Acme", "title": "Dev", "start": "2020-01", "end": ""}]
    parsed = [
        {"organization": "Acme", "title": "", "start": "2020-01", "end": ""},
        {"organization": "Ghost", "title": "Nobody", "start": "2019-01", "end": "2019-05"},
    ]
    score.add(truth, parsed)
    assert score.recall("title") == 0.0 and score.recall("organization") == 1.0
    assert score.precision("organization") == 0.5 and score.recall() == 0.75
    assert score.entry_rate == 0.0
