"""Writes for variants: create, change, preview. Rebuilds of all of them are in ``rebuild_resume``.

A variant is a ``Resume`` with ``variant_of`` set to the user's main auto
resume. Creating or changing one validates its definition and overrides
against the user's achievements (errors name the field, nothing is written)
and builds its content at once; from then on every rebuild of the main resume
rebuilds it too.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from .. import builder
from ..events import resumes_rebuilt
from ..models import Achievement, AchievementType, Resume, Skill
from ..validation import clean_resume_fields
from .build import build_variant, emptying_filter
from .definition import (
    LANGUAGES,
    MAX_LABEL_LENGTH,
    MAX_SUMMARY_LENGTH,
    OVERRIDE_LIMITS,
    clean_definition,
    clean_overrides,
)

EMPTY_MESSAGES = {
    "exclude_ids": "Every achievement is excluded by id.",
    "types": "None of your achievements is of these types.",
    "include_tags": "None of your achievements has one of these tags.",
    "exclude_tags": "Every achievement left has one of these tags.",
    "date_from": "No achievement left runs on or after this date.",
    "date_to": "No achievement left starts on or before this date.",
}


def _load(user_id):
    """The user's achievements and skills: the two reads a variant is built from."""
    achievements = list(Achievement.objects.filter(user_id=user_id).order_by("id"))
    skills = list(Skill.objects.filter(user_id=user_id))
    return achievements, skills


def _check(*, definition, overrides, achievements, previous=None, check_empty=True) -> tuple[dict, list]:
    by_id = {a.pk: a for a in achievements}
    errors = {}
    try:
        definition = clean_definition(definition, owned_ids=set(by_id))
    except ValidationError as exc:
        errors.update(exc.detail)
    if overrides is not None:  # None: the stored ones stand (already cleaned, maybe orphaned)
        try:
            overrides = clean_overrides(overrides, achievements=by_id, previous=previous)
        except ValidationError as exc:
            errors.update(exc.detail)
    if errors:
        raise ValidationError(errors)
    if not achievements:
        raise ValidationError(
            {"definition": [gettext("Add an achievement first: a variant is built from them.")]}
        )
    key = check_empty and emptying_filter(achievements, definition, timezone.localdate())
    if key:
        raise ValidationError({f"definition.{key}": [f"{EMPTY_MESSAGES[key]} The variant would be empty."]})
    return definition, overrides


def _build(variant, user, achievements, skills):
    now = timezone.now()
    variant.content, variant.overrides = build_variant(
        variant=variant, user=user, achievements=achievements, skills=skills, now=now,
        today=timezone.localdate(now),
    )  # fmt: skip
    variant.last_generated_at = now


def _main_resume(main: Resume) -> Resume:
    if not main.is_auto:
        raise ValidationError(
            {
                "variant_of": [
                    gettext("Variants are built from your main resume (the one rebuilt from achievements).")
                ]
            }
        )
    return main


@transaction.atomic
def variant_create(
    *, main: Resume, title: str = "", definition=None, overrides=None, template=None, paper=None
) -> Resume:
    """A new variant of the user's main resume, built at once; rebuilt with the main one from then on."""
    _main_resume(main)
    achievements, skills = _load(main.user_id)
    definition, overrides = _check(
        definition=definition if definition is not None else {},
        overrides=overrides if overrides is not None else [],
        achievements=achievements,
    )
    fields = {"title": title or f"Variant: {definition.get('label') or 'my resume'}"}
    fields.update({k: v for k, v in (("template", template), ("paper", paper)) if v is not None})
    cleaned = clean_resume_fields(fields, instance=None)
    variant = Resume(
        user_id=main.user_id, variant_of=main, is_auto=False, definition=definition, overrides=overrides,
        **cleaned,
    )  # fmt: skip
    _build(variant, main.user, achievements, skills)
    variant.save()
    resumes_rebuilt.send(sender=Resume, user=main.user, resumes=[variant])
    return variant


@transaction.atomic
def variant_update(*, variant: Resume, **fields) -> Resume:
    """Change a variant's title, template, paper, language, definition or overrides; rebuilt at once.

    ``definition`` and ``overrides`` replace the stored ones whole (PATCH semantics
    per field, not per key). An unchanged override keeps its "source changed" flag.
    """
    definition, overrides = fields.pop("definition", None), fields.pop("overrides", None)
    if "language" in fields:
        # A variant's language is part of its definition (the builder writes meta.language from it).
        base = definition if definition is not None else variant.definition
        definition = {**(base if isinstance(base, dict) else {}), "language": fields.pop("language")}
    if "content" in fields:
        raise ValidationError(
            {"content": ["A variant is rebuilt from your achievements; change its definition instead."]}
        )
    cleaned = clean_resume_fields(fields, instance=variant)
    achievements, skills = _load(variant.user_id)
    definition, overrides = _check(
        definition=variant.definition if definition is None else definition,
        overrides=overrides,
        achievements=achievements,
        previous=variant.overrides,
        check_empty=definition is not None,
    )
    variant.definition = definition
    if overrides is not None:
        variant.overrides = overrides
    for key, value in cleaned.items():
        setattr(variant, key, value)
    _build(variant, variant.user, achievements, skills)
    variant.save(
        update_fields=[*cleaned, "definition", "overrides", "content", "last_generated_at", "updated_at"]
    )
    resumes_rebuilt.send(sender=Resume, user=variant.user, resumes=[variant])
    return variant


def variant_preview(*, main: Resume, definition, overrides=None, variant: Resume | None = None) -> Resume:
    """An unsaved variant built from ``definition`` (the live preview); raises like ``variant_create``.

    ``overrides`` None: those of ``variant`` (the one being edited), if any.
    """
    _main_resume(main)
    achievements, skills = _load(main.user_id)
    definition, overrides = _check(
        definition=definition,
        overrides=overrides,
        achievements=achievements,
        previous=variant.overrides if variant else None,
    )
    if overrides is None:  # the stored variant's overrides, or none
        overrides = variant.overrides if variant else []
    preview = Resume(
        pk=variant.pk if variant else None, user_id=main.user_id, variant_of=main, title="Preview",
        definition=definition, overrides=overrides,
    )  # fmt: skip
    _build(preview, main.user, achievements, skills)
    return preview


def _key(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def _entry_keys(a) -> list[tuple]:
    """How a document's entries name this achievement, per section (see ``builder``)."""
    org, title = _key(a.organization), _key(a.title)
    if a.type in builder.WORK_TYPES:
        return [("work", org, title)]
    if a.type == AchievementType.VOLUNTEER:
        return [("volunteer", org, title)]
    if a.type == AchievementType.PROJECT:
        return [("projects", title)]
    if a.type in builder.EDUCATION_TYPES:
        return [("education", org, title)]
    return []


def _entry_key(section, entry) -> tuple:
    if section == "work":
        return ("work", _key(entry.get("name")), _key(entry.get("position")))
    if section == "volunteer":
        return ("volunteer", _key(entry.get("organization")), _key(entry.get("position")))
    if section == "projects":
        return ("projects", _key(entry.get("name")))
    return ("education", _key(entry.get("institution")), _key(entry.get("area")))


def _rewordings(a, section, entry) -> list[dict]:
    found = []
    summary = entry.get("description" if section == "projects" else "summary")
    reworded = isinstance(summary, str) and summary.strip() and _key(summary) != _key(a.description)
    if section != "education" and reworded:
        text = summary[: OVERRIDE_LIMITS["summary"]]
        found.append({"achievement": a.pk, "field": "summary", "text": text})
    lines = entry.get("courses" if section == "education" else "highlights")
    own = a.highlights if isinstance(a.highlights, list) else []
    for index, text in enumerate(lines if isinstance(lines, list) else []):
        if index < len(own) and isinstance(text, str) and text.strip() and _key(text) != _key(own[index]):
            text = text[: OVERRIDE_LIMITS["highlights"]]
            found.append({"achievement": a.pk, "field": "highlights", "index": index, "text": text})
    return found


@transaction.atomic
def variant_from_content(*, main: Resume, content: dict, title: str) -> Resume:
    """A variant that reads like ``content`` (a tailored JSON Resume) yet stays rules over achievements.

    The achievements its entries show lead their sections in its order (``include_ids``);
    those of its sections it left out are excluded by id; its summary, headline, first
    skill group and language are kept; its rewordings of summaries and highlights become
    overrides. Entries matching no achievement are dropped (a variant shows only the
    record), and achievements added later join the variant as its rules admit them.
    """
    _main_resume(main)
    achievements = list(Achievement.objects.filter(user_id=main.user_id).order_by("id"))
    index = {key: a for a in achievements for key in _entry_keys(a)}
    pinned, overrides, covered = [], [], set()
    for section in ("work", "projects", "education", "volunteer"):
        entries = [e for e in content.get(section) or [] if isinstance(e, dict)]
        if entries:
            covered |= set(builder.SECTION_TYPES[section])
        for entry in entries:
            a = index.get(_entry_key(section, entry))
            if a is not None and a.pk not in pinned:
                pinned.append(a.pk)
                overrides += _rewordings(a, section, entry)
    definition: dict = {"include_ids": pinned} if pinned else {}
    excluded = [a.pk for a in achievements if a.type in covered and a.pk not in pinned]
    if excluded:
        definition["exclude_ids"] = excluded
    basics = content.get("basics") if isinstance(content.get("basics"), dict) else {}
    for key, limit in (("label", MAX_LABEL_LENGTH), ("summary", MAX_SUMMARY_LENGTH)):
        if isinstance(basics.get(key), str) and basics[key].strip():
            definition[key] = basics[key].strip()[:limit]
    groups = [g for g in content.get("skills") or [] if isinstance(g, dict)]
    if groups and isinstance(groups[0].get("keywords"), list):
        definition["skills_first"] = [k for k in groups[0]["keywords"] if isinstance(k, str)][:20]
    meta = content.get("meta") if isinstance(content.get("meta"), dict) else {}
    if meta.get("language") in LANGUAGES:
        definition["language"] = meta["language"]
    return variant_create(main=main, title=title, definition=definition, overrides=overrides)
