"""Skill names: canonical spelling, category and mentions in free text.

The curated taxonomy lives in ``resumes/data/skills.json`` (category ->
canonical name -> aliases). Everything here is pure and cached, so the
rebuild and the matcher can call it per skill without touching the database.
"""

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from .models import SkillCategory

TAXONOMY_PATH = Path(__file__).parent / "data" / "skills.json"

# Characters that make a name longer when glued to it: "C" must not match in "C++", "C#",
# "R&D" or "Objective-C".
_BEFORE = r"\w+#.&-"
_AFTER = r"\w+#&"


@cache
def _taxonomy():
    data = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    canonical: dict[str, str] = {}  # lower-cased name or alias -> canonical name
    category: dict[str, str] = {}  # canonical name -> SkillCategory value
    for cat, skills in data["categories"].items():
        SkillCategory(cat)  # an unknown category in the data file fails loudly at first use
        for name, aliases in skills.items():
            category[name] = cat
            canonical[name.lower()] = name
            for alias in aliases:
                canonical.setdefault(alias.lower(), name)
    return canonical, category, frozenset(data["case_sensitive"]), frozenset(data["not_in_free_text"])


def taxonomy_size() -> int:
    """How many canonical skills the taxonomy knows."""
    return len(_taxonomy()[1])


def _squash(raw: str) -> str:
    return " ".join(str(raw).split())


def canonical_skill_name(raw: str) -> str:
    """The taxonomy's spelling of ``raw`` ("js" -> "JavaScript"); an unknown name keeps the user's casing.

    Title-casing unknown names would turn "GTFS" typed as "gtfs" into "Gtfs" and "dbt" into
    "Dbt": only the whitespace is tidied.
    """
    return _canonical(raw if isinstance(raw, str) else str(raw))


# A rebuild asks for the same few names once per achievement per variant; the taxonomy is fixed.
@lru_cache(maxsize=4096)
def _canonical(raw: str) -> str:
    name = _squash(raw)
    return _taxonomy()[0].get(name.lower()) or name


def is_known_skill(name: str) -> bool:
    return _squash(name).lower() in _taxonomy()[0]


def spelling_in_text(name: str, text: str) -> str:
    """How ``text`` writes ``name`` when it writes it differently ("gtfs" -> "GTFS"), else ``name``."""
    pattern = rf"(?<![{_BEFORE}]){re.escape(name)}(?![{_AFTER}])"
    for match in re.finditer(pattern, text or "", re.IGNORECASE):
        if match.group(0) != name:
            return match.group(0)
    return name


_HEURISTICS = (
    (re.compile(r"\b(sql|db|database)\b|sql$", re.I), SkillCategory.DATABASE),
    (re.compile(r"\.js$|\bframework\b|\blibrary\b", re.I), SkillCategory.FRAMEWORK),
    (re.compile(r"\b(aws|azure|gcp|cloud|devops|ci/cd)\b", re.I), SkillCategory.CLOUD_DEVOPS),
    (re.compile(r"\b(learning|analytics|data)\b", re.I), SkillCategory.DATA_ML),
    (re.compile(r"\bdesign\b", re.I), SkillCategory.DESIGN),
    (re.compile(r"\blanguage\b", re.I), SkillCategory.SPOKEN_LANGUAGE),
)


def categorize_skill(name: str) -> str:
    """The ``SkillCategory`` value for a skill, from the taxonomy or a few name patterns."""
    _canonical, category, _cs, _nf = _taxonomy()
    known = category.get(canonical_skill_name(name))
    if known:
        return known
    for pattern, cat in _HEURISTICS:
        if pattern.search(name):
            return cat.value
    return SkillCategory.OTHER.value


def _alternation(terms):
    # Longest first, so "Node.js" wins over "Node" and "C++" over "C".
    body = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return rf"(?<![{_BEFORE}])(?:{body})(?![{_AFTER}]|\.\w)"


@cache
def _patterns():
    canonical, _category, case_sensitive, not_in_free_text = _taxonomy()
    insensitive = {}
    sensitive = {}
    for term, name in canonical.items():
        if term in not_in_free_text or any(term == cs.lower() for cs in case_sensitive):
            continue
        insensitive[term] = name
    for term in case_sensitive:
        sensitive[term] = canonical[term.lower()]
    return (
        re.compile(_alternation(insensitive), re.IGNORECASE),
        insensitive,
        re.compile(_alternation(sensitive)),
        sensitive,
    )


def extract_skills(text: str) -> list[str]:
    """Canonical taxonomy skills mentioned in ``text``, in order of first mention.

    Matches whole words only ("Go" in "Go and C++", not in "good"); names that
    are also ordinary words match only as written ("Spring", not "spring").
    """
    if not text:
        return []
    insensitive_re, insensitive, sensitive_re, sensitive = _patterns()
    spans = [(m.start(), m.end(), insensitive[m.group(0).lower()]) for m in insensitive_re.finditer(text)]
    spans += [(m.start(), m.end(), sensitive[m.group(0)]) for m in sensitive_re.finditer(text)]
    # The two patterns may overlap ("Spring Boot" and "Spring"): the longer mention wins.
    spans.sort(key=lambda span: (span[0], span[0] - span[1]))
    found: list[str] = []
    covered_to = -1
    for start, end, name in spans:
        if start < covered_to:
            continue
        covered_to = end
        if name not in found:
            found.append(name)
    return found


def clean_skill_list(values) -> list[str]:
    """Trimmed, canonical, de-duplicated (case-insensitively) skill names; empty ones dropped."""
    if isinstance(values, str):
        values = [values]
    return list(_clean_names(tuple(value for value in values or () if isinstance(value, str))))


# The rebuild cleans each achievement's list once for the main resume and once per variant.
@lru_cache(maxsize=4096)
def _clean_names(values: tuple[str, ...]) -> tuple[str, ...]:
    seen = set()
    cleaned = []
    for value in values:
        name = canonical_skill_name(value)
        if name and name.lower() not in seen:
            seen.add(name.lower())
            cleaned.append(name)
    return tuple(cleaned)
