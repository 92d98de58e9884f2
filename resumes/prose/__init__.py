"""Sentences about a person's record, built from templates per language.

Every sentence the offline writer and the resume summary produce is one of
the templates in ``phrases.py`` with the user's words in its slots, so each
can be checked against ``patterns(language)``. A template is plain text with
``{slot}`` placeholders and ``[...]`` optional parts (shown only when the one
slot inside is filled): ``"As {title}[ at {org}], I {clause}."``. A
``{clause}`` slot takes only a highlight that starts with a past-tense verb
of the language (``verbs.py``); everything else is quoted, never glued.

Slot values are tidied: whitespace collapsed, and a full stop inside a value
("B.Sc. Computer Science") is followed by a no-break space, so a sentence
never ends in the middle of the user's words.
"""

import re
from functools import cache, lru_cache

from .phrases import GROUPS, PHRASES
from .verbs import NOT_A_CLAUSE_AFTER, PASSIVE_AFTER, PAST_TENSE

LANGUAGES = tuple(PHRASES)
NBSP = "\u00a0"
_SLOT = re.compile(r"\{(\w+)\}")
_PART = re.compile(r"\[([^\[\]]*)\]|([^\[]+)")
_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)


def language_of(language: str) -> str:
    return language if language in PHRASES else "en"


def tidy(value) -> str:
    """A slot value: one line, no sentence break inside, no trailing separator."""
    return _tidy(str(value or ""))


# Every variant's summary tidies the same employers and titles again.
@lru_cache(maxsize=4096)
def _tidy(value: str) -> str:
    text = " ".join(value.split()).strip(" ;,:-–—•*")
    return re.sub(r"([.!?…])\s+(?=\S)", rf"\1{NBSP}", text)


def lower_first(text: str) -> str:
    """ "Cut latency" -> "cut latency"; acronyms ("AWS", "SQL") and "iOS" stay as written."""
    if not text or text[:2].isupper() or not text[0].isupper():
        return text
    return text[0].lower() + text[1:]


def first_sentence(text: str) -> str:
    parts = re.split(r"(?<=[.!?])\s+|\n+", str(text or "").strip())
    return parts[0].strip(" -•*\t") if parts else ""


def starts_with_past_verb(text: str, language: str = "en") -> bool:
    """Whether ``text`` can follow "I" (or stand as a subjectless clause): a past-tense verb, used actively."""
    words = [w.casefold() for w in _WORD.findall(first_sentence(text))[:2]]
    language = language_of(language)
    if not words or words[0] not in PAST_TENSE.get(language, ()):
        return False
    second = words[1] if len(words) > 1 else ""
    if second in NOT_A_CLAUSE_AFTER.get(language, ()):
        return False
    passive_verbs, passive_next = PASSIVE_AFTER.get(language, (frozenset(), frozenset()))
    return not (words[0] in passive_verbs and second in passive_next)


# Each rebuild weighs the same highlights once for the main resume and once per variant.
@lru_cache(maxsize=4096)
def clause(text: str, language: str = "en") -> str:
    """The highlight as a clause to weave in ("cut p95 latency by 40%"), or "" when it does not start with a verb."""
    sentence = first_sentence(text)
    if not starts_with_past_verb(sentence, language):
        return ""
    return lower_first(tidy(sentence).rstrip("."))


def join(items, language: str = "en") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + phrase_word(language, "and") + items[-1]


def phrase_word(language: str, key: str) -> str:
    return PHRASES[language_of(language)]["words"][key]


def duration(months: int, language: str = "en") -> str:
    """ "7 months", "1 year", "8 years" (and the same in each language's own grammar)."""
    words = PHRASES[language_of(language)]["words"]
    if months < 12:
        count, unit = max(1, months), "month"
    else:
        count, unit = max(1, round(months / 12)), "year"
    return f"{count} {_plural(words[unit], count, language_of(language))}"


def _plural(forms: tuple, count: int, language: str) -> str:
    if language == "ru":  # 1 год, 2-4 года, 5-20 лет, 21 год ...
        if count % 10 == 1 and count % 100 != 11:
            return forms[0]
        if 2 <= count % 10 <= 4 and not 12 <= count % 100 <= 14:
            return forms[1]
        return forms[2]
    return forms[0] if count == 1 else forms[1]


def template(language: str, key: str) -> str:
    table = PHRASES[language_of(language)]["sentences"]
    return table.get(key) or PHRASES["en"]["sentences"][key]


def _pieces(text: str, values: dict) -> list[tuple[str, str]]:
    """The template as ("text", literal) and ("slot", value) pieces, optional parts resolved."""
    pieces = []
    for optional, fixed in _PART.findall(text):
        part = optional or fixed
        if optional and not all(values.get(name) for name in _SLOT.findall(part)):
            continue
        position = 0
        for match in _SLOT.finditer(part):
            pieces.append(("text", part[position : match.start()]))
            pieces.append(("slot", values.get(match.group(1), "")))
            position = match.end()
        pieces.append(("text", part[position:]))
    return pieces


def _fill(text: str, values: dict) -> str:
    out = []
    for index, (kind, value) in enumerate(_pieces(text, values)):
        if kind == "text" and index and out and out[-1][-1:] in ".!?":
            # A value ending in a full stop ("Brno Cloud s.r.o."): no doubled stop after it, and no
            # sentence break inside the sentence it stands in.
            if value.startswith("."):
                value = value[1:]
            elif value.startswith(" ") and value.strip():
                value = NBSP + value[1:]
        if value:
            out.append(value)
    return "".join(out)


def render(language: str, key: str, **slots) -> str:
    """The template ``key`` with ``slots`` filled (tidied); optional parts whose slot is empty are left out."""
    raw = ("clause", "skills")  # already built from tidied parts
    values = {name: value if name in raw else tidy(value) for name, value in slots.items()}
    return _fill(template(language, key), values)


def _regex(text: str, language: str, follows_slot: bool = False) -> str:
    verbs = "|".join(sorted((re.escape(v) for v in PAST_TENSE[language]), key=len, reverse=True))
    out, position = [], 0

    def literal(piece: str, after_slot: bool) -> str:
        if after_slot and piece.startswith("."):
            # _fill drops the template's full stop after a value that already ends a sentence.
            return r"(?:(?<=[.!?])|\.)" + re.escape(piece[1:])
        return re.escape(piece)

    for match in _SLOT.finditer(text):
        out.append(literal(text[position : match.start()], position > 0 or follows_slot))
        name = match.group(1)
        out.append(rf"(?:{verbs})(?![\w])[^\n]*?" if name == "clause" else r"[^\n]+?")
        position = match.end()
    out.append(literal(text[position:], position > 0 or follows_slot))
    return "".join(out)


@cache
def patterns(language: str = "en") -> dict[str, re.Pattern]:
    """Each template of ``language`` (English where it has none) as a whole-sentence pattern."""
    language = language_of(language)
    keys = set(PHRASES["en"]["sentences"]) | set(PHRASES[language]["sentences"])
    compiled = {}
    # Most specific first: "As X, working with Y, I ..." is role_skills_clause, not role_clause.
    for key in sorted(keys, key=lambda k: (-len(_SLOT.sub("", template(language, k))), k)):
        body, follows_slot = "", False
        for optional, fixed in _PART.findall(template(language, key)):
            part = optional or fixed
            regex = _regex(part, language, follows_slot)
            body += f"(?:{regex})?" if optional else regex
            follows_slot = part.endswith("}") or bool(optional)
        compiled[key] = re.compile(body)
    return compiled


def matching_template(sentence: str, language: str = "en", group: str = "") -> str | None:
    """The key of the template ``sentence`` is an instance of (among ``group``'s: summary, letter, hints)."""
    for key, pattern in patterns(language).items():
        if (not group or key in GROUPS[group]) and pattern.fullmatch(sentence):
            return key
    return None


def reference(language: str, kind: str, **slots) -> str:
    """How a hint names an achievement: "your work as X at Y", "the course “Z”"."""
    references = PHRASES[language_of(language)].get("references") or PHRASES["en"]["references"]
    return _fill(
        references.get(kind, references["job"]), {name: tidy(value) for name, value in slots.items()}
    )
