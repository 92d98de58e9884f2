"""DOCX -> draft: headings, paragraphs, lists and tables (python-docx) -> the shared layout rules.

Refused before parsing: macro-enabled documents (a ``vbaProject`` part or a
macro-enabled content type), archives over the ZIP caps, and documents with
no text. python-docx parses XML without resolving external entities, and no
relationship target (images, links, templates) is ever fetched.
"""

import io
import re

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.utils.translation import gettext_lazy
from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from .errors import NothingToImport, UnreadableFile
from .files import SafeZip
from .layout import Line, draft_from_lines, source_text

_HEADING_SIZES = {"title": 24.0, "heading 1": 16.0, "heading 2": 13.0, "heading 3": 12.0}


class MacroDocument(UnreadableFile):
    code = "macro_document"
    detail = gettext_lazy("The document contains macros (.docm): save it as a plain .docx and upload that.")


class EmptyDocument(NothingToImport):
    code = "empty_document"
    detail = gettext_lazy("The document has no text.")


def check_package(data: bytes) -> None:
    archive = SafeZip(data)
    names = archive.basename_map()
    if any(name.endswith("vbaproject.bin") for name in names) or "vbadata.xml" in names:
        raise MacroDocument()
    try:
        types = SafeET.fromstring(archive.read(names["[content_types].xml"]))
    except (DefusedXmlException, SafeET.ParseError, KeyError) as exc:
        raise UnreadableFile("The DOCX package is damaged ([Content_Types].xml).") from exc
    for element in types:
        if "macroenabled" in (element.get("ContentType") or "").lower():
            raise MacroDocument()


def _style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def _bold(paragraph) -> bool:
    runs = [r for r in paragraph.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = any(s.font.bold for s in _style_chain(paragraph.style))
    return all(r.bold or (r.bold is None and (style_bold or r.style.font.bold)) for r in runs)


def _size(paragraph, style_name: str) -> float:
    sizes = [r.font.size.pt for r in paragraph.runs if r.font.size is not None and r.text.strip()]
    if sizes:
        return max(sizes)
    for style in _style_chain(paragraph.style):
        if style.font.size is not None:
            return style.font.size.pt
    return _HEADING_SIZES.get(style_name, 11.0)


def _is_list(paragraph, style_name: str) -> bool:
    p_pr = paragraph._p.pPr
    return (p_pr is not None and p_pr.find(qn("w:numPr")) is not None) or "list" in style_name


def _paragraph_line(paragraph, gap: float) -> Line | None:
    text = " ".join(paragraph.text.replace("\t", "   ").split(" "))
    if not text.strip():
        return None
    style_name = (paragraph.style.name if paragraph.style is not None else "").lower()
    heading = style_name.startswith("heading") or style_name == "title"
    return Line(
        text=re.sub(r" {4,}", "   ", text.strip()),
        size=_size(paragraph, style_name),
        bold=_bold(paragraph) or heading,
        bullet=_is_list(paragraph, style_name),
        heading=heading and style_name != "title",
        gap=gap,
    )


def read_lines(data: bytes) -> list[Line]:
    check_package(data)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise UnreadableFile("The DOCX file is damaged and could not be read.") from exc
    lines, gap = [], 1.0
    body = document.element.body
    paragraphs = {p._p: p for p in document.paragraphs}
    tables = {t._tbl: t for t in document.tables}
    for child in body.iterchildren():
        if child in paragraphs:
            line = _paragraph_line(paragraphs[child], gap)
            if line is None:
                gap = 2.0  # an empty paragraph separates entries
                continue
            lines.append(line)
            gap = 1.0
        elif child in tables:
            for row in tables[child].rows:
                cells = []
                for cell in row.cells:
                    text = " ".join(cell.text.split())
                    if text and text not in cells:  # merged cells repeat
                        cells.append(text)
                if cells:
                    lines.append(Line(text="   ".join(cells), gap=gap))
                    gap = 1.0
    if not lines:
        raise EmptyDocument()
    return lines


def parse(data: bytes) -> tuple[dict, str]:
    lines = read_lines(data)
    return draft_from_lines(lines), source_text(lines)
