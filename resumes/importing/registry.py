"""Import kinds: the built-in readers, plus kinds other apps register in ``ready()``.

The job tracker registers ``tracker_csv`` here, so resumes never imports it
(apps depend accounts <- resumes <- job_tracker). A kind says how to parse
bytes into a draft, and optionally how to recognise its text, clean an edited
draft, mark duplicates and confirm; kinds that leave those out use the
achievement defaults in ``services``.

The AI app registers the draft improver ("Improve with AI" on the review
page) the same way; without one the page offers no such button.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ImportKind:
    key: str
    label: str
    parse: Callable[[bytes], tuple[dict, str]]  # bytes -> (draft, source text)
    detect_text: Callable[[str], bool] | None = None
    clean: Callable | None = None  # (draft) -> draft, raising ValidationError
    mark_duplicates: Callable | None = None  # (user, draft) -> None
    confirm: Callable | None = None  # (user, draft, indices) -> result dict
    is_empty: Callable | None = None
    review_template: str = "resumes/importing/_review_career.html"


@dataclass(frozen=True)
class DraftImprover:
    # improve(*, user, import_draft, client_ip) -> {"filled": [...], "dropped": [...], "model": name};
    # raises ApplicationError with a message for the user.
    improve: Callable[..., dict]
    # available() -> False when nothing could answer (no remote model configured).
    available: Callable[[], bool]
    off_reason: str = ""


_kinds: dict[str, ImportKind] = {}
_improver: list[DraftImprover] = []


def register_draft_improver(improver: DraftImprover) -> None:
    _improver[:] = [improver]


def draft_improver() -> DraftImprover | None:
    return _improver[0] if _improver else None


def register_import_kind(kind: ImportKind) -> None:
    _kinds[kind.key] = kind


def get_kind(key: str) -> ImportKind | None:
    _builtins()
    return _kinds.get(key)


def all_kinds() -> dict[str, ImportKind]:
    _builtins()
    return dict(_kinds)


def text_detectors() -> list[tuple[str, Callable[[str], bool]]]:
    return [(k.key, k.detect_text) for k in all_kinds().values() if k.detect_text]


def _builtins() -> None:
    if "pdf" in _kinds:
        return
    from . import docx, json_resume, linkedin, pdf, reactive_resume

    for kind in (
        ImportKind("pdf", "PDF resume", pdf.parse),
        ImportKind("docx", "Word document (DOCX)", docx.parse),
        ImportKind("linkedin", "LinkedIn data export (ZIP)", linkedin.parse),
        ImportKind("json_resume", "JSON Resume", json_resume.parse),
        ImportKind("reactive_resume", "Reactive Resume export (JSON)", reactive_resume.parse),
    ):
        _kinds.setdefault(kind.key, kind)
