"""A variant's content: its definition applied to data the rebuild has already loaded.

No queries here: the rebuild reads achievements and skills once and builds the
main resume and every variant from them, so the whole pass costs the same
number of queries for one variant or ten. A variant runs the same builder as the
main resume on a chosen, reworded copy of the data, then orders and trims the
result.

What the definition keys do (every key optional; see ``definition.py``):

- ``types``, ``include_tags`` (any of), ``exclude_tags``, ``date_from`` / ``date_to``
  (the achievement's period overlaps the window; undated ones pass) filter;
  ``exclude_ids`` always leaves out; ``include_ids`` always keeps, and its
  achievements lead their section in the order given.
- ``skills_first`` (skill names or categories) leads, ``skills_exclude`` leaves
  out, ``max_skills`` caps the technical skills; only skills evidenced by a
  shown achievement (or added by hand) appear.
- ``sections`` shows only these, in this order (``meta.sections``).
- ``anonymize`` shows the achievement's ``anonymized_name`` or "A company in
  <location>" instead of the employer, also inside its texts.
- ``language`` goes to ``meta.language``; ``label`` and ``summary`` replace the headline
  and the generated summary.
"""

import datetime as dt
import inspect
import re

from .. import builder
from ..locales import words as locale_words
from ..models import AchievementType, SkillCategory, SkillSource
from .definition import DEFAULT_LANGUAGE, source_text, text_hash

# The builder learns to write in the resume's language; pass it on once it takes one.
_BUILDER_TAKES_LANGUAGE = "language" in inspect.signature(builder.build_content).parameters

ANONYMIZED_TYPES = (
    AchievementType.JOB,
    AchievementType.INTERNSHIP,
    AchievementType.PROJECT,
    AchievementType.VOLUNTEER,
)
# (company with place, company, organisation with place, organisation) per resume language.
DESCRIPTORS = {
    "en": ("A company in {}", "A company", "An organisation in {}", "An organisation"),
    "ru": ("Компания ({})", "Компания", "Организация ({})", "Организация"),
    "de": ("Ein Unternehmen in {}", "Ein Unternehmen", "Eine Organisation in {}", "Eine Organisation"),
    "fr": ("Une entreprise ({})", "Une entreprise", "Une organisation ({})", "Une organisation"),
    "es": ("Una empresa en {}", "Una empresa", "Una organización en {}", "Una organización"),
}
FILTER_ORDER = ("exclude_ids", "types", "include_tags", "exclude_tags", "date_from", "date_to")


def _category_of_group(language: str) -> dict[str, str]:
    """Skill group name (as the builder writes it in ``language``) -> category value."""
    return {locale_words.category_name(c.value, c.label, language): c.value for c in SkillCategory}


def _period(a, today):
    start = a.start_date or a.end_date
    end = a.end_date or (today if a.start_date else None)
    return start, end


def _passes(a, key, definition, today) -> bool:
    value = definition.get(key)
    if not value:
        return True
    if key == "exclude_ids":
        return a.pk not in value
    if key == "types":
        return a.type in value
    tags = set(a.tags) if isinstance(a.tags, list) else set()
    if key == "include_tags":
        return bool(tags & set(value))
    if key == "exclude_tags":
        return not tags & set(value)
    start, end = _period(a, today)
    if start is None:
        return True  # undated: nothing places it outside the window
    if key == "date_from":
        return end is None or end >= dt.date.fromisoformat(value)
    return start <= dt.date.fromisoformat(value)  # date_to


def select(achievements, definition: dict, today: dt.date) -> list:
    """The achievements the definition admits, in the order given."""
    pinned = set(definition.get("include_ids") or ())
    excluded = set(definition.get("exclude_ids") or ())
    filters = [key for key in FILTER_ORDER if definition.get(key)]  # an empty key admits everything
    return [
        a
        for a in achievements
        if a.pk not in excluded
        and (a.pk in pinned or all(_passes(a, key, definition, today) for key in filters))
    ]


def emptying_filter(achievements, definition: dict, today: dt.date) -> str | None:
    """The first definition key after which no achievement is left (None when some are)."""
    if select(achievements, definition, today):
        return None
    running = list(achievements)
    for key in FILTER_ORDER:
        running = [a for a in running if _passes(a, key, definition, today)]
        if not running:
            return key
    return "sections"  # unreachable with the filters above; kept for a clear message


def descriptor(a, language: str) -> str:
    """What an anonymised variant calls the organisation: the user's own words, else a generic one."""
    if a.anonymized_name:
        return a.anonymized_name
    with_place, plain, org_with_place, org_plain = DESCRIPTORS.get(language, DESCRIPTORS[DEFAULT_LANGUAGE])
    if a.type == AchievementType.VOLUNTEER:
        with_place, plain = org_with_place, org_plain
    return with_place.format(a.location) if a.location else plain


def flag_overrides(overrides, by_id: dict) -> list[dict]:
    """Each override with ``source_changed``: its achievement's text differs from when it was made."""
    flagged = []
    for o in overrides if isinstance(overrides, list) else []:
        source = source_text(by_id.get(o["achievement"]), o["field"], o["index"])
        flagged.append({**o, "source_changed": source is None or text_hash(source) != o["source_hash"]})
    return flagged


def _copy(a):
    # The row's fields only: copy.copy of a model instance goes through pickling hooks, ten times slower.
    shown = a.__class__.__new__(a.__class__)
    shown.__dict__ = a.__dict__.copy()
    return shown


def _shown(a, overrides, anonymize: bool, language: str):
    """A copy of the achievement as this variant shows it; the loaded row stays untouched."""
    if not overrides and not (anonymize and a.type in ANONYMIZED_TYPES and a.organization):
        return a
    shown = _copy(a)
    shown.highlights = list(a.highlights) if isinstance(a.highlights, list) else []
    for o in overrides:
        if o["field"] == "title":
            shown.title = o["text"]
        elif o["field"] == "summary":
            shown.description = o["text"]
        elif o["index"] < len(shown.highlights):
            shown.highlights[o["index"]] = o["text"]
    if anonymize and a.type in ANONYMIZED_TYPES and a.organization:
        name = descriptor(a, language)
        employer = re.compile(re.escape(a.organization), re.IGNORECASE)
        shown.organization, shown.url = name, ""
        shown.description = employer.sub(name, shown.description or "")
        shown.title = employer.sub(name, shown.title)
        shown.highlights = [employer.sub(name, h) for h in shown.highlights]
    return shown


def _priority(items) -> dict[str, int]:
    return {item.lower(): rank for rank, item in enumerate(items or ())}


def _skills(skills, evidence, definition):
    """The skill rows this variant shows: evidenced here or added by hand, minus the excluded, capped."""
    excluded = _priority(definition.get("skills_exclude"))
    kept = [
        s
        for s in skills
        if (s.name.lower() in evidence or s.source != SkillSource.AUTO)
        and s.name.lower() not in excluded
        and s.category not in excluded
    ]
    limit = definition.get("max_skills")
    if not limit:
        return kept
    first = _priority(definition.get("skills_first"))

    def rank(s):
        ev = evidence.get(s.name.lower())
        wanted = min(first.get(s.name.lower(), len(first)), first.get(s.category, len(first)))
        strength = (builder.PROFICIENCY_RANK.get(s.proficiency, 0), ev.achievements if ev else 0)
        return (wanted, -strength[0], -strength[1], s.name.lower())

    spoken = [s for s in kept if s.category == SkillCategory.SPOKEN_LANGUAGE]
    technical = sorted((s for s in kept if s.category != SkillCategory.SPOKEN_LANGUAGE), key=rank)
    return technical[:limit] + spoken


def _skills_first(content, items, language) -> None:
    first = _priority(items)
    if not first:
        return
    end = len(first)
    category_of = _category_of_group(language)
    for group in content.get("skills", []):
        group["keywords"].sort(key=lambda name: first.get(name.lower(), end))
    content.get("skills", []).sort(
        key=lambda g: min(
            [first.get(category_of.get(g["name"], ""), end)]
            + [first.get(k.lower(), end) for k in g["keywords"]]
        )
    )


def _pin(content, shown, pinned, today) -> None:
    """Entries of ``include_ids`` achievements lead their sections, in the order given."""
    order = {pk: rank for rank, pk in enumerate(pinned or ())}
    if not order:
        return
    for key, rows in builder.section_achievements(shown, today).items():
        entries = content.get(key) or []
        ranked = sorted(zip(rows, entries, strict=True), key=lambda pair: order.get(pair[0].pk, len(order)))
        content[key] = [entry for _, entry in ranked]


class _Person:
    """The user as the builder reads them, with the variant's label as their headline."""

    def __init__(self, user, headline):
        self._user, self.headline = user, headline

    def __getattr__(self, name):
        return getattr(self._user, name)


def build_variant(
    *,
    variant,
    user,
    achievements,
    skills,
    now: dt.datetime,
    today: dt.date,
    evidence_cache: dict | None = None,
) -> tuple[dict, list]:
    """(content, overrides flagged) for ``variant`` from the user's loaded achievements and skill rows.

    ``evidence_cache`` (ids shown -> skill evidence) lets one rebuild pass reuse the
    evidence of variants showing the same achievements (rewording and anonymising
    change no skill or date).
    """
    definition = variant.definition if isinstance(variant.definition, dict) else {}
    by_id = {a.pk: a for a in achievements}
    for key in ("include_ids", "exclude_ids"):
        if key in definition and any(pk not in by_id for pk in definition[key]):
            # A deleted achievement leaves the definition here, so it never names a missing id.
            definition = {**definition, key: [pk for pk in definition[key] if pk in by_id]}
            variant.definition = definition
    language = definition.get("language", DEFAULT_LANGUAGE)
    overrides = flag_overrides(variant.overrides, by_id)
    live = {}
    for o in overrides:
        if source_text(by_id.get(o["achievement"]), o["field"], o["index"]) is not None:
            live.setdefault(o["achievement"], []).append(o)

    chosen = select(achievements, definition, today)
    anonymize = bool(definition.get("anonymize"))
    shown = [_shown(a, live.get(a.pk, ()), anonymize, language) for a in chosen]
    key = tuple(a.pk for a in chosen)
    cache = evidence_cache if evidence_cache is not None else {}
    evidence = cache.get(key)
    if evidence is None:
        evidence = cache[key] = builder.skill_evidence(chosen, today)
    extra = {"language": language} if _BUILDER_TAKES_LANGUAGE else {}
    content = builder.build_content(
        user=_Person(user, definition.get("label") or user.headline),
        achievements=shown,
        skills=_skills(skills, evidence, definition),
        evidence=evidence,
        now=now,
        today=today,
        **extra,
    )
    _pin(content, shown, definition.get("include_ids"), today)
    _skills_first(content, definition.get("skills_first"), language)
    if definition.get("summary"):
        content["basics"]["summary"] = definition["summary"]
    if definition.get("sections"):
        for key in set(content) & set(builder.SECTION_TYPES) | {"skills", "languages"}:
            if key not in definition["sections"]:
                content.pop(key, None)
        content["meta"]["sections"] = list(definition["sections"])
    included = {a.pk for a in chosen}
    content["meta"]["language"] = language
    content["meta"]["variant"] = {
        "of": variant.variant_of_id,
        "included": [a.pk for a in chosen],
        "excluded": [pk for pk in by_id if pk not in included],
    }
    return content, overrides
