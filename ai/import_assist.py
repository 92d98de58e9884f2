"""Improve with AI, for an import draft: a remote model may fill fields the rules left empty.

Only from the file's own text: every suggested value must appear in the text
the reader extracted (dates: the year must), or it is dropped before the
draft changes. Off when no remote model is configured (the offline writer
cannot read a file).
"""

import json
import re

from django.utils.translation import gettext_lazy

from resumate.exceptions import ApplicationError
from resumes.importing.fields import find_date_range, fold, parse_date_text
from resumes.importing.models import ImportStatus
from resumes.importing.services import AlreadyConfirmed, draft_apply_suggestions

from .gateway import complete
from .grounding import parse_json_object
from .keywords import mentions
from .models import AIFeature, AIModel, APIProvider
from .prompts import SYSTEM, Prompt

FIELDS = ("title", "organization", "location", "start_date", "end_date")
MAX_SOURCE_CHARS = 12_000


class ImproveUnavailable(ApplicationError):
    status = 409
    code = "ai_not_configured"
    detail = gettext_lazy("Improve with AI is off: no remote model is configured.")


def remote_model(display_name: str | None = None) -> AIModel | None:
    """The requested (or first) active remote model that has its key; ``None`` means the feature is off."""
    models = (
        AIModel.objects.filter(is_active=True)
        .exclude(api_provider=APIProvider.OFFLINE)
        .select_related("fallback")
    )
    if display_name:
        models = models.filter(display_name=display_name)
    return next((m for m in models if m.is_available), None)


def _gaps(draft: dict) -> list[dict]:
    gaps = []
    for index, entry in enumerate(draft.get("achievements", [])):
        empty = [f for f in FIELDS if not entry.get(f) and not (f == "end_date" and entry.get("start_date"))]
        if empty:
            gaps.append(
                {
                    "index": index,
                    "type": entry["type"],
                    "known": {f: entry[f] for f in FIELDS if entry.get(f)},
                    "missing": empty,
                }
            )
    return gaps


def improve_prompt(*, gaps: list[dict], source_text: str) -> Prompt:
    text = (
        "A resume file was read by rules; some fields of some entries are empty. Fill them ONLY with text "
        "that appears in the file below; leave a field out when the file does not say it.\n"
        f"Entries with gaps:\n{json.dumps(gaps, ensure_ascii=False)}\n\n"
        f"The file's text:\n{source_text[:MAX_SOURCE_CHARS]}\n\n"
        'Answer with one JSON object and nothing else: {"entries": [{"index": n, "title": str, '
        '"organization": str, "location": str, "start_date": "YYYY-MM", "end_date": "YYYY-MM"}]}'
    )
    return Prompt(
        AIFeature.IMPORT_IMPROVE, SYSTEM, text, {"gaps": gaps}, temperature=0.0, max_output_tokens=1024
    )


def _grounded(value, field: str, source_text: str):
    if not isinstance(value, str) or not value.strip():
        return None
    value = " ".join(value.split())
    if field in ("start_date", "end_date"):
        parsed, _ = parse_date_text(value)
        found = find_date_range(value)
        parsed = parsed or (found.start if found else None)
        if parsed is None or str(parsed.year) not in source_text:
            return None
        return parsed.isoformat()
    return value if mentions(source_text, value) or fold(value) in fold(source_text) else None


def suggestions_from(answer: dict, *, gaps: list[dict], source_text: str) -> tuple[dict, list[str]]:
    """``{index: {field: value}}`` holding only values found in the file, and what was dropped."""
    allowed = {g["index"]: set(g["missing"]) for g in gaps}
    kept, dropped = {}, []
    for item in answer.get("entries") or []:
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("index"), int)
            or item["index"] not in allowed
        ):
            continue
        for field in allowed[item["index"]]:
            if field not in item:
                continue
            value = _grounded(item[field], field, source_text)
            if value is None:
                dropped.append(
                    f"achievements.{item['index']}.{field} {str(item[field])[:60]!r}: not in the file"
                )
            else:
                kept.setdefault(item["index"], {})[field] = value
    return kept, dropped


def improve_import_draft(*, user, import_draft, model_name: str | None = None, client_ip=None) -> dict:
    """Ask the model, keep what the file supports, fill the draft's empty fields; returns what changed."""
    if import_draft.status != ImportStatus.PARSED:
        raise AlreadyConfirmed()  # before the model is asked: a confirmed draft would waste the request
    model = remote_model(model_name)
    if model is None:
        raise ImproveUnavailable()
    gaps = _gaps(import_draft.draft)
    if not gaps:
        return {"filled": [], "dropped": [], "model": model.display_name}
    source = re.sub(r"[ \t]+", " ", import_draft.source_text)
    result = complete(
        model=model,
        prompt=improve_prompt(gaps=gaps, source_text=source),
        user=user,
        client_ip=client_ip,
        parse=parse_json_object,
    )
    kept, dropped = suggestions_from(result.value, gaps=gaps, source_text=source)
    filled = draft_apply_suggestions(import_draft=import_draft, suggestions=kept)
    return {"filled": filled, "dropped": dropped, "model": result.model.display_name}
