# ruff: noqa: RUF001  (bullet and dash glyphs)
"""What an applicant tracking system reads from our own exports, and rule-based content checks.

``readback`` renders the resume, runs our own parser on the file and compares
the result with the source: "reads back cleanly", or exactly what was lost.
Exporters plug in by format in ``READERS`` (PDF and DOCX), and the report
reads back each of them. ``content_checks`` are the rules with pass/fail and a
one-line fix each.
"""

import io
import re
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pdfminer.pdfdocument import PDFDocument
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from ..exporters.docx import cached_docx, render_docx
from ..exporters.json_resume import to_json_resume
from ..exporters.pdf import cached_pdf, render_html, render_pdf
from . import docx as docx_reader
from . import layout
from . import pdf as pdf_reader
from .fields import fold, parse_date_text

# Format -> (render(content, template, paper, title) -> bytes, read_lines(bytes) -> [Line]).
READERS = {
    "pdf": (
        lambda content, template, paper, title: render_pdf(
            content, template=template, paper=paper, title=title
        ),
        pdf_reader.read_lines,
    ),
    "docx": (
        lambda content, template, paper, title: render_docx(
            content, template=template, paper=paper, title=title
        ),
        docx_reader.read_lines,
    ),
}
BULLETS = frozenset("•·◦▪‣-–")
MAX_BULLET_CHARS = 200  # about two lines at resume type sizes
MAX_PAGES = 2
_QUANTIFIED = re.compile(r"\d|%|\$|€|£")


@dataclass
class Rule:
    rule: str
    title: str
    passed: bool
    detail: str
    fix: str


def _work(content: dict) -> list[dict]:
    return [w for w in to_json_resume(content).get("work", []) if isinstance(w, dict)]


def _year_month(value: str) -> str:
    parsed, _exact = parse_date_text(value) if value else (None, False)
    return parsed.isoformat()[:7] if parsed else ""


def readback(
    content: dict,
    *,
    fmt: str = "pdf",
    template: str = "ats",
    paper: str = "a4",
    title: str = "",
    data: bytes | None = None,
) -> dict:
    """Parse our own export of ``content`` and list what the reader lost (empty = reads back cleanly)."""
    render, read_lines = READERS[fmt]
    data = data if data is not None else render(content, template, paper, title)
    lines = read_lines(data)
    draft = layout.draft_from_lines(lines)
    text = layout.source_text(lines)
    lost = []
    source = to_json_resume(content)
    basics = source.get("basics", {})
    if basics.get("name") and fold(draft["basics"]["name"]) != fold(basics["name"]):
        lost.append(
            _("Name read as %(read)r instead of %(name)r.")
            % {"read": draft["basics"]["name"], "name": basics["name"]}
        )
    for key in ("email", "phone"):
        if basics.get(key) and fold(draft["basics"][key]) != fold(basics[key]):
            what = _("E-mail") if key == "email" else _("Phone")
            lost.append(
                _("%(what)s %(value)r was not found in the contact details.")
                % {"what": what, "value": basics[key]}
            )
    parsed = [a for a in draft["achievements"] if a["type"] in ("job", "internship")]
    for item in _work(content):
        employer, position = item.get("name", ""), item.get("position", "")
        match = next((p for p in parsed if fold(p["title"]) == fold(position or employer)), None)
        label = (
            _("%(title)s at %(company)s") % {"title": position, "company": employer} if position else employer
        )
        if match is None:
            lost.append(
                _("Role %(role)r was not read as its own entry (merged columns or lost heading).")
                % {"role": label}
            )
            continue
        if position and fold(match["organization"]) != fold(employer):
            lost.append(
                _("Role %(role)r: employer read as %(read)r.")
                % {"role": label, "read": match["organization"]}
            )
        if item.get("startDate") and match["start_date"][:7] != _year_month(item["startDate"]):
            lost.append(_("Role %(role)r: start date missing or misread.") % {"role": label})
        if item.get("endDate") and match["end_date"][:7] != _year_month(item["endDate"]):
            lost.append(_("Role %(role)r: end date missing or misread.") % {"role": label})
    if "\ufffd" in text or "(cid:" in text:
        lost.append(_("Some characters came out unreadable (glyphs without a text mapping)."))
    words = {fold(w) for w in re.findall(r"\w+", text)}
    for group in source.get("skills", []):
        for keyword in group.get("keywords", []) if isinstance(group, dict) else []:
            if not set(fold(keyword).split()) <= words and fold(keyword) not in fold(text):
                lost.append(_("Skill %(skill)r is not in the text layer.") % {"skill": keyword})
    return {"format": fmt, "template": template, "clean": not lost, "lost": lost}


def _base_font(name: str) -> str:
    return name.split("+", 1)[-1]


def _fonts_not_embedded(data: bytes) -> list[str]:
    """Fonts that carry text (not only bullet glyphs) without being embedded in the PDF."""
    missing = set()
    document = PDFDocument(PDFParser(io.BytesIO(data)))
    for page in PDFPage.create_pages(document):
        fonts = resolve1((page.resources or {}).get("Font")) or {}
        for font in fonts.values():
            font = resolve1(font)
            for part in resolve1(font.get("DescendantFonts")) or [font]:
                descriptor = resolve1(resolve1(part).get("FontDescriptor")) or {}
                if not any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3")):
                    missing.add(_base_font(str(resolve1(font.get("BaseFont"))).strip("/'")))
    used = set()
    for layout_page in pdf_reader._layouts(data):
        for char in pdf_reader._chars(layout_page):
            if not char.get_text().isspace() and char.get_text() not in BULLETS:
                used.add(_base_font(char.fontname))
    return sorted(missing & used)


def content_checks(
    content: dict, *, template: str = "ats", paper: str = "a4", title: str = "", data: bytes | None = None
) -> list[Rule]:
    source = to_json_resume(content)
    basics = source.get("basics", {})
    work = _work(content)
    rules = []
    missing = [k for k in ("email", "phone") if not basics.get(k)]
    rules.append(
        Rule(
            "contact",
            _("Contact details"),
            not missing,
            _("Missing: %(fields)s.") % {"fields": ", ".join(missing)}
            if missing
            else _("E-mail and phone are present."),
            _("Add an e-mail address and a phone number to the resume's basics."),
        )
    )
    undated = [
        e.get("position") or e.get("name") or e.get("institution") or "entry"
        for key in ("work", "education", "projects", "volunteer")
        for e in source.get(key, [])
        if isinstance(e, dict) and not e.get("startDate")
    ]
    rules.append(
        Rule(
            "dates",
            _("Every entry has dates"),
            not undated,
            _("No dates: %(entries)s.") % {"entries": ", ".join(undated[:5])}
            if undated
            else _("All entries are dated."),
            _("Give each job, degree and project a start date (and an end date unless ongoing)."),
        )
    )
    long = [h[:40] + "…" for e in work for h in e.get("highlights", []) if len(h) > MAX_BULLET_CHARS]
    rules.append(
        Rule(
            "bullet_length",
            _("Bullets of at most ~2 lines"),
            not long,
            ngettext(
                "%(n)s bullet runs longer: %(bullets)s.", "%(n)s bullets run longer: %(bullets)s.", len(long)
            )
            % {"n": len(long), "bullets": "; ".join(long[:3])}
            if long
            else _("All bullets are short."),
            _("Split or trim bullets over %(n)s characters.") % {"n": MAX_BULLET_CHARS},
        )
    )
    flat = [
        e.get("position") or e.get("name", "")
        for e in work
        if not _QUANTIFIED.search(" ".join([e.get("summary", ""), *e.get("highlights", [])]))
    ]
    rules.append(
        Rule(
            "quantified",
            _("A quantified result in every role"),
            not flat,
            _("No number in: %(roles)s.") % {"roles": ", ".join(flat[:5])}
            if flat
            else _("Every role shows a number."),
            _("Add one measurable result per role (%, time saved, users, revenue)."),
        )
    )
    data = data if data is not None else render_pdf(content, template=template, paper=paper, title=title)
    pages = len(list(PDFPage.get_pages(io.BytesIO(data))))
    rules.append(
        Rule(
            "pages",
            _("At most %(n)s pages") % {"n": MAX_PAGES},
            pages <= MAX_PAGES,
            ngettext("The PDF has %(n)s page.", "The PDF has %(n)s pages.", pages) % {"n": pages},
            _("Cut older or less relevant entries until it fits on two pages."),
        )
    )
    lines = pdf_reader.read_lines(data)
    odd = [title for key, title in layout.heading_names(lines) if key == "other"]
    rules.append(
        Rule(
            "section_names",
            _("Common section names"),
            not odd,
            _("Uncommon headings: %(headings)s.") % {"headings": ", ".join(odd)}
            if odd
            else _("All headings are standard."),
            _("Use standard headings (Experience, Education, Skills) so parsers file your entries."),
        )
    )
    html = render_html(content, template="ats", paper=paper, title=title)
    figures = [tag for tag in ("<img", "<table", "<svg") if tag in html.lower()]
    rules.append(
        Rule(
            "ats_template_plain",
            _("No images or tables in the ATS template"),
            not figures,
            _("Found %(tags)s.") % {"tags": ", ".join(t.strip("<") for t in figures)}
            if figures
            else _("Plain text only."),
            _("Remove pictures and tables from the ATS template."),
        )
    )
    not_embedded = _fonts_not_embedded(data)
    rules.append(
        Rule(
            "fonts_embedded",
            _("Fonts embedded"),
            not not_embedded,
            _("Not embedded: %(fonts)s.") % {"fonts": ", ".join(not_embedded)}
            if not_embedded
            else _("Every font is embedded."),
            _("Embed every font (export with fonts embedded) so text maps to characters."),
        )
    )
    return rules


def ats_report(
    content: dict,
    *,
    template: str = "ats",
    paper: str = "a4",
    title: str = "",
    data: bytes | None = None,
    docx_data: bytes | None = None,
) -> dict:
    """Rules on the PDF, and a read-back of each file we export (``readbacks``: PDF, then DOCX).

    ``readback`` is the PDF's alone, as the first API version answered it.
    """
    if data is None:
        data = render_pdf(content, template=template, paper=paper, title=title)
    rules = content_checks(content, template=template, paper=paper, title=title, data=data)
    options = {"template": template, "paper": paper, "title": title}
    readbacks = [
        readback(content, fmt="pdf", data=data, **options),
        readback(content, fmt="docx", data=docx_data, **options),
    ]
    return {
        "template": template,
        "paper": paper,
        "passed": all(r.passed for r in rules),
        "rules": [asdict(r) for r in rules],
        "readback": readbacks[0],
        "readbacks": readbacks,
    }


def resume_ats_report(resume, *, template: str, paper: str) -> dict:
    """``ats_report`` on the resume's cached PDF and DOCX; raises ``UnknownOption`` for a bad option."""
    pdf_data, _ = cached_pdf(resume, template=template, paper=paper)
    docx_data, _ = cached_docx(resume, template=template, paper=paper)
    return ats_report(
        resume.content, template=template, paper=paper, title=resume.title, data=pdf_data, docx_data=docx_data
    )
