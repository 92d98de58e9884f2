"""DOCX export with python-docx from our template (``resumes/data/resume-template.docx``).

The same ``Document`` as the PDF, in the same order, as real Word structure:
the name in ``Title``, sections in ``Heading 1``, entries in ``Heading 2``,
bullet points in ``List Bullet`` (a numbering definition, not typed "•"),
one column of paragraphs, no text boxes or tables, so ATS parsers and
screen readers read it as written. Each template is a theme over the same
styles (fonts, colours, sizes, margins); the document's language is set for
spell checking and hyphenation. Cached by content like the PDF.
"""

import hashlib
import io
import json
import re
from dataclasses import dataclass

import docx
from django.core.cache import cache
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from . import onepage
from .document import build_document
from .docx_template import TEMPLATE_PATH
from .pdf import CACHE_TIMEOUT, PAPERS, TEMPLATE_VERSION, check_options, fitted_onepage

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Bump when the template file or the themes change, so cached files of the old look are not served.
DOCX_VERSION = "2"
WORD_LANGUAGES = {"en": "en-US", "ru": "ru-RU", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}


@dataclass(frozen=True)
class Theme:
    body_font: str
    heading_font: str
    accent: str  # hex colour of the name and section headings
    body_size: float = 10
    title_size: float = 22
    heading_size: float = 12
    entry_size: float = 10.5
    caps: bool = False  # section headings in capitals, as the PDF's text-transform
    centered: bool = False  # name, label and contacts centred
    rule: bool = True  # a line under section headings
    contact_separator: str | None = "  ·  "  # None: one contact per line
    summary_label: str = "profile"  # which of the document's labels heads the summary
    sidebar_first: bool = False  # the modern PDF's reading order: contact and short sections first
    margins_mm: tuple = (16, 18)  # top/bottom, left/right


THEMES = {
    "classic": Theme("Cambria", "Cambria", "1D3557", caps=True, centered=True),
    "modern": Theme(
        "Calibri", "Calibri", "0B6E4F", title_size=19, contact_separator=None, sidebar_first=True
    ),
    "ats": Theme(
        "Arial",
        "Arial",
        "000000",
        title_size=16,
        caps=True,
        rule=False,
        contact_separator=None,
        summary_label="summary",
        margins_mm=(18, 20),
    ),
    "executive": Theme(
        "Calibri", "Cambria", "6B1D2A", title_size=24, contact_separator="   |   ", margins_mm=(20, 22)
    ),
    "onepage": Theme(
        "Calibri",
        "Calibri",
        "1F4E79",
        body_size=8.5,
        title_size=16,
        heading_size=9.5,
        entry_size=9,
        caps=True,
        contact_separator=" · ",
        margins_mm=(11, 13),
    ),
}


def _set_fonts(style, name: str):
    """All four font slots, so Cyrillic and Greek (and any other script) use the theme's face too."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def _set_language(style, code: str):
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), code)
    lang.set(qn("w:eastAsia"), code)
    lang.set(qn("w:bidi"), code)
    rpr.append(lang)


def _apply_theme(document, theme: Theme, *, paper: str, language: str):
    styles = document.styles
    for name in ("Normal", "Contact", "Entry Meta", "Compact", "Keywords", "List Bullet"):
        _set_fonts(styles[name], theme.body_font)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2"):
        _set_fonts(styles[name], theme.heading_font)
    _set_language(styles["Normal"], WORD_LANGUAGES.get(language, "en-US"))
    styles["Normal"].font.size = Pt(theme.body_size)
    styles["Title"].font.size = Pt(theme.title_size)
    styles["Heading 1"].font.size = Pt(theme.heading_size)
    styles["Heading 2"].font.size = Pt(theme.entry_size)
    for name in ("Contact", "Entry Meta", "Keywords"):
        styles[name].font.size = Pt(max(theme.body_size - 1, 7))
    accent = RGBColor.from_string(theme.accent)
    styles["Title"].font.color.rgb = accent
    styles["Heading 1"].font.color.rgb = accent
    styles["Heading 1"].font.all_caps = theme.caps
    if not theme.rule:
        ppr = styles["Heading 1"].element.get_or_add_pPr()
        for border in ppr.findall(qn("w:pBdr")):
            ppr.remove(border)
    else:
        for bottom in styles["Heading 1"].element.iter(qn("w:bottom")):
            bottom.set(qn("w:color"), theme.accent)
    if theme.centered:
        for name in ("Title", "Subtitle", "Contact"):
            styles[name].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    page = PAPERS[paper]
    section = document.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin = section.bottom_margin = Mm(theme.margins_mm[0])
    section.left_margin = section.right_margin = Mm(theme.margins_mm[1])


def _entry(document, entry, theme: Theme, labels: dict):
    head = document.add_paragraph(style="Heading 2")
    head.add_run(entry.heading)
    if entry.dates:
        dates = head.add_run(f" · {entry.dates}")
        dates.bold = False
        dates.font.color.rgb = RGBColor.from_string(theme.accent if theme.accent != "000000" else "555555")
    meta = ", ".join(p for p in (entry.organization, entry.location) if p)
    if entry.url:
        meta = f"{meta} · {entry.url}" if meta else entry.url
    if meta:
        document.add_paragraph(meta, style="Entry Meta")
    if entry.roles:
        document.add_paragraph(f"{labels['roles']}: {', '.join(entry.roles)}", style="Entry Meta")
    if entry.summary:
        document.add_paragraph(entry.summary)
    for item in entry.highlights:
        document.add_paragraph(item, style="List Bullet")
    if entry.keywords:
        document.add_paragraph(", ".join(entry.keywords), style="Keywords")


def _compact(document, entry):
    line = document.add_paragraph(style="Compact")
    line.add_run(entry.heading).bold = True
    if entry.organization:
        line.add_run(f" ({entry.organization})")
    if entry.keywords:
        line.add_run(": " + ", ".join(entry.keywords))


def _section(document, section, theme: Theme, labels: dict):
    document.add_paragraph(section.title, style="Heading 1")
    for entry in section.entries:
        if section.compact:
            _compact(document, entry)
        else:
            _entry(document, entry, theme, labels)


def _contacts(document, doc, theme: Theme):
    if not doc.contacts:
        return
    if theme.sidebar_first:
        document.add_paragraph(doc.labels["contact"], style="Heading 1")
    if theme.contact_separator is None:
        for contact in doc.contacts:
            document.add_paragraph(contact, style="Contact")
    else:
        document.add_paragraph(theme.contact_separator.join(doc.contacts), style="Contact")


def _summary(document, doc, theme: Theme):
    if doc.summary:
        document.add_paragraph(doc.labels[theme.summary_label], style="Heading 1")
        document.add_paragraph(doc.summary)


def render_document_docx(doc, *, template: str, paper: str) -> bytes:
    """A ``Document`` (``resumes.exporters.document``) as DOCX bytes in ``template``'s theme."""
    theme = THEMES[template]
    document = docx.Document(str(TEMPLATE_PATH))
    _apply_theme(document, theme, paper=paper, language=doc.language)
    document.add_paragraph(doc.name or "Resume", style="Title")
    if doc.label:
        document.add_paragraph(doc.label, style="Subtitle")
    _contacts(document, doc, theme)
    if theme.sidebar_first:
        for section in doc.side_sections:
            _section(document, section, theme, doc.labels)
        _summary(document, doc, theme)
        for section in doc.main_sections:
            _section(document, section, theme, doc.labels)
    else:
        _summary(document, doc, theme)
        for section in doc.sections:
            _section(document, section, theme, doc.labels)
    props = document.core_properties
    props.title = doc.name or "Resume"
    props.author = doc.name or "ResuMate"
    props.language = WORD_LANGUAGES.get(doc.language, "en-US")
    props.comments = "Exported from ResuMate"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# Characters XML 1.0 cannot hold (C0 controls but tab and newlines, lone surrogates, U+FFFE/F):
# pasted or imported text can carry them, and python-docx refuses the whole document.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value):
    if isinstance(value, str):
        return NOT_XML.sub("", value)
    if isinstance(value, dict):
        return {key: xml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [xml_safe(item) for item in value]
    return value


def render_docx(content: dict, *, template: str, paper: str, title: str = "") -> bytes:
    check_options(template, paper)
    content, title = xml_safe(content), xml_safe(title)
    if template == onepage.TEMPLATE:
        doc = fitted_onepage(content, paper=paper, title=title).document
    else:
        doc = build_document(content, fallback_name=title)
    return render_document_docx(doc, template=template, paper=paper)


def cache_key(content: dict, *, template: str, paper: str, title: str = "") -> str:
    payload = json.dumps(
        [content, title, template, paper, TEMPLATE_VERSION, DOCX_VERSION], sort_keys=True, default=str
    )
    return "resume-docx:" + hashlib.sha256(payload.encode()).hexdigest()


def cached_docx(resume, *, template: str, paper: str) -> tuple[bytes, bool]:
    """The resume's DOCX and whether it came from the cache (keyed by content, as ``cached_pdf``)."""
    check_options(template, paper)
    key = cache_key(resume.content, template=template, paper=paper, title=resume.title)
    body = cache.get(key)
    if body is not None:
        return body, True
    body = render_docx(resume.content, template=template, paper=paper, title=resume.title)
    cache.set(key, body, CACHE_TIMEOUT)
    return body, False
