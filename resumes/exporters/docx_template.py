"""Our Word template, ``resumes/data/resume-template.docx``: the styles every DOCX export uses.

Built from python-docx's own blank document by ``python manage.py
build_docx_template`` (run it after changing this module, and commit the
file). It defines real, named styles so Word's navigation pane, screen readers
and ATS parsers see the structure: ``Title`` (the name), ``Subtitle`` (the
label), ``Heading 1`` (sections), ``Heading 2`` (entries), ``List Bullet``
(bullet points on a "•" numbering definition), and four of ours:
``Contact``, ``Entry Meta``, ``Compact`` and ``Keywords``. No text boxes, no
tables: one column of paragraphs. Each export template (classic, modern, ...)
then only changes fonts, colours and sizes of these styles (``docx.THEMES``).
"""

import io
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

TEMPLATE_PATH = Path(__file__).resolve().parent.parent / "data" / "resume-template.docx"
BULLET_NUM_ID = "1"  # the numbering instance python-docx's "List Bullet" style already points at
CUSTOM_STYLES = ("Contact", "Entry Meta", "Compact", "Keywords")


def _spacing(style, *, before=0, after=0, line=None):
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line is not None:
        fmt.line_spacing = line


def _font(style, *, size, bold=None, italic=None, color=None):
    style.font.size = Pt(size)
    if bold is not None:
        style.font.bold = bold
    if italic is not None:
        style.font.italic = italic
    if color is not None:
        style.font.color.rgb = RGBColor.from_string(color)


def _bullet_numbering(document):
    """Point "List Bullet" at a plain "•" bullet (the stock one uses a Symbol-font glyph)."""
    numbering = document.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == BULLET_NUM_ID)
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(
        a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id
    )
    level = abstract.find(qn("w:lvl"))
    level.find(qn("w:numFmt")).set(qn("w:val"), "bullet")
    level.find(qn("w:lvlText")).set(qn("w:val"), "\u2022")
    for old in level.findall(qn("w:rPr")) + level.findall(qn("w:pPr")):
        level.remove(old)
    ppr = OxmlElement("w:pPr")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:left"), "284")
    ind.set(qn("w:hanging"), "227")
    ppr.append(ind)
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), "Arial")
    rpr.append(fonts)
    level.append(ppr)
    level.append(rpr)


def _bottom_border(style, *, size=6, color="000000"):
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn("w:pBdr")):
        ppr.remove(old)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", str(size)), ("w:space", "1"), ("w:color", color)):
        bottom.set(qn(attr), value)
    borders.append(bottom)
    ppr.append(borders)


def build_template() -> bytes:
    """The template document as bytes (written to ``TEMPLATE_PATH`` by the management command)."""
    document = docx.Document()
    styles = document.styles

    normal = styles["Normal"]
    normal.font.name = "Calibri"
    _font(normal, size=10, color="222222")
    _spacing(normal, after=2, line=1.1)

    title = styles["Title"]
    title.font.name = "Calibri"
    _font(title, size=22, bold=True, color="1D3557")
    _spacing(title, after=2, line=1.0)
    title_ppr = title.element.get_or_add_pPr()
    for old in title_ppr.findall(qn("w:pBdr")):  # the stock Title has a rule under it
        title_ppr.remove(old)

    subtitle = styles["Subtitle"]
    subtitle.font.name = "Calibri"
    _font(subtitle, size=12, italic=False, color="444444")
    _spacing(subtitle, after=4)

    heading1 = styles["Heading 1"]
    heading1.font.name = "Calibri"
    _font(heading1, size=12, bold=True, color="1D3557")
    _spacing(heading1, before=10, after=3)
    _bottom_border(heading1, color="1D3557")
    heading1.paragraph_format.keep_with_next = True

    heading2 = styles["Heading 2"]
    heading2.font.name = "Calibri"
    _font(heading2, size=10.5, bold=True, color="111111")
    _spacing(heading2, before=5, after=0)
    heading2.paragraph_format.keep_with_next = True

    bullet = styles["List Bullet"]
    _spacing(bullet, after=1)
    _bullet_numbering(document)

    for name in CUSTOM_STYLES:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
    _font(styles["Contact"], size=9, color="555555")
    _font(styles["Entry Meta"], size=9.5, italic=True, color="555555")
    styles["Entry Meta"].paragraph_format.keep_with_next = True
    _spacing(styles["Entry Meta"], after=1)
    _spacing(styles["Compact"], after=2)
    _font(styles["Keywords"], size=9, color="555555")

    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(16)
    section.left_margin = section.right_margin = Mm(18)

    props = document.core_properties
    props.author, props.title, props.comments = "ResuMate", "Resume", "ResuMate resume template"
    props.revision = 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
