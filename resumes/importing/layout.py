# ruff: noqa: RUF001, RUF003  (the vocabularies are Cyrillic, accented and dash characters on purpose)
"""Lines of a document -> a draft: headings, entries, fields scored. Shared by the PDF and DOCX readers.

The readers turn their file into ``Line`` objects (text, size, bold, bullet,
relative vertical gap); everything after that is the same rules. Our own
reimplementation of the approach OpenResume describes (no code taken).
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from . import drafts
from .fields import (
    BULLET_RE,
    EMAIL_RE,
    ORG_SUFFIX_RE,
    PHONE_RE,
    URL_RE,
    find_date_range,
    fold,
    looks_like_degree,
    looks_like_organization,
    looks_like_school,
    looks_like_title,
    roles_in,
    section_key,
)

ENTRY_SECTIONS = frozenset(drafts.SECTION_TYPES)
# Sections whose entries carry one date: it is both start and end.
_POINT_IN_TIME = frozenset({"certificates", "awards", "publications"})
# Splits a header line into its parts: "Title · Company", "Company | City", "Title at Company".
_PART_SPLIT = re.compile(r"\s+[·|•—–]\s+|\s+-\s+|\s{3,}|\s+(?:at|@|в|bei|chez|en)\s+(?=\S)", re.IGNORECASE)
_LANGUAGE_LEVEL = re.compile(r"^(?P<name>[^()\-–—:,]+?)\s*(?:[(\-–—:,]\s*(?P<level>[^)]*)\)?)?$")


@dataclass
class Line:
    text: str
    size: float = 10.0
    bold: bool = False
    italic: bool = False
    bullet: bool = False
    heading: bool = False  # the source itself marks a heading (DOCX heading styles)
    gap: float = 1.0  # space above, in multiples of the document's usual line gap
    x0: float = 0.0
    page: int = 0


@dataclass
class _Entry:
    lines: list[Line] = field(default_factory=list)


def _clean_bullet(text: str) -> str:
    return BULLET_RE.sub("", text, count=1).strip()


def _is_heading(line: Line, index: int, body_size: float) -> str | None:
    """The section key of a heading line ("other" for an unknown heading), else ``None``."""
    text = line.text.strip()
    if not text or line.bullet or len(text) > 60:
        return None
    key = section_key(text) or section_key(text.split(":")[0]) if len(text.split()) <= 5 else None
    if key:
        return key
    words = text.split()
    if len(words) > 4 or find_date_range(text) or EMAIL_RE.search(text) or index < 2:
        return None
    letters = [c for c in text if c.isalpha()]
    shouting = len(letters) >= 4 and all(c.isupper() for c in letters)
    big_bold = line.bold and line.size >= body_size * 1.18
    return "other" if line.heading or shouting or big_bold else None


def _body_size(lines: list[Line]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def split_sections(lines: list[Line]):
    """(header lines, [(key, heading text, lines)]) in document order."""
    body = _body_size(lines)
    header, sections = [], []
    for index, line in enumerate(lines):
        key = _is_heading(line, index, body)
        if key:
            sections.append((key, line.text.strip(), []))
        elif sections:
            sections[-1][2].append(line)
        else:
            header.append(line)
    return header, sections, body


# --- Header: name and contacts ------------------------------------------------------------------


def _contacts(lines: list[Line], basics: dict) -> None:
    for line in lines:
        text = line.text
        if not basics["email"] and (m := EMAIL_RE.search(text)):
            basics["email"] = m.group(0)
        if not basics["url"]:
            for m in URL_RE.finditer(text):
                if "@" not in m.group(0):
                    basics["url"] = m.group(0).rstrip(".)")
                    break
        if not basics["phone"]:
            for m in PHONE_RE.finditer(EMAIL_RE.sub("", URL_RE.sub("", text))):
                digits = re.sub(r"\D", "", m.group(0))
                if 7 <= len(digits) <= 15 and not find_date_range(m.group(0)):
                    basics["phone"] = m.group(0).strip()
                    break


def _is_contact(text: str) -> bool:
    return bool(EMAIL_RE.search(text) or URL_RE.search(text) or PHONE_RE.search(text))


def _basics(header: list[Line], everything: list[Line]) -> dict:
    basics = dict.fromkeys(drafts.BASICS_FIELDS, "")
    candidates = [line for line in header[:8] if line.text.strip() and not _is_contact(line.text)]
    if not candidates:
        candidates = [line for line in everything[:4] if line.text.strip() and not _is_contact(line.text)]
    if candidates:
        name_line = max(candidates, key=lambda line: (line.size, line.bold, -candidates.index(line)))
        position = candidates.index(name_line)
        name = [name_line.text.strip()]
        # A large name wraps in a narrow sidebar: "Richard" / "Hendriks".
        while position + 1 < len(candidates) and candidates[position + 1].size == name_line.size:
            position += 1
            name_line = candidates[position]
            name.append(name_line.text.strip())
        basics["name"] = " ".join(name)
        after = [
            c for c in candidates if c is not name_line and candidates.index(c) > candidates.index(name_line)
        ]
        if after and len(after[0].text.split()) <= 8:
            basics["label"] = after[0].text.strip()
    _contacts(header, basics)
    return basics


# --- Entries ------------------------------------------------------------------------------------


def _split_entries(lines: list[Line]) -> list[_Entry]:
    entries: list[_Entry] = []
    previous = None
    for line in lines:
        starts_entry = (
            previous is None
            or (line.bold and not line.bullet and not previous.bold)
            or (line.gap > 1.4 and not line.bullet and not previous.bullet)
            or (
                not line.bullet
                and find_date_range(line.text)
                and len(line.text.split()) <= 12
                and any(find_date_range(x.text) for x in entries[-1].lines)
                and any(x.bullet or len(x.text.split()) > 12 for x in entries[-1].lines)
            )
        )
        if starts_entry:
            entries.append(_Entry())
        entries[-1].lines.append(line)
        previous = line
    # A date standing alone above its entry ("2019 – 2021" then the title) belongs to the next one.
    merged: list[_Entry] = []
    for item in entries:
        if merged and _only_dates(merged[-1]):
            merged[-1].lines += item.lines
        else:
            merged.append(item)
    return merged


def _only_dates(item: _Entry) -> bool:
    return all(
        (r := find_date_range(x.text)) and not x.text.replace(r.text, "").strip(" ,·|–-") for x in item.lines
    )


def _parts(text: str) -> list[str]:
    return [p.strip(" ,;|·–—-") for p in _PART_SPLIT.split(text) if p and p.strip(" ,;|·–—-")]


def _header_and_body(item: _Entry):
    header, body = [], []
    for index, line in enumerate(item.lines):
        short = len(line.text.split()) <= 12
        if not body and not line.bullet and short and (index < 2 or line.bold or find_date_range(line.text)):
            header.append(line)
        else:
            body.append(line)
    return header, body


def _highlights_and_description(body: list[Line]):
    highlights, paragraphs = [], []
    last_bullet_x = None
    for line in body:
        text = line.text.strip()
        if line.bullet or BULLET_RE.match(text):
            highlights.append(_clean_bullet(text))
            last_bullet_x = line.x0
        elif highlights and last_bullet_x is not None and line.x0 > last_bullet_x + 1 and not paragraphs:
            highlights[-1] = f"{highlights[-1]} {text}"  # a wrapped bullet
        else:
            last_bullet_x = None
            paragraphs.append(text)
    return highlights, " ".join(paragraphs)


def _split_location(text: str) -> tuple[str, str]:
    """ "Pied Piper, Palo Alto, CA" -> ("Pied Piper", "Palo Alto, CA"); "Acme, Inc." stays whole."""
    head, sep, rest = text.partition(", ")
    if not sep or ORG_SUFFIX_RE.match(rest) or len(head) < 2:
        return text, ""
    return head, rest


def _score_parts(parts, section: str):
    """Pick title and organisation among the header parts, with a confidence for each."""
    if section == "education":
        is_title, is_org = looks_like_degree, looks_like_school
    elif section in ("work", "volunteer"):
        is_title, is_org = looks_like_title, looks_like_organization
    else:  # projects, awards, ...: the bold name first, the organisation after it

        def is_title(text):
            return False

        is_org = is_title

    def title_score(part):
        text, bold, order = part
        return 2 * is_title(text) - 1.5 * (is_org(text) and not is_title(text)) + 0.6 * bold - 0.2 * order

    def org_score(part):
        text, bold, order = part
        return 2 * is_org(text) - 1.5 * (is_title(text) and not is_org(text)) - 0.3 * bold - 0.1 * order

    if not parts:
        return "", "", 0.0, 0.0, []
    title = max(parts, key=title_score)
    rest = [p for p in parts if p is not title]
    org = max(rest, key=org_score) if rest else None
    title_conf = 0.9 if is_title(title[0]) else 0.6
    org_conf = (0.9 if is_org(org[0]) else 0.6) if org else 0.0
    others = [p[0] for p in rest if p is not org]
    return title[0], org[0] if org else "", title_conf, org_conf, others


def _entry_from(item: _Entry, section: str) -> dict | None:
    roles = []
    for line in [x for x in item.lines if not x.bullet]:
        if (named := roles_in(line.text)) is not None:
            roles += named
            item = _Entry([x for x in item.lines if x is not line])
    header, body = _header_and_body(item)
    dates = None
    parts, url = [], ""
    for order, line in enumerate(header):
        text = line.text
        found = find_date_range(text) if dates is None else None
        if found:
            dates = found
            text = text.replace(found.text, " · ")
        for m in URL_RE.finditer(text):
            url = url or m.group(0)
            text = text.replace(m.group(0), " · ")
        parts += [(p, line.bold, order) for p in _parts(text)]
    if dates is None:  # a date line among the first body lines ("Mar 2019 – Present" under the title)
        for line in body[:2]:
            found = find_date_range(line.text)
            if found and len(line.text.split()) <= 8:
                dates = found
                rest = line.text.replace(found.text, " ").strip(" ,·|–-")
                body = [b for b in body if b is not line]
                parts += [(p, line.bold, len(header)) for p in _parts(rest)]
                break
    if len(parts) == 1 and ", " in parts[0][0] and section in ("work", "volunteer", "education"):
        # "Product Designer, Allegro" on one line: title and organisation around the first comma.
        text, bold, order = parts[0]
        head, _, tail = text.partition(", ")
        parts = [(head, bold, order), (tail, bold, order + 1)]
    title, organization, title_conf, org_conf, others = _score_parts(parts, section)
    location = ""
    if organization and section in ("work", "volunteer", "education"):
        organization, location = _split_location(organization)
    if not location and others and section in ("work", "volunteer"):
        location = others[0]
    highlights, description = _highlights_and_description(body)
    if not (title or organization or highlights):
        return None
    kind = drafts.SECTION_TYPES[section]
    if section == "education" and not looks_like_degree(title):
        kind = drafts.SECTION_TYPES["courses"]
    if section == "work" and re.search(r"\bintern|praktik|стаж|stagiaire|becari", title, re.I):
        kind = "internship"
    one_date = dates and dates.start and not dates.end and not dates.ongoing
    if one_date and (not dates.open_ended or section in _POINT_IN_TIME):
        dates.end = dates.start  # a certificate's day or a one-day project, not "still going on"
    confidence = {
        "title": title_conf if title else 0.0,
        "organization": org_conf,
        "start_date": (0.95 if dates.month_known else 0.75) if dates and dates.start else 0.0,
        "end_date": (0.95 if dates.end or dates.ongoing else 0.5) if dates else 0.0,
    }
    return drafts.entry(
        kind,
        title=title or organization,
        organization=organization if title else "",
        location=location,
        start_date=dates.start if dates else None,
        end_date=dates.end if dates else None,
        description=description,
        highlights=highlights,
        url=url,
        roles=roles,
        confidence=confidence,
    )


def _skill_items(lines: list[Line]) -> list[str]:
    items = []
    for line in lines:
        text = _clean_bullet(line.text)
        head, sep, rest = text.partition(":")
        if sep and len(head.split()) <= 4 and rest.strip():
            text = rest
        for raw in re.split(r"[,;·|•]|\s{3,}", text):
            raw = re.sub(r"\([^)]*\)", "", raw).strip(" .-–")
            if raw and len(raw) <= 60 and len(raw.split()) <= 5:
                items.append(raw)
    return items


def _language_items(lines: list[Line]) -> list[tuple[str, str]]:
    found = []
    for line in lines:
        for raw in re.split(r"[,;·|•]", _clean_bullet(line.text)):
            match = _LANGUAGE_LEVEL.match(raw.strip())
            if match and match.group("name").strip():
                found.append((match.group("name").strip(), (match.group("level") or "").strip()))
    return found


def draft_from_lines(lines: list[Line]) -> dict:
    """The draft for a document read as lines (see the module docstring)."""
    lines = [line for line in lines if line.text.strip()]
    header, sections, _body = split_sections(lines)
    basics = _basics(header, lines)
    achievements, skills, warnings = [], [], []
    for key, title, section_lines in sections:
        if key == "summary":
            basics["summary"] = " ".join(line.text.strip() for line in section_lines)
        elif key == "contact":
            _contacts(section_lines, basics)
        elif key == "skills":
            skills += [drafts.skill(name) for name in _skill_items(section_lines)]
        elif key == "languages":
            skills += [drafts.language(name, level) for name, level in _language_items(section_lines)]
        elif key in ENTRY_SECTIONS:
            for item in _split_entries(section_lines):
                parsed = _entry_from(item, key)
                if parsed:
                    achievements.append(parsed)
        elif key == "other":
            warnings.append(f'Section "{title}" was not recognised and was left out.')
    if not basics["email"] or not basics["phone"]:
        _contacts(lines, basics)  # contacts in a sidebar or footer
    if not sections:
        warnings.append("No section headings were found (Experience, Education, ...).")
    return drafts.new_draft(basics=basics, achievements=achievements, skills=skills, warnings=warnings)


def source_text(lines: list[Line]) -> str:
    """The document's text, kept on the draft so a model's suggestions can be checked against it."""
    return "\n".join(line.text for line in lines)


def heading_names(lines: list[Line]) -> list[tuple[str, str]]:
    """(key, heading) pairs: the ATS check's "uncommon section names" rule reads them."""
    return [(key, title) for key, title, _ in split_sections(lines)[1]]


__all__ = ["Line", "draft_from_lines", "fold", "heading_names", "source_text", "split_sections"]
