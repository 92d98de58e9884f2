"""PDF export through xhtml2pdf from the templates in ``resumes/templates/resumes/pdf/``.

Text stays real, extractable text in every script the DejaVu faces cover
(Latin with diacritics, Cyrillic, Greek): the four faces come from the
matplotlib wheel (a pinned requirement), and xhtml2pdf may only read them
because the font folder is an extra root of its ``ResourceAccessPolicy`` --
without it the fonts are silently replaced by Helvetica.
"""

import hashlib
import importlib.util
import io
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy
from pypdf import PdfReader
from xhtml2pdf import pisa
from xhtml2pdf.config.resources import ResourceAccessPolicy

from resumate.exceptions import ApplicationError

from . import onepage
from .document import build_document

logger = logging.getLogger(__name__)

TEMPLATES = {
    "classic": gettext_lazy("Classic — one column"),
    "modern": gettext_lazy("Modern — sidebar"),
    "ats": gettext_lazy("ATS-friendly — plain"),
    "executive": gettext_lazy("Executive — accent rules"),
    "onepage": gettext_lazy("One page — condensed to fit"),
}


@dataclass(frozen=True)
class Paper:
    key: str
    label: str
    css: str
    width_mm: float
    height_mm: float


PAPERS = {
    "a4": Paper("a4", "A4", "a4 portrait", 210, 297),
    "letter": Paper("letter", "US Letter", "letter portrait", 215.9, 279.4),
}
DEFAULT_TEMPLATE = "classic"
DEFAULT_PAPER = "a4"

# Bump when a template changes, so cached PDFs of the old look are not served.
TEMPLATE_VERSION = "3"
CACHE_TIMEOUT = 60 * 60 * 24 * 7


def _font_dir() -> Path:
    spec = importlib.util.find_spec("matplotlib")
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


FONT_DIR = _font_dir()
FONTS = {
    "sans": {
        "regular": "DejaVuSans.ttf",
        "bold": "DejaVuSans-Bold.ttf",
        "italic": "DejaVuSans-Oblique.ttf",
        "bold_italic": "DejaVuSans-BoldOblique.ttf",
    },
    "serif": {
        "regular": "DejaVuSerif.ttf",
        "bold": "DejaVuSerif-Bold.ttf",
        "italic": "DejaVuSerif-Italic.ttf",
        "bold_italic": "DejaVuSerif-BoldItalic.ttf",
    },
}


class UnknownOption(ValueError):
    """A template or paper name the exporter does not know."""


def check_options(template: str, paper: str) -> None:
    errors = {}
    if template not in TEMPLATES:
        errors["template"] = [f"Unknown template {template!r}; choose one of: {', '.join(TEMPLATES)}."]
    if paper not in PAPERS:
        errors["paper"] = [f"Unknown paper {paper!r}; choose one of: {', '.join(PAPERS)}."]
    if errors:
        raise UnknownOption(errors)


def _fonts():
    return {
        family: {face: (FONT_DIR / name).as_posix() for face, name in faces.items()}
        for family, faces in FONTS.items()
    }


def render_html(
    content: dict, *, template: str, paper: str, title: str = "", preview: bool = False, doc=None
) -> str:
    """The template's HTML; ``preview`` leaves out the font files a browser cannot load.

    ``doc`` is the ``Document`` to show, by default the whole resume; the
    one-page template gets its condensed one from ``fitted_onepage``.
    """
    check_options(template, paper)
    if doc is None:
        doc = (
            fitted_onepage(content, paper=paper, title=title).document
            if template == onepage.TEMPLATE
            else build_document(content, fallback_name=title)
        )
    page = PAPERS[paper]
    context = {
        "doc": doc,
        "paper": page,
        # Content width for two-column frames, in millimetres.
        "frame": {"height": page.height_mm - 28, "main_width": page.width_mm - 86},
        "fonts": None if preview else _fonts(),
        "preview": preview,
    }
    return render_to_string(f"resumes/pdf/{template}.html", context)


def html_to_pdf(html: str, *, template: str) -> bytes:
    out = io.BytesIO()
    policy = ResourceAccessPolicy(extra_roots=(FONT_DIR,), allow_remote=False)
    status = pisa.CreatePDF(html, dest=out, encoding="utf-8", resource_policy=policy)
    if status.err:
        # Only a broken template gets here; user text is escaped by the template engine.
        logger.error("xhtml2pdf reported %s errors rendering template %s", status.err, template)
    return out.getvalue()


def render_pdf(content: dict, *, template: str, paper: str, title: str = "") -> bytes:
    return html_to_pdf(render_html(content, template=template, paper=paper, title=title), template=template)


def _page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def fitted_onepage(content: dict, *, paper: str, title: str = "") -> onepage.Fit:
    """The resume condensed until the one-page template renders it on one page, and what was left out.

    Finding the fit renders a few trial PDFs, so the result is cached by
    content like the PDF itself; the DOCX and the preview reuse it.
    """
    key = cache_key(content, template=onepage.TEMPLATE, paper=paper, title=title).replace(
        "resume-pdf:", "resume-onepage:"
    )
    fit = cache.get(key)
    if fit is None:

        def pages(doc) -> int:
            html = render_html(content, template=onepage.TEMPLATE, paper=paper, title=title, doc=doc)
            return _page_count(html_to_pdf(html, template=onepage.TEMPLATE))

        fit = onepage.fit(build_document(content, fallback_name=title), pages=pages)
        cache.set(key, fit, CACHE_TIMEOUT)
    return fit


def cache_key(content: dict, *, template: str, paper: str, title: str = "") -> str:
    payload = json.dumps([content, title, template, paper, TEMPLATE_VERSION], sort_keys=True, default=str)
    return "resume-pdf:" + hashlib.sha256(payload.encode()).hexdigest()


class ResumeTooLarge(ApplicationError):
    status = 413
    code = "resume_too_large"


class RenderBusy(ApplicationError):
    status = 429
    code = "render_in_progress"
    detail = gettext_lazy("A PDF of yours is being rendered; try again in a moment.")

    def __init__(self):
        super().__init__(headers={"Retry-After": "5"})


# Renders cost CPU in proportion to the text: each string is capped, and so is the whole resume.
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")


def _capped(value, limit: int):
    if isinstance(value, str):
        return value if len(value) <= limit else value[: limit - 1] + "…"
    if isinstance(value, list):
        return [_capped(item, limit) for item in value]
    if isinstance(value, dict):
        return {key: _capped(item, limit) for key, item in value.items()}
    return value


def cached_pdf(resume, *, template: str, paper: str) -> tuple[bytes, bool]:
    """The resume's PDF and whether it came from the cache.

    The key hashes the content, so an edited resume misses and renders once
    again; the old entry simply expires. Bounded: each text field is cut at
    ``PDF_MAX_FIELD_CHARS``, a resume over ``PDF_MAX_CONTENT_BYTES`` is refused
    (413), one render per user runs at a time (429 ``render_in_progress``), and a
    result over ``PDF_MAX_PAGES`` is refused and remembered, so it is never rendered again.
    """
    check_options(template, paper)
    key = cache_key(resume.content, template=template, paper=paper, title=resume.title)
    pdf = cache.get(key)
    if pdf == b"too-large":
        raise ResumeTooLarge(f"This resume renders to more than {settings.PDF_MAX_PAGES} pages.")
    if pdf is not None:
        return pdf, True
    if len(json.dumps(resume.content, default=str)) > settings.PDF_MAX_CONTENT_BYTES:
        raise ResumeTooLarge(
            f"This resume is too long to render (limit {settings.PDF_MAX_CONTENT_BYTES} bytes)."
        )
    lock = f"resume-pdf:rendering:{resume.user_id}"
    if cache.add(lock, 1, timeout=settings.PDF_RENDER_LOCK_SECONDS) is False:
        raise RenderBusy
    try:
        content = _capped(resume.content, settings.PDF_MAX_FIELD_CHARS)
        pdf = render_pdf(content, template=template, paper=paper, title=resume.title[:200])
    finally:
        cache.delete(lock)
    if len(_PAGE.findall(pdf)) > settings.PDF_MAX_PAGES:
        cache.set(key, b"too-large", CACHE_TIMEOUT)
        raise ResumeTooLarge(f"This resume renders to more than {settings.PDF_MAX_PAGES} pages.")
    cache.set(key, pdf, CACHE_TIMEOUT)
    return pdf, False
