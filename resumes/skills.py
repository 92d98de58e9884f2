"""Skill names: canonical spelling, category and mentions in free text.

The curated taxonomy lives in ``resumes/data/skills.json`` (category ->
canonical name -> aliases). Everything here is pure and cached, so the
rebuild and the matcher can call it per skill without touching the database.
"""

import json
import re
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick

from .models import SkillCategory

TAXONOMY_PATH = Path(__file__).parent / "data" / "skills.json"

# Characters that make a name longer when glued to it (besides word characters): "C" must
# not match in "C++", "C#", "R&D" or "Objective-C".
_BEFORE = "+#.&-"
_AFTER = "+#&"


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
    pattern = rf"(?<![\w{re.escape(_BEFORE)}]){re.escape(name)}(?![\w{re.escape(_AFTER)}])"
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


def _glued(char: str, extra: str) -> bool:
    # \w in Python's re: alphanumeric by str.isalnum(), or the underscore.
    return char.isalnum() or char == "_" or char in extra


# re.IGNORECASE lets "i" match dotted and dotless capital / small I, and "s" the long s, where
# str.lower() does not (and lower-cases the dotted capital I to two characters).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


@cache
def _matchers():
    """Two Aho-Corasick automata over the taxonomy's free-text terms: lower-cased, and as written."""
    canonical, _category, case_sensitive, not_in_free_text = _taxonomy()
    as_written = {term.lower() for term in case_sensitive}
    insensitive = ahocorasick.Automaton()
    for term, name in canonical.items():
        if term not in not_in_free_text and term not in as_written:
            insensitive.add_word(term, (len(term), name))
    sensitive = ahocorasick.Automaton()
    for term in case_sensitive:
        sensitive.add_word(term, (len(term), canonical[term.lower()]))
    insensitive.make_automaton()
    sensitive.make_automaton()
    return insensitive, sensitive


def _mentions(automaton, haystack: str, text: str, spans: list) -> None:
    """Append the whole-word mentions ``automaton`` finds, as a regex scan left to right would.

    At each start the longest term wins; a mention begins only after the previous one ends.
    """
    longest = {}  # start -> (end, name)
    size = len(text)
    for last, (length, name) in automaton.iter(haystack):
        end = last + 1
        start = end - length
        if start and _glued(text[start - 1], _BEFORE):
            continue
        # "Node" must not match in "Node.js": a dot followed by a word character glues too.
        if end < size and (
            _glued(text[end], _AFTER) or (text[end] == "." and end + 1 < size and _glued(text[end + 1], ""))
        ):
            continue
        if longest.get(start, (0,))[0] < end:
            longest[start] = (end, name)
    reached = 0
    for start in sorted(longest):
        if start >= reached:
            end, name = longest[start]
            spans.append((start, end, name))
            reached = end


def extract_skills(text: str) -> list[str]:
    """Canonical taxonomy skills mentioned in ``text``, in order of first mention.

    Matches whole words only ("Go" in "Go and C++", not in "good"); names that
    are also ordinary words match only as written ("Spring", not "spring").
    One pass over the text per automaton, whatever the size of the taxonomy.
    """
    if not text:
        return []
    insensitive, sensitive = _matchers()
    spans = []
    _mentions(insensitive, text.translate(_FOLD).lower(), text, spans)
    _mentions(sensitive, text, text, spans)
    # The two automata may overlap ("Spring Boot" and "Spring"): the longer mention wins.
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
