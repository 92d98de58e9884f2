"""Writes for achievements, skills and resumes, and the auto-resume rebuild.

Every write path (API, pages, admin, commands, imports) goes through these
functions, so validation and the rebuild trigger live in one place. Errors are
DRF ``ValidationError`` with field errors, so the API answers 400 in the
shared shape and nothing is written.
"""

import datetime as dt
import logging
import threading
from contextlib import contextmanager
from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from rest_framework.exceptions import ValidationError

from . import builder
from .content import validate_content
from .models import (
    Achievement,
    AchievementType,
    Proficiency,
    Resume,
    ResumeTemplate,
    Skill,
    SkillCategory,
    SkillSource,
)
from .skills import canonical_skill_name, categorize_skill, clean_skill_list

logger = logging.getLogger(__name__)

MAX_SKILLS = 50
MAX_SKILL_LENGTH = 60
MAX_HIGHLIGHTS = 20
MAX_HIGHLIGHT_LENGTH = 500
MAX_DESCRIPTION_LENGTH = 5000
AUTO_RESUME_TITLE = "My resume (rebuilt from achievements)"

ACHIEVEMENT_FIELDS = {
    "type",
    "title",
    "organization",
    "location",
    "start_date",
    "end_date",
    "description",
    "skills",
    "highlights",
    "url",
    "is_verified",
}
_TEXT_LIMITS = {"title": 200, "organization": 200, "location": 120, "description": MAX_DESCRIPTION_LENGTH}


# --- Achievement validation --------------------------------------------------------------------


def parse_date(value) -> dt.date | None:
    """A date from a ``date`` or an ISO string; "YYYY-MM" and "YYYY" mean the first day.

    Raises ``ValueError`` for anything else.
    """
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError("not a date")
    text = value.strip()
    for fmt in ("%Y-%m-%d", "%Y-%m", "%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError("not a date")


def _clean_text_list(value, *, label, max_length, errors, key):
    """Whitespace-squashed strings, or None with ``errors[key]`` set."""
    if not isinstance(value, list | tuple):
        errors[key] = [f"Expected a list of {label}."]
        return None
    if any(not isinstance(item, str) for item in value):
        errors[key] = [f"Every item must be text ({label})."]
        return None
    items = [" ".join(item.split()) for item in value]
    too_long = [item for item in items if len(item) > max_length]
    if too_long:
        errors[key] = [
            f"Each item may have at most {max_length} characters; '{too_long[0][:40]}…' is longer."
        ]
        return None
    return items


def _clean_achievement(fields: dict, *, instance: Achievement | None) -> dict:
    """Validated, normalised values for the given fields; raises ValidationError listing every problem."""
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    for key in sorted(set(fields) - ACHIEVEMENT_FIELDS):
        errors[key] = ["Unknown field."]

    if instance is None:
        for key in ("type", "title"):
            if fields.get(key) in (None, ""):
                errors[key] = ["This field is required."]

    for key, value in fields.items():
        if key not in ACHIEVEMENT_FIELDS or key in errors:
            continue
        if key == "type":
            if value not in AchievementType.values:
                errors[key] = [f'"{value}" is not a valid choice.']
            else:
                cleaned[key] = value
        elif key in _TEXT_LIMITS:
            if value is None:
                value = ""
            if not isinstance(value, str):
                errors[key] = ["Expected text."]
                continue
            value = value.strip()
            if key == "title" and not value:
                errors[key] = ["This field may not be blank."]
            elif len(value) > _TEXT_LIMITS[key]:
                errors[key] = [f"Ensure this field has no more than {_TEXT_LIMITS[key]} characters."]
            else:
                cleaned[key] = value
        elif key in ("start_date", "end_date"):
            try:
                cleaned[key] = parse_date(value)
            except ValueError:
                errors[key] = ["Enter a date as YYYY-MM-DD."]
        elif key == "skills":
            items = _clean_text_list(
                value, label="skill names", max_length=MAX_SKILL_LENGTH, errors=errors, key=key
            )
            if items is not None:
                skills = [s for s in clean_skill_list(items) if len(s) <= MAX_SKILL_LENGTH]
                if len(skills) > MAX_SKILLS:
                    errors[key] = [f"At most {MAX_SKILLS} skills."]
                else:
                    cleaned[key] = skills
        elif key == "highlights":
            items = _clean_text_list(
                value, label="highlights", max_length=MAX_HIGHLIGHT_LENGTH, errors=errors, key=key
            )
            if items is not None:
                highlights = [h for h in items if h]
                if len(highlights) > MAX_HIGHLIGHTS:
                    errors[key] = [f"At most {MAX_HIGHLIGHTS} highlights."]
                else:
                    cleaned[key] = highlights
        elif key == "url":
            value = (value or "").strip() if isinstance(value, str | type(None)) else value
            if not isinstance(value, str):
                errors[key] = ["Expected text."]
            elif value and len(value) > 500:
                errors[key] = ["Ensure this field has no more than 500 characters."]
            else:
                try:
                    if value:
                        URLValidator()(value)
                    cleaned[key] = value
                except DjangoValidationError:
                    errors[key] = ["Enter a valid URL."]
        elif key == "is_verified":
            if not isinstance(value, bool):
                errors[key] = ["Must be true or false."]
            else:
                cleaned[key] = value

    start = cleaned.get("start_date", instance.start_date if instance else None)
    end = cleaned.get("end_date", instance.end_date if instance else None)
    if start and end and end < start and not ({"start_date", "end_date"} & set(errors)):
        errors["end_date"] = ["The end date cannot be before the start date."]
    if errors:
        raise ValidationError(errors)
    return cleaned


def achievement_create(*, user, **fields) -> Achievement:
    """Create an achievement after validating every field; the auto resume rebuilds on commit."""
    cleaned = _clean_achievement(fields, instance=None)
    return Achievement.objects.create(user=user, **cleaned)


def achievement_update(*, achievement: Achievement, **fields) -> Achievement:
    """Change the given fields only (a partial update); the auto resume rebuilds on commit."""
    cleaned = _clean_achievement(fields, instance=achievement)
    for key, value in cleaned.items():
        setattr(achievement, key, value)
    achievement.save(update_fields=[*cleaned, "updated_at"])
    return achievement


def achievement_delete(*, achievement: Achievement) -> None:
    """Delete the achievement; skills only it used disappear at the rebuild."""
    achievement.delete()


def achievements_mark_verified(*, queryset, verified: bool = True) -> int:
    """Staff verification of many rows; one rebuild per affected user."""
    with rebuilds_deferred():
        user_ids = set(queryset.values_list("user_id", flat=True))
        count = queryset.update(is_verified=verified, updated_at=timezone.now())
        for user_id in user_ids:
            schedule_rebuild(user_id=user_id)
    return count


# --- Skills -----------------------------------------------------------------------------------


def _clean_skill(fields: dict, *, user, instance: Skill | None) -> dict:
    errors: dict[str, list[str]] = {}
    cleaned: dict = {}
    allowed = {"name", "category", "proficiency", "proficiency_is_manual"}
    for key in sorted(set(fields) - allowed):
        errors[key] = ["Unknown field."]
    if "name" in fields or instance is None:
        raw = fields.get("name")
        if not isinstance(raw, str) or not raw.strip():
            errors["name"] = ["This field is required."]
        else:
            name = canonical_skill_name(raw)
            clash = Skill.objects.filter(user=user, name__iexact=name)
            if instance is not None:
                clash = clash.exclude(pk=instance.pk)
            if len(name) > MAX_SKILL_LENGTH:
                errors["name"] = [f"Ensure this field has no more than {MAX_SKILL_LENGTH} characters."]
            elif clash.exists():
                errors["name"] = [f'You already have the skill "{name}".']
            else:
                cleaned["name"] = name
    if "category" in fields:
        if fields["category"] not in SkillCategory.values:
            errors["category"] = [f'"{fields["category"]}" is not a valid choice.']
        else:
            cleaned["category"] = fields["category"]
    if "proficiency" in fields:
        if fields["proficiency"] not in Proficiency.values:
            errors["proficiency"] = [f'"{fields["proficiency"]}" is not a valid choice.']
        else:
            cleaned["proficiency"] = fields["proficiency"]
            # A level chosen by hand wins over evidence until the user hands it back.
            cleaned["proficiency_is_manual"] = True
    if "proficiency_is_manual" in fields:
        if not isinstance(fields["proficiency_is_manual"], bool):
            errors["proficiency_is_manual"] = ["Must be true or false."]
        else:
            cleaned["proficiency_is_manual"] = fields["proficiency_is_manual"]
    if errors:
        raise ValidationError(errors)
    return cleaned


def skill_create(*, user, **fields) -> Skill:
    """A skill added by hand; category from the taxonomy unless given."""
    cleaned = _clean_skill(fields, user=user, instance=None)
    cleaned.setdefault("category", categorize_skill(cleaned["name"]))
    skill = Skill.objects.create(user=user, source=SkillSource.MANUAL, **cleaned)
    schedule_rebuild(user_id=user.pk)
    return skill


def skill_update(*, skill: Skill, **fields) -> Skill:
    cleaned = _clean_skill(fields, user=skill.user, instance=skill)
    for key, value in cleaned.items():
        setattr(skill, key, value)
    skill.save(update_fields=[*cleaned, "updated_at"])
    schedule_rebuild(user_id=skill.user_id)
    return skill


def skill_delete(*, skill: Skill) -> None:
    """Delete a skill; one still listed on achievements would come back, so that is refused."""
    rows = Achievement.objects.filter(user_id=skill.user_id).only("skills")
    in_use = [a for a in rows if skill.name.lower() in map(str.lower, a.skills)]
    if in_use:
        raise ValidationError(
            {"name": [f'"{skill.name}" is listed on {len(in_use)} achievement(s); remove it there first.']}
        )
    user_id = skill.user_id
    skill.delete()
    schedule_rebuild(user_id=user_id)


# --- Resumes ----------------------------------------------------------------------------------


def _clean_resume(fields: dict, *, instance: Resume | None) -> dict:
    errors: dict[str, list] = {}
    cleaned: dict = {}
    for key in sorted(set(fields) - {"title", "content", "template"}):
        errors[key] = ["Unknown field."]
    if "title" in fields or instance is None:
        title = fields.get("title")
        if not isinstance(title, str) or not title.strip():
            errors["title"] = ["This field is required."]
        elif len(title.strip()) > 200:
            errors["title"] = ["Ensure this field has no more than 200 characters."]
        else:
            cleaned["title"] = title.strip()
    if "template" in fields:
        if fields["template"] not in ResumeTemplate.values:
            errors["template"] = [f'"{fields["template"]}" is not a valid choice.']
        else:
            cleaned["template"] = fields["template"]
    if "content" in fields:
        if instance is not None and instance.is_auto:
            errors["content"] = ["The auto resume is rebuilt from your achievements; duplicate it to edit."]
        else:
            problems = validate_content(fields["content"])
            if problems:
                errors["content"] = problems
            else:
                cleaned["content"] = fields["content"]
    if errors:
        raise ValidationError(errors)
    return cleaned


def resume_create(*, user, **fields) -> Resume:
    """A manual resume; rebuilds never touch it."""
    cleaned = _clean_resume(fields, instance=None)
    return Resume.objects.create(user=user, is_auto=False, **cleaned)


def resume_update(*, resume: Resume, **fields) -> Resume:
    cleaned = _clean_resume(fields, instance=resume)
    for key, value in cleaned.items():
        setattr(resume, key, value)
    resume.save(update_fields=[*cleaned, "updated_at"])
    return resume


def resume_delete(*, resume: Resume) -> None:
    if resume.is_auto:
        raise ValidationError(
            {"is_auto": ["The auto resume cannot be deleted; it follows your achievements."]}
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
    """Upsert the user's auto skills and regenerate their auto resume (created if missing).

    Runs a fixed number of queries whatever the number of achievements: read
    achievements, read skills, upsert changed skills, delete skills no longer
    evidenced, read the auto resume, write it (at most 6). Manual resumes are
    never read or written.
    """
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

    content = builder.build_content(
        user=user, achievements=achievements, skills=final, evidence=evidence, now=now, today=today
    )
    resume = Resume.objects.filter(user=user, is_auto=True).first()
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
            return resume
    resume.content, resume.last_generated_at = content, now
    resume.save(update_fields=["content", "last_generated_at", "updated_at"])
    return resume


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
