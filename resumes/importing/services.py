"""Import drafts: create from a file, edit, confirm (with duplicate merge), purge.

A caller may rely on:
- ``draft_create`` writes one ``ImportDraft`` or raises a 4xx error (size,
  kind, unreadable, nothing usable) having written nothing;
- ``draft_confirm`` writes every chosen entry in one transaction, merges an
  entry into an existing achievement of the same type, organisation and title
  with overlapping dates instead of doubling it, rebuilds the auto resume
  once, and answers the created / merged ids; confirming again returns the
  same answer and writes nothing.
"""

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ValidationError

from resumate.exceptions import ApplicationError

from .. import services as resume_services
from ..models import Achievement, Proficiency, Skill, SkillCategory
from ..validation import clean_achievement_fields
from . import drafts, registry
from .errors import FileTooLarge, NothingToImport, UnreadableFile, UnsupportedFile
from .fields import fold
from .files import detect_kind
from .models import ImportDraft, ImportStatus

logger = logging.getLogger(__name__)

ACHIEVEMENT_KEYS = (
    "type",
    "title",
    "organization",
    "location",
    "start_date",
    "end_date",
    "description",
    "highlights",
    "skills",
    "url",
)
MAX_DRAFT_ENTRIES = 500


class AlreadyConfirmed(ApplicationError):
    status = 409
    code = "already_confirmed"
    detail = gettext_lazy("This import was confirmed already; start a new import to change more.")


def _parse(kind, data: bytes):
    try:
        return kind.parse(data)
    except (ApplicationError, ValidationError):
        raise
    except Exception as exc:
        # A reader tripping over a malformed file is the file's problem, never a 500.
        logger.warning("import reader %s failed: %r", kind.key, exc)
        raise UnreadableFile(f"The file could not be read as {kind.label}.") from exc


@transaction.atomic
def draft_create(*, user, data: bytes, kind: str | None = None, filename: str = "") -> ImportDraft:
    """Parse ``data`` (the kind detected from its content unless ``kind`` is given) into a new draft."""
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    if len(data) > limit:
        raise FileTooLarge(f"The file is {len(data):,} bytes; the limit is {limit:,}.")
    if not data.strip():
        raise UnsupportedFile("The file is empty.")
    if kind:
        import_kind = registry.get_kind(kind)
        if import_kind is None:
            choices = ", ".join(sorted(registry.all_kinds()))
            raise ValidationError({"kind": [f"Unknown kind {kind!r}; choose one of: {choices}."]})
    else:
        import_kind = registry.get_kind(detect_kind(data, registry.text_detectors()))
    draft, text = _parse(import_kind, data)
    empty = import_kind.is_empty(draft) if import_kind.is_empty else drafts.is_empty(draft)
    if empty:
        raise NothingToImport()
    if len(draft.get("achievements") or draft.get("applications") or []) > MAX_DRAFT_ENTRIES:
        raise NothingToImport(f"More than {MAX_DRAFT_ENTRIES} entries; split the file.", status=400)
    warnings = draft.pop("warnings", [])
    _mark_duplicates(import_kind, user, draft)
    drafts_purge_expired(user=user)
    now = timezone.now()
    return ImportDraft.objects.create(
        user=user,
        kind=import_kind.key,
        filename=filename[:255],
        draft=draft,
        warnings=warnings,
        source_text=text[:500_000],
        expires_at=now + dt.timedelta(days=settings.IMPORT_DRAFT_DAYS),
    )


def drafts_purge_expired(*, user=None) -> int:
    """Delete drafts past their expiry (one user's, or everyone's); returns how many. Safe to repeat."""
    expired = ImportDraft.objects.filter(expires_at__lte=timezone.now())
    if user is not None:
        expired = expired.filter(user=user)
    return expired.delete()[0]


def _mark_duplicates(import_kind, user, draft: dict) -> None:
    if import_kind.mark_duplicates:
        import_kind.mark_duplicates(user, draft)
        return
    existing = DuplicateIndex(
        Achievement.objects.filter(user=user).only(
            "id", "type", "title", "organization", "start_date", "end_date"
        )
    )
    for item in draft.get("achievements", []):
        match = existing.find(item)
        item["duplicate_of"] = match.pk if match else None


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


class DuplicateIndex:
    """Existing achievements keyed by (type, title, organisation), compared case- and accent-blind."""

    def __init__(self, rows=()):
        self._rows: dict[tuple, list[Achievement]] = {}
        for row in rows:
            self.add(row)

    @staticmethod
    def _key(kind, title, organization) -> tuple:
        return (kind, fold(title), fold(organization))

    def add(self, row: Achievement) -> None:
        self._rows.setdefault(self._key(row.type, row.title, row.organization), []).append(row)

    def find(self, item: dict) -> Achievement | None:
        """The achievement ``item`` repeats: same type, organisation and title, overlapping dates."""
        far = dt.date(9999, 1, 1)
        start, end = _date(item.get("start_date")), _date(item.get("end_date"))
        for row in self._rows.get(
            self._key(item.get("type"), item.get("title"), item.get("organization")), []
        ):
            if not (start and row.start_date):
                return row
            if start <= (row.end_date or far) and row.start_date <= (end or far):
                return row
        return None


def _clean_achievements(draft: dict) -> dict:
    """An edited career draft: shape and every field checked like a real achievement."""
    if not isinstance(draft, dict):
        raise ValidationError({"draft": ["Expected an object."]})
    errors, achievements = {}, []
    raw = draft.get("achievements", [])
    if not isinstance(raw, list) or len(raw) > MAX_DRAFT_ENTRIES:
        raise ValidationError(
            {"draft.achievements": [f"Expected a list of at most {MAX_DRAFT_ENTRIES} entries."]}
        )
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            errors[f"achievements.{index}"] = ["Expected an object."]
            continue
        fields = {k: item.get(k) for k in ACHIEVEMENT_KEYS if k in item}
        for key in ("start_date", "end_date"):
            if fields.get(key) == "":
                fields[key] = None
        try:
            clean_achievement_fields({**_required(fields)}, instance=None)
        except ValidationError as exc:
            for key, value in exc.detail.items():
                errors[f"achievements.{index}.{key}"] = value
            continue
        confidence = item.get("confidence") if isinstance(item.get("confidence"), dict) else {}
        achievements.append(
            drafts.entry(
                fields.pop("type"), confidence=_scores(confidence), roles=item.get("roles"), **fields
            )
        )
    skills = []
    for index, item in enumerate(draft.get("skills") or []):
        name = item.get("name") if isinstance(item, dict) else item
        if not isinstance(name, str) or not name.strip() or len(name) > 60:
            errors[f"skills.{index}"] = ["A skill needs a name of at most 60 characters."]
            continue
        category = item.get("category") if isinstance(item, dict) else None
        level = item.get("proficiency", "") if isinstance(item, dict) else ""
        made = drafts.skill(
            name, category=category if category in SkillCategory.values else None, level=level
        )
        if isinstance(item, dict) and item.get("proficiency") in Proficiency.values:
            made["proficiency"] = item["proficiency"]
        skills.append(made)
    if errors:
        raise ValidationError(errors)
    basics = draft.get("basics") if isinstance(draft.get("basics"), dict) else {}
    return drafts.new_draft(
        basics={k: v for k, v in basics.items() if isinstance(v, str)},
        achievements=achievements,
        skills=skills,
    )


def _required(fields: dict) -> dict:
    return {"title": "", "type": "", **fields}


def _scores(confidence: dict) -> dict:
    return {k: min(max(float(v), 0.0), 1.0) for k, v in confidence.items() if isinstance(v, int | float)}


@transaction.atomic
def draft_update(*, import_draft: ImportDraft, draft: dict) -> ImportDraft:
    """Replace the draft's content with the reviewed one (an entry left out is dropped)."""
    if import_draft.status != ImportStatus.PARSED:
        raise AlreadyConfirmed()
    kind = registry.get_kind(import_draft.kind)
    cleaned = kind.clean(draft) if kind and kind.clean else _clean_achievements(draft)
    cleaned.pop("warnings", None)
    _mark_duplicates(kind, import_draft.user, cleaned)
    import_draft.draft = cleaned
    import_draft.save(update_fields=["draft"])
    return import_draft


def _indices(entries, total: int) -> list[int]:
    if entries is None:
        return list(range(total))
    bad = [e for e in entries if not isinstance(e, int) or isinstance(e, bool) or not 0 <= e < total]
    if bad:
        raise ValidationError({"entries": [f"Not an entry of this draft: {bad[:5]} (it has {total})."]})
    return sorted(set(entries))


def _merge(row: Achievement, fields: dict) -> Achievement:
    """Fill what the existing achievement lacks; add highlights and skills it does not have yet."""
    changes = {}
    for key in ("location", "description", "url", "start_date"):
        if fields.get(key) and not getattr(row, key):
            changes[key] = fields[key]
    if row.end_date and fields.get("start_date") and not fields.get("end_date"):
        changes["end_date"] = None  # the file says it is still going on
    for key in ("highlights", "skills"):
        have = list(getattr(row, key) or [])
        extra = [v for v in fields.get(key) or [] if fold(v) not in {fold(h) for h in have}]
        if extra:
            changes[key] = have + extra
    if changes:
        resume_services.achievement_update(achievement=row, **changes)
    return row


def _description_with_roles(item: dict) -> str:
    """The entry's description led by its roles: an achievement has no field of its own for them."""
    roles, description = ", ".join(item.get("roles") or []), item.get("description") or ""
    return f"Roles: {roles}\n{description}".strip() if roles else description


def _confirm_achievements(user, draft: dict, indices: list[int]) -> dict:
    items = draft.get("achievements", [])
    existing = DuplicateIndex(Achievement.objects.filter(user=user))
    created, merged = [], []
    for index in indices:
        item = items[index]
        fields = {k: item.get(k) for k in ACHIEVEMENT_KEYS} | {"description": _description_with_roles(item)}
        for key in ("start_date", "end_date"):
            fields[key] = fields[key] or None
        try:
            match = existing.find(item)
            if match is not None:
                _merge(match, clean_achievement_fields(fields, instance=None))
                merged.append(match.pk)
            else:
                row = resume_services.achievement_create(user=user, **fields)
                existing.add(row)
                created.append(row.pk)
        except ValidationError as exc:
            detail = exc.detail if isinstance(exc.detail, dict) else {"entry": exc.detail}
            raise ValidationError({f"achievements.{index}.{k}": v for k, v in detail.items()}) from exc
    have = {name.lower() for name in Skill.objects.filter(user=user).values_list("name", flat=True)}
    new_skills = []
    for item in draft.get("skills", []):
        if item["name"].lower() not in have:
            have.add(item["name"].lower())
            new_skills.append(
                Skill(
                    user=user, name=item["name"], category=item["category"], proficiency=item["proficiency"]
                )
            )
    Skill.objects.bulk_create(new_skills, ignore_conflicts=True)
    resume_services.schedule_rebuild(user_id=user.pk)
    return {"created": created, "merged": merged, "skills": [s.name for s in new_skills]}


@transaction.atomic
def draft_confirm(*, import_draft: ImportDraft, entries: list[int] | None = None) -> ImportDraft:
    """Write the chosen entries (all when ``entries`` is None); see the module docstring."""
    locked = ImportDraft.objects.select_for_update().get(pk=import_draft.pk)
    if locked.status == ImportStatus.CONFIRMED:
        return locked
    kind = registry.get_kind(locked.kind)
    total = len(locked.draft.get("applications" if kind and kind.confirm else "achievements", []))
    indices = _indices(entries, total)
    with resume_services.rebuilds_deferred():
        if kind and kind.confirm:
            result = kind.confirm(locked.user, locked.draft, indices)
        else:
            result = _confirm_achievements(locked.user, locked.draft, indices)
    locked.status, locked.result, locked.confirmed_at = ImportStatus.CONFIRMED, result, timezone.now()
    locked.save(update_fields=["status", "result", "confirmed_at"])
    return locked


def draft_apply_suggestions(*, import_draft: ImportDraft, suggestions: dict) -> list[str]:
    """Fill empty entry fields from checked suggestions ``{index: {field: value}}``; returns what changed."""
    if import_draft.status != ImportStatus.PARSED:
        raise AlreadyConfirmed()
    changed = []
    items = import_draft.draft.get("achievements", [])
    for index, fields in suggestions.items():
        if not 0 <= index < len(items):
            continue
        for key, value in fields.items():
            if key in ("title", "organization", "location", "start_date", "end_date") and not items[
                index
            ].get(key):
                items[index][key] = value
                items[index].setdefault("confidence", {})[key] = 0.5
                changed.append(f"achievements.{index}.{key}")
    if changed:
        import_draft.save(update_fields=["draft"])
    return changed


__all__ = ["DuplicateIndex", "draft_confirm", "draft_create", "draft_update", "drafts_purge_expired"]
