"""One reading of a JSON Resume document that the PDF, DOCX, Markdown and HTML previews share.

``build_document`` turns the sections into entries with a heading, an
organisation, a date range and bullet points, so every output format says the
same thing in the same order, with headings and dates in the resume's
language (``meta.language``, see ``resumes.locales``).
"""

from dataclasses import dataclass, field

from .. import locales
from .json_resume import to_json_resume


@dataclass
class Entry:
    heading: str = ""
    organization: str = ""
    dates: str = ""
    location: str = ""
    url: str = ""
    summary: str = ""
    highlights: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    # A project's roles, printed on their own labelled line so a reader never takes them for the entity.
    roles: list[str] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    entries: list[Entry]
    # Short sections (skills, languages, interests) that read as "Name: a, b, c" lines.
    compact: bool = False


@dataclass
class Document:
    name: str
    label: str
    summary: str
    contacts: list[str]
    sections: list[Section]
    language: str = locales.DEFAULT_LANGUAGE
    # Fixed words in the resume's language: "profile", "summary", "contact", ...
    labels: dict = field(default_factory=lambda: locales.headings(locales.DEFAULT_LANGUAGE))

    @property
    def main_sections(self):
        return [s for s in self.sections if not s.compact]

    @property
    def side_sections(self):
        return [s for s in self.sections if s.compact]


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(values) -> list[str]:
    return [v.strip() for v in values or [] if isinstance(v, str) and v.strip()]


def _join(*parts, sep=", ") -> str:
    return sep.join(p for p in (_text(p) for p in parts) if p)


def _work(item, lang):
    return Entry(
        heading=_text(item.get("position")) or _text(item.get("name")),
        organization=_text(item.get("name")) if item.get("position") else "",
        dates=locales.date_range(item.get("startDate", ""), item.get("endDate", ""), lang),
        location=_text(item.get("location")),
        url=_text(item.get("url")),
        summary=_join(item.get("summary"), item.get("description"), sep=" "),
        highlights=_strings(item.get("highlights")),
    )


def _volunteer(item, lang):
    return Entry(
        heading=_text(item.get("position")) or _text(item.get("organization")),
        organization=_text(item.get("organization")) if item.get("position") else "",
        dates=locales.date_range(item.get("startDate", ""), item.get("endDate", ""), lang),
        url=_text(item.get("url")),
        summary=_text(item.get("summary")),
        highlights=_strings(item.get("highlights")),
    )


def _education(item, lang):
    courses = _strings(item.get("courses"))
    score = _text(item.get("score"))
    return Entry(
        heading=_join(item.get("studyType"), item.get("area")) or _text(item.get("institution")),
        organization=_text(item.get("institution")) if (item.get("studyType") or item.get("area")) else "",
        dates=locales.date_range(item.get("startDate", ""), item.get("endDate", ""), lang),
        url=_text(item.get("url")),
        summary=f"{locales.headings(lang)['score']}: {score}" if score else "",
        highlights=courses,
    )


def _project(item, lang):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("entity")),
        roles=_strings(item.get("roles")),
        dates=locales.date_range(item.get("startDate", ""), item.get("endDate", ""), lang),
        url=_text(item.get("url")),
        summary=_text(item.get("description")),
        highlights=_strings(item.get("highlights")),
        keywords=_strings(item.get("keywords")),
    )


def _certificate(item, lang):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("issuer")),
        dates=locales.format_date(item.get("date", ""), lang),
        url=_text(item.get("url")),
    )


def _award(item, lang):
    return Entry(
        heading=_text(item.get("title")),
        organization=_text(item.get("awarder")),
        dates=locales.format_date(item.get("date", ""), lang),
        summary=_text(item.get("summary")),
    )


def _publication(item, lang):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("publisher")),
        dates=locales.format_date(item.get("releaseDate", ""), lang),
        url=_text(item.get("url")),
        summary=_text(item.get("summary")),
    )


def _reference(item, lang):
    return Entry(heading=_text(item.get("name")), summary=_text(item.get("reference")))


def _skill(item, lang):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("level")),
        keywords=_strings(item.get("keywords")),
    )


def _language(item, lang):
    return Entry(heading=_text(item.get("language")), organization=_text(item.get("fluency")))


def _interest(item, lang):
    return Entry(heading=_text(item.get("name")), keywords=_strings(item.get("keywords")))


# (key, entry builder, compact), in reading order; titles come from ``resumes.locales``.
LAYOUT = (
    ("work", _work, False),
    ("projects", _project, False),
    ("education", _education, False),
    ("certificates", _certificate, False),
    ("awards", _award, False),
    ("publications", _publication, False),
    ("volunteer", _volunteer, False),
    ("references", _reference, False),
    ("skills", _skill, True),
    ("languages", _language, True),
    ("interests", _interest, True),
)


def _location(location) -> str:
    if not isinstance(location, dict):
        return ""
    return _join(location.get("city"), location.get("region"), location.get("countryCode"))


def build_document(content: dict, *, fallback_name: str = "") -> Document:
    data = to_json_resume(content)
    lang = locales.resume_language(data)
    titles = locales.headings(lang)
    basics = data.get("basics", {})
    contacts = [
        _text(basics.get("email")),
        _text(basics.get("phone")),
        _text(basics.get("url")),
        _location(basics.get("location")),
    ]
    for profile in basics.get("profiles", []):
        label = _join(profile.get("network"), profile.get("username"), sep=": ")
        contacts.append(label or _text(profile.get("url")))
    sections = []
    # A variant chooses its sections' order (meta.sections); others read in LAYOUT order.
    meta = content.get("meta") if isinstance(content.get("meta"), dict) else {}
    chosen = meta.get("sections") if isinstance(meta.get("sections"), list) else []
    rank = {key: n for n, key in enumerate(chosen)}
    for key, build, compact in sorted(LAYOUT, key=lambda row: rank.get(row[0], len(rank))):
        entries = [build(item, lang) for item in data.get(key, []) if isinstance(item, dict)]
        entries = [e for e in entries if e.heading or e.summary or e.highlights or e.keywords]
        if entries:
            sections.append(Section(key=key, title=titles[key], entries=entries, compact=compact))
    return Document(
        name=_text(basics.get("name")) or fallback_name,
        label=_text(basics.get("label")),
        summary=_text(basics.get("summary")),
        contacts=[c for c in contacts if c],
        sections=sections,
        language=lang,
        labels=titles,
    )
