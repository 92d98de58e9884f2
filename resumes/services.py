"""Writes for achievements, skills and resumes, and the auto-resume rebuild.

Every write path (API, pages, admin, commands, imports) goes through these
functions, so validation and the rebuild trigger live in one place. Errors are
DRF ``ValidationError`` with field errors, so the API answers 400 in the
shared shape and nothing is written.
"""

import logging
import threading
from contextlib import contextmanager
from functools import partial

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Case, Q, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext
from rest_framework.exceptions import ValidationError

from resumate.metrics import REBUILDS

from . import builder
from .events import resumes_rebuilt
from .locales import DEFAULT_LANGUAGE
from .models import Achievement, Resume, Skill, SkillSource
from .skills import categorize_skill, clean_skill_list
from .validation import (  # noqa: F401  (limits re-exported for callers of the services)
    MAX_HIGHLIGHT_LENGTH,
    MAX_HIGHLIGHTS,
    MAX_SKILL_LENGTH,
    MAX_SKILLS,
    clean_achievement_fields,
    clean_resume_fields,
    clean_skill_fields,
    parse_date,
)
from .variants.build import build_variant

logger = logging.getLogger(__name__)

AUTO_RESUME_TITLE = "My resume (rebuilt from achievements)"


# --- Achievements ------------------------------------------------------------------------------


def achievement_create(*, user, **fields) -> Achievement:
    """Create an achievement after validating every field; the auto resume rebuilds on commit."""
    cleaned = clean_achievement_fields(fields, instance=None)
    return Achievement.objects.create(user=user, **cleaned)


def achievement_update(*, achievement: Achievement, **fields) -> Achievement:
    """Change the given fields only (a partial update); the auto resume rebuilds on commit."""
    cleaned = clean_achievement_fields(fields, instance=achievement)
    changed = {k for k, v in cleaned.items() if getattr(achievement, k) != v}
    if achievement.is_verified and changed - {"is_verified"} and "is_verified" not in fields:
        # Staff verified what it said before; an edit withdraws that until they look again.
        cleaned["is_verified"] = False
    for key, value in cleaned.items():
        setattr(achievement, key, value)
    achievement.save(update_fields=[*cleaned, "updated_at"])
    return achievement


def achievement_delete(*, achievement: Achievement) -> None:
    """Delete the achievement; skills only it used disappear at the rebuild."""
    achievement.delete()


def achievements_mark_verified(*, queryset, verified: bool = True) -> int:
    """Staff verification of many rows in one UPDATE; one rebuild per affected user (statistics count it)."""
    user_ids = set(queryset.values_list("user_id", flat=True))
    count = queryset.update(is_verified=verified, updated_at=timezone.now())
    for user_id in user_ids:
        schedule_rebuild(user_id=user_id)
    return count


# --- Skills -----------------------------------------------------------------------------------


def skill_create(*, user, **fields) -> Skill:
    """A skill added by hand; category from the taxonomy unless given."""
    cleaned = clean_skill_fields(fields, user_id=user.pk, instance=None)
    cleaned.setdefault("category", categorize_skill(cleaned["name"]))
    skill = Skill.objects.create(user=user, source=SkillSource.MANUAL, **cleaned)
    schedule_rebuild(user_id=user.pk)
    return skill


def skill_update(*, skill: Skill, **fields) -> Skill:
    cleaned = clean_skill_fields(fields, user_id=skill.user_id, instance=skill)
    if cleaned.get("name", skill.name) != skill.name:
        # A renamed skill is the user's own: the rebuild would otherwise drop it as unused.
        cleaned["source"] = SkillSource.MANUAL
    for key, value in cleaned.items():
        setattr(skill, key, value)
    skill.save(update_fields=[*cleaned, "updated_at"])
    schedule_rebuild(user_id=skill.user_id)
    return skill


def skill_delete(*, skill: Skill) -> None:
    """Delete a skill; one still listed on achievements would come back, so that is refused."""
    rows = Achievement.objects.filter(user_id=skill.user_id).only("skills")
    in_use = [a for a in rows if skill.name.lower() in {name.lower() for name in clean_skill_list(a.skills)}]
    if in_use:
        raise ValidationError(
            {"name": [f'"{skill.name}" is listed on {len(in_use)} achievement(s); remove it there first.']}
        )
    user_id = skill.user_id
    skill.delete()
    schedule_rebuild(user_id=user_id)


# --- Resumes ----------------------------------------------------------------------------------


def resume_create(*, user, **fields) -> Resume:
    """A manual resume; rebuilds never touch it."""
    cleaned = clean_resume_fields(fields, instance=None)
    return Resume.objects.create(user=user, is_auto=False, **cleaned)


@transaction.atomic
def resume_update(*, resume: Resume, **fields) -> Resume:
    """Change title, template, content or ``language`` (kept as ``content.meta.language``).

    A new language on the auto resume rebuilds it at once, so its generated
    summary and skill groups are written in that language.
    """
    language_changed = "language" in fields and fields["language"] != resume.language
    cleaned = clean_resume_fields(fields, instance=resume)
    for key, value in cleaned.items():
        setattr(resume, key, value)
    resume.save(update_fields=[*cleaned, "updated_at"])
    if resume.is_auto and language_changed:
        resume = rebuild_resume(user=resume.user)
    return resume


def resume_delete(*, resume: Resume) -> None:
    if resume.is_auto:
        raise ValidationError(
            {"is_auto": [gettext("The auto resume cannot be deleted; it follows your achievements.")]}
        )
    resume.delete()


def resume_duplicate(*, resume: Resume, title: str = "") -> Resume:
    """A manual copy of any resume (typically the auto one), to edit freely."""
    return Resume.objects.create(
        user_id=resume.user_id,
        title=(title or f"{resume.title} (copy)")[:200],
        content=resume.content,
        template=resume.template,
        is_auto=False,
    )


# --- The rebuild ------------------------------------------------------------------------------


# No savepoint: the document is derived, so a failed rebuild has nothing worth keeping and
# simply fails the caller's transaction; standalone it still runs in its own transaction.
@transaction.atomic(savepoint=False)
def rebuild_resume(*, user) -> Resume:
    """Upsert the user's auto skills and regenerate their auto resume (created if missing) and its variants.

    Runs a fixed number of queries whatever the number of achievements or
    variants: read achievements, read skills, upsert changed skills, delete
    skills no longer evidenced, read the auto resume with its variants, write
    them all in one UPDATE (at most 6), then ``resumes_rebuilt`` receivers (the
    job tracker re-scores applications sent with these resumes: at most 2 more).
    Variants are built from the same loaded rows (``resumes.variants.build``).
    Manual resumes are never read or written.
    """
    REBUILDS.inc()
    now = timezone.now()
    today = timezone.localdate(now)
    achievements = list(Achievement.objects.filter(user=user).order_by("id"))
    existing = {s.name.lower(): s for s in Skill.objects.filter(user=user)}
    evidence = builder.skill_evidence(achievements, today)

    upserts, final = [], []
    for key, ev in evidence.items():
        derived = builder.proficiency_from_evidence(achievements=ev.achievements, months=ev.months)
        skill = existing.get(key)
        if skill is None:
            skill = Skill(
                user=user,
                name=ev.name,
                category=categorize_skill(ev.name),
                proficiency=derived,
                source=SkillSource.AUTO,
                last_used=ev.last_used,
            )
            upserts.append(skill)
        else:
            proficiency = skill.proficiency if skill.proficiency_is_manual else derived
            if (proficiency, skill.last_used) != (skill.proficiency, ev.last_used):
                skill.proficiency, skill.last_used = proficiency, ev.last_used
                # A fresh instance: an existing pk would collide on the primary key, not on the target.
                upserts.append(
                    Skill(
                        user=user,
                        name=skill.name,
                        category=skill.category,
                        proficiency=proficiency,
                        source=skill.source,
                        last_used=ev.last_used,
                    )
                )
        final.append(skill)
    stale = [s.pk for key, s in existing.items() if key not in evidence and s.source == SkillSource.AUTO]
    final += [s for key, s in existing.items() if key not in evidence and s.source != SkillSource.AUTO]

    if upserts:
        Skill.objects.bulk_create(
            upserts,
            update_conflicts=True,
            unique_fields=["user", "name"],
            update_fields=["proficiency", "last_used", "updated_at"],
        )
    if stale:
        Skill.objects.filter(pk__in=stale).delete()

    # The old content is replaced, never read: only its language is, so the rest stays undecoded.
    rows = list(
        Resume.objects.filter(Q(is_auto=True) | Q(variant_of__isnull=False), user=user)
        .defer("content")
        .annotate(stored_language=KT("content__meta__language"))
    )
    resume = next((r for r in rows if r.is_auto), None)
    content = builder.build_content(
        user=user,
        achievements=achievements,
        skills=final,
        evidence=evidence,
        now=now,
        today=today,
        # The language the user chose for the auto resume survives every rebuild.
        language=(resume.stored_language or DEFAULT_LANGUAGE) if resume else DEFAULT_LANGUAGE,
    )
    if resume is None:
        # Insert-or-ignore: a concurrent first rebuild may have created it a moment ago.
        Resume.objects.bulk_create(
            [
                Resume(
                    user=user, title=AUTO_RESUME_TITLE, is_auto=True, content=content, last_generated_at=now
                )
            ],
            ignore_conflicts=True,
        )
        resume = Resume.objects.get(user=user, is_auto=True)
        if resume.last_generated_at == now:
            return resume  # new: no variant can exist yet
        rows = [resume]
    resume.content = content
    variants = [r for r in rows if r.variant_of_id == resume.pk]
    previous = [(v.overrides, v.definition) for v in variants]
    evidence_cache = {tuple(a.pk for a in achievements): evidence}
    for variant in variants:
        variant.content, variant.overrides = build_variant(
            variant=variant, user=user, achievements=achievements, skills=final, now=now, today=today,
            evidence_cache=evidence_cache,
        )  # fmt: skip
    saved = [resume, *variants]
    changed = [
        v for v, before in zip(variants, previous, strict=True) if (v.overrides, v.definition) != before
    ]
    _save_rebuilt(saved, now=now, flags_changed=bool(changed))
    resumes_rebuilt.send(sender=Resume, user=user, resumes=saved)
    return resume


def _per_row(rows, field: str):
    """CASE id WHEN .. THEN <that row's value> END for one JSON column (what bulk_update builds)."""
    output = Resume._meta.get_field(field)
    whens = []
    for row in rows:
        value = Value(getattr(row, field), output_field=output)
        if connection.features.requires_casted_case_in_updates:
            value = Cast(value, output_field=output)
        whens.append(When(pk=row.pk, then=value))
    return Case(*whens, output_field=output)


def _save_rebuilt(rows, *, now, flags_changed: bool) -> None:
    """One UPDATE for the main resume and its variants.

    Unlike ``bulk_update``, the shared timestamps are plain values rather than a CASE
    per row, and definitions / overrides are written only when a rebuild changed them
    (a flag raised, a deleted achievement's id dropped).
    """
    values = {"content": _per_row(rows, "content"), "last_generated_at": now, "updated_at": now}
    if flags_changed:
        values.update(definition=_per_row(rows, "definition"), overrides=_per_row(rows, "overrides"))
    Resume.objects.filter(pk__in=[row.pk for row in rows]).update(**values)
    for row in rows:
        row.last_generated_at = row.updated_at = now


def get_auto_resume(*, user) -> Resume:
    """The user's auto resume, built on the spot if they have none yet."""
    resume = Resume.objects.filter(user=user, is_auto=True).first()
    return resume if resume is not None else rebuild_resume(user=user)


# --- Scheduling: once per transaction, after commit ---------------------------------------------

_state = threading.local()


def _pending() -> set:
    if not hasattr(_state, "pending"):
        _state.pending = set()
    return _state.pending


def _run_scheduled(user_id: int) -> None:
    pending = _pending()
    if user_id not in pending:
        return  # an earlier callback of the same commit already rebuilt this user
    pending.discard(user_id)
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:  # gone when the account itself was deleted
        rebuild_resume(user=user)


def schedule_rebuild(*, user_id: int) -> None:
    """Rebuild the user's auto resume once the current transaction commits (now in autocommit).

    Several calls in one transaction rebuild once; inside ``rebuilds_deferred()``
    the rebuild waits for the block to end.
    """
    deferred = getattr(_state, "deferred", None)
    if deferred is not None:
        deferred.add(user_id)
        return
    _pending().add(user_id)
    # Every call registers a callback, so one surviving a rolled-back savepoint still runs;
    # the first to run does the work. robust: a failed rebuild is logged, the saved data stands.
    transaction.on_commit(partial(_run_scheduled, user_id), robust=True)


@contextmanager
def rebuilds_deferred():
    """Bulk paths: inside the block signals only collect users; each is rebuilt once at the end.

    Nested blocks defer to the outermost. The rebuilds themselves still wait for
    the surrounding transaction, if any, to commit.
    """
    outermost = getattr(_state, "deferred", None) is None
    if outermost:
        _state.deferred = set()
    try:
        yield
    finally:
        if outermost:
            users, _state.deferred = _state.deferred, None
            for user_id in sorted(users):
                schedule_rebuild(user_id=user_id)
