"""Reactive Resume JSON export (v4 and v5 shapes) -> draft.

v4 keeps the summary under ``sections.summary`` and dates in ``date``; v5 has
a top-level ``summary`` and ``period``. Descriptions are HTML: list items
become highlights, the rest text. Every field is optional.
"""

import json
from html.parser import HTMLParser

from ..models import AchievementType
from . import drafts
from .fields import ONGOING_RE, find_date_range, looks_like_degree
from .files import decode_text


class _HTMLText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items, self.text, self._in_li = [], [], False

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self._in_li = True
            self.items.append("")

    def handle_endtag(self, tag):
        if tag == "li":
            self._in_li = False
        elif tag in ("p", "br", "div"):
            self.text.append("\n")

    def handle_data(self, data):
        if self._in_li:
            self.items[-1] += data
        else:
            self.text.append(data)


def html_text(value) -> tuple[str, list[str]]:
    if not isinstance(value, str):
        return "", []
    parser = _HTMLText()
    parser.feed(value)
    text = "\n".join(" ".join(line.split()) for line in "".join(parser.text).splitlines() if line.strip())
    return text, [" ".join(item.split()) for item in parser.items if item.strip()]


def _s(item: dict, *keys) -> str:
    for key in keys:
        value = item.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict):  # {"url": ..., "label": ...} / {"href": ..., "label": ...}
            link = value.get("url") or value.get("href")
            if isinstance(link, str) and link.strip():
                return link.strip()
    return ""


def _period(item: dict):
    text = _s(item, "period", "date")
    found = find_date_range(text)
    if not found:
        return None, None, 0.0
    end = found.end
    if not end and not found.ongoing and not ONGOING_RE.search(text) and " - " not in text:
        end = found.start  # a single date ("March 2023")
    return found.start, end, 1.0


def _items(document: dict, key: str) -> list[dict]:
    section = (document.get("sections") or {}).get(key)
    items = section.get("items") if isinstance(section, dict) else None
    return [i for i in items or [] if isinstance(i, dict) and not i.get("hidden") and i.get("visible", True)]


def _entry(kind, item, *, title, organization="", location=""):
    start, end, sure = _period(item)
    description, highlights = html_text(item.get("description") or item.get("summary"))
    return drafts.entry(
        kind,
        title=title,
        organization=organization,
        location=location,
        start_date=start,
        end_date=end,
        description=description,
        highlights=highlights,
        url=_s(item, "website", "url"),
        skills=[k for k in item.get("keywords") or [] if isinstance(k, str)],
        confidence={
            "title": 1.0 if title else 0.0,
            "organization": 1.0 if organization else 0.0,
            "start_date": sure,
            "end_date": sure,
        },
    )


def draft_from_document(document: dict) -> dict:
    basics = document.get("basics") if isinstance(document.get("basics"), dict) else {}
    summary_block = document.get("summary") or (document.get("sections") or {}).get("summary") or {}
    summary, _ = html_text(summary_block.get("content") if isinstance(summary_block, dict) else "")
    achievements = []
    for item in _items(document, "experience"):
        position = _s(item, "position")
        kind = AchievementType.INTERNSHIP if "intern" in position.lower() else AchievementType.JOB
        achievements.append(
            _entry(
                kind,
                item,
                title=position or _s(item, "company"),
                organization=_s(item, "company"),
                location=_s(item, "location"),
            )
        )
    for item in _items(document, "education"):
        degree = _s(item, "degree", "studyType")
        title = ", ".join(v for v in (degree, _s(item, "area")) if v) or _s(item, "school", "institution")
        kind = AchievementType.DEGREE if looks_like_degree(degree) else AchievementType.COURSE
        achievements.append(
            _entry(
                kind,
                item,
                title=title,
                organization=_s(item, "school", "institution"),
                location=_s(item, "location"),
            )
        )
    for key, kind, title_keys, org_keys in (
        ("projects", AchievementType.PROJECT, ("name",), ()),
        ("certifications", AchievementType.CERTIFICATION, ("title", "name"), ("issuer",)),
        ("awards", AchievementType.AWARD, ("title",), ("awarder",)),
        ("publications", AchievementType.PUBLICATION, ("title", "name"), ("publisher",)),
        ("volunteer", AchievementType.VOLUNTEER, ("position", "organization"), ("organization",)),
    ):
        for item in _items(document, key):
            achievements.append(
                _entry(
                    kind,
                    item,
                    title=_s(item, *title_keys) or key.title(),
                    organization=_s(item, *org_keys) if org_keys else "",
                )
            )
    skills = []
    for item in _items(document, "skills"):
        names = [k for k in item.get("keywords") or [] if isinstance(k, str)] or [_s(item, "name")]
        level = _s(item, "proficiency", "description")
        skills += [drafts.skill(name, level=level) for name in names if name]
    for item in _items(document, "languages"):
        name = _s(item, "language", "name")
        if name:
            skills.append(drafts.language(name, _s(item, "fluency", "description")))
    return drafts.new_draft(
        basics={
            "name": _s(basics, "name"),
            "label": _s(basics, "headline", "label"),
            "email": _s(basics, "email"),
            "phone": _s(basics, "phone"),
            "url": _s(basics, "website", "url"),
            "location": _s(basics, "location"),
            "summary": summary,
        },
        achievements=achievements,
        skills=skills,
    )


def parse(data: bytes) -> tuple[dict, str]:
    document = json.loads(decode_text(data))
    return draft_from_document(document), json.dumps(document, ensure_ascii=False)
