"""PDF -> draft: each word's text, font, size and position (pdfminer.six) -> lines -> the shared layout rules.

Two-column pages are split at the x position no line crosses; running
headers and footers (page numbers, text repeated on every page) are dropped.
Nothing named in the file is fetched: pdfminer only reads the bytes given.
"""

import io
import itertools
import re
import statistics
from collections import Counter

from django.utils.translation import gettext_lazy
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.psexceptions import PSException

from .errors import UnreadableFile
from .fields import BULLET_RE
from .layout import Line, draft_from_lines, source_text

MAX_PAGES = 20
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^\D{0,40}\b\d{1,3}\s*(?:/|of|из|von|de|sur)\s*\d{1,3}\s*$|^\s*\d{1,3}\s*$", re.I)
_CID = re.compile(r"\(cid:\d+\)")


class NoTextLayer(UnreadableFile):
    code = "no_text_layer"
    detail = gettext_lazy("No text layer: export the PDF from your editor, or OCR it first.")


class EncryptedPDF(UnreadableFile):
    code = "encrypted_pdf"
    detail = gettext_lazy("The PDF is encrypted: save an unprotected copy and upload that.")


def _rows(words, tolerance=2.5):
    """Words grouped into rows by their top edge, each row sorted left to right."""
    rows = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= tolerance:
            rows[-1].append(word)
        else:
            rows.append([word])
    return [sorted(row, key=lambda w: w["x0"]) for row in rows]


def _gutter(words, width: float) -> float | None:
    """The x of a column gutter no more than a few rows cross, or ``None`` for one column."""
    rows = _rows(words)
    if len(rows) < 3:
        return None
    best, best_cross = None, None
    for x in range(int(width * 0.2), int(width * 0.75), 2):
        cross = left = right = 0
        for row in rows:
            if any(w["x0"] < x < w["x1"] for w in row):
                cross += 1
            if any(w["x1"] <= x for w in row):
                left += 1
            if any(w["x0"] >= x for w in row):
                right += 1
        if min(left, right) < len(rows) * 0.25:
            continue
        # No word may touch the gutter band itself.
        if any(x - 6 < w["x1"] and w["x0"] < x + 6 for w in words if not (w["x0"] < x < w["x1"])):
            continue
        if best_cross is None or cross < best_cross:
            best, best_cross = x, cross
    return best if best is not None and best_cross <= max(1, len(rows) * 0.04) else None


def _line(row, page_no: int) -> dict:
    parts, previous = [], None
    for word in row:
        text = _CID.sub("•", word["text"])
        if previous is not None and word["x0"] - previous["x1"] > max(12, word["size"] * 2.2):
            parts.append("   ")  # a big horizontal gap: a separate field on the same line
        elif previous is not None:
            parts.append(" ")
        parts.append(text)
        previous = word
    first = row[0]
    text = "".join(parts).strip()
    bold_chars = sum(len(w["text"]) for w in row if _BOLD.search(w["fontname"]))
    return {
        "text": text,
        "size": max(w["size"] for w in row),
        "bold": _BOLD.search(first["fontname"]) is not None,
        "mostly_bold": bold_chars >= 0.6 * sum(len(w["text"]) for w in row),
        "italic": _ITALIC.search(first["fontname"]) is not None,
        "bullet": bool(BULLET_RE.match(text)) or ("Symbol" in first["fontname"] and first["text"] in "•·"),
        "x0": first["x0"],
        "top": first["top"],
        "bottom": max(w["bottom"] for w in row),
        "page": page_no,
        "key": re.sub(r"\d+", "#", text),
    }


def _chars(item):
    if isinstance(item, LTChar):
        yield item
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _chars(child)


def _words(layout) -> list[dict]:
    """Characters in content order -> words: a space, a jump back, a new baseline or a gap ends one."""
    height = layout.height
    words, current = [], None
    for char in _chars(layout):
        text = char.get_text()
        top = height - char.y1
        if text.isspace():
            current = None
            continue
        if (
            current is not None
            and abs(current["top"] - top) <= char.size * 0.5
            and -0.5 <= char.x0 - current["x1"] <= char.size * 0.25
        ):
            current["text"] += text
            current["x1"] = char.x1
            current["bottom"] = max(current["bottom"], height - char.y0)
            continue
        current = {
            "text": text,
            "x0": char.x0,
            "x1": char.x1,
            "top": top,
            "bottom": height - char.y0,
            "fontname": char.fontname,
            "size": char.size,
        }
        words.append(current)
    return words


def _page_lines(layout, page_no: int):
    words = _words(layout)
    gutter = _gutter(words, float(layout.width))
    columns = [words]
    if gutter is not None:
        left = [w for w in words if w["x0"] < gutter]
        right = [w for w in words if w["x0"] >= gutter]
        # The column holding the name (largest type) reads first.
        columns = sorted([left, right], key=lambda col: -max((w["size"] for w in col), default=0))
    lines = []
    for column in columns:
        lines += [_line(row, page_no) for row in _rows(column)]
    return lines, float(layout.height)


def _drop_running_lines(pages: list[tuple[list[dict], float]]) -> list[dict]:
    repeated = Counter(line["key"] for lines, _ in pages for line in {li["key"]: li for li in lines}.values())
    kept = []
    for lines, height in pages:
        for line in lines:
            edge = line["top"] > height * 0.92 or line["bottom"] < height * 0.06
            running = len(pages) > 1 and repeated[line["key"]] >= len(pages)
            if edge and (running or _PAGE_NUMBER.match(line["text"])):
                continue
            kept.append(line)
    return kept


def _as_lines(raw: list[dict]) -> list[Line]:
    gaps = [
        b["top"] - a["bottom"]
        for a, b in itertools.pairwise(raw)
        if a["page"] == b["page"] and 0 <= b["top"] - a["bottom"] < 40
    ]
    usual = statistics.median(gaps) if gaps else 3.0
    usual = max(usual, 1.0)
    lines, previous = [], None
    for item in raw:
        gap = 1.0
        if previous is not None and previous["page"] == item["page"] and item["top"] >= previous["top"]:
            gap = max(item["top"] - previous["bottom"], 0) / usual
        lines.append(
            Line(
                text=item["text"],
                size=item["size"],
                bold=(item["bold"] and item["mostly_bold"]) or (item["bold"] and len(item["text"]) < 120),
                italic=item["italic"],
                bullet=item["bullet"],
                gap=gap,
                x0=item["x0"],
                page=item["page"],
            )
        )
        previous = item
    return lines


def _layouts(data: bytes):
    parser = PDFParser(io.BytesIO(data))
    document = PDFDocument(parser)
    if document.encryption:
        raise EncryptedPDF()
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=None)  # no layout analysis: positions are enough
    interpreter = PDFPageInterpreter(manager, device)
    for number, page in enumerate(PDFPage.create_pages(document)):
        if number >= MAX_PAGES:
            raise UnreadableFile(f"The PDF has more than {MAX_PAGES} pages; at most {MAX_PAGES} are read.")
        interpreter.process_page(page)
        yield device.get_result()


def read_lines(data: bytes) -> list[Line]:
    """The PDF's lines in reading order; raises ``UnreadableFile`` subclasses for what cannot be read."""
    try:
        pages = [_page_lines(layout, number) for number, layout in enumerate(_layouts(data))]
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedPDF() from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UnreadableFile("The PDF is damaged and could not be read.") from exc
    raw = _drop_running_lines(pages)
    if sum(len(item["text"].strip()) for item in raw) < 20:
        raise NoTextLayer()
    return _as_lines(raw)


def parse(data: bytes) -> tuple[dict, str]:
    """(draft, extracted text) for a PDF."""
    lines = read_lines(data)
    return draft_from_lines(lines), source_text(lines)
