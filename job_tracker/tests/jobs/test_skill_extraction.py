"""Skill extraction finds, on every board fixture, exactly what the regex alternation it replaced found.

The reference below is that alternation (longest term first, whole words, two passes: case-insensitive
and as written), built from the same taxonomy file, kept here only as the oracle.
"""

import json
import random
import re
from pathlib import Path

import pytest

from job_tracker.jobs.bench import _postings
from resumes.skills import TAXONOMY_PATH, extract_skills

FIXTURES = Path(__file__).parent / "fixtures"
EVAL_POSTINGS = Path(__file__).parents[2] / "jobs" / "eval" / "postings.json"


def _reference():
    data = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    canonical = {}
    for skills in data["categories"].values():
        for name, aliases in skills.items():
            canonical[name.lower()] = name
            for alias in aliases:
                canonical.setdefault(alias.lower(), name)
    as_written = {term.lower() for term in data["case_sensitive"]}
    insensitive = {
        t: n for t, n in canonical.items() if t not in data["not_in_free_text"] and t not in as_written
    }
    sensitive = {term: canonical[term.lower()] for term in data["case_sensitive"]}

    def alternation(terms):
        body = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
        return rf"(?<![\w+#.&-])(?:{body})(?![\w+#&]|\.\w)"

    insensitive_re = re.compile(alternation(insensitive), re.IGNORECASE)
    sensitive_re = re.compile(alternation(sensitive))

    def extract(text):
        spans = [(m.start(), m.end(), insensitive[m.group(0).lower()]) for m in insensitive_re.finditer(text)]
        spans += [(m.start(), m.end(), sensitive[m.group(0)]) for m in sensitive_re.finditer(text)]
        spans.sort(key=lambda span: (span[0], span[0] - span[1]))
        found, covered_to = [], -1
        for start, end, name in spans:
            if start >= covered_to:
                covered_to = end
                if name not in found:
                    found.append(name)
        return found

    return extract


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _fixture_texts():
    """Every fixture whole (HTML, XML, escaped JSON), then every string inside the JSON ones."""
    texts = []
    for path in sorted(FIXTURES.iterdir()):
        raw = path.read_text(encoding="utf-8")
        texts.append((path.name, raw))
        if path.suffix == ".json":
            texts += [(path.name, s) for s in _strings(json.loads(raw))]
    texts += [
        (EVAL_POSTINGS.name, s) for s in _strings(json.loads(EVAL_POSTINGS.read_text(encoding="utf-8")))
    ]
    return texts


def test_same_skills_as_the_regex_alternation_on_every_fixture():
    reference = _reference()
    texts = _fixture_texts()
    assert len({name for name, _ in texts}) == len(list(FIXTURES.iterdir())) + 1
    differ = [(name, text[:80]) for name, text in texts if extract_skills(text) != reference(text)]
    assert differ == []
    assert sum(bool(extract_skills(text)) for _, text in texts) > 100  # the fixtures do mention skills


def test_same_skills_on_the_benchmark_postings():
    reference = _reference()
    for posting in _postings(random.Random(7), 200, "parity"):
        text = f"{posting.title}\n{posting.description}"
        assert extract_skills(text) == reference(text)


@pytest.mark.parametrize(
    "text",
    [
        "C, C++, C# and F#; not in R&D or Objective-C",
        "Node.js, .NET Core, Go. Golang? go-to; Spring Boot and spring",
        "ΕΛΛΗΝΙΚΆ, Čeština, RUSSIAN and русский; PYTHON/DJANGO; React.Native",
        "Kubernetes_ops, python3, postgres.io, ReactJS, k8s and SQL",
        "",
    ],
)
def test_same_skills_at_word_boundaries(text):
    assert extract_skills(text) == _reference()(text)


def test_ignorecase_folds_are_found_without_failing():
    # The alternation matched these under IGNORECASE, then failed to look the spelling up.
    assert extract_skills("\u017fql and L\u0130NUX") == ["SQL", "Linux"]
