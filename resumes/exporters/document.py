"""One reading of a JSON Resume document that the PDF templates and the Markdown share.

``build_document`` turns the sections into entries with a heading, an
organisation, a date range and bullet points, so every output format says the
same thing in the same order.
"""

from dataclasses import dataclass, field

from .json_resume import to_json_resume

EN_DASH = "\u2013"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


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

    @property
    def main_sections(self):
        return [s for s in self.sections if not s.compact]

    @property
    def side_sections(self):
        return [s for s in self.sections if s.compact]


def format_date(value: str) -> str:
    """``2019-05-01`` -> ``May 2019``; ``2019`` stays ``2019``."""
    if not value:
        return ""
    parts = value.split("-")
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return parts[0]


def date_range(start: str = "", end: str = "") -> str:
    if start and end:
        first, last = format_date(start), format_date(end)
        return first if first == last else f"{first} {EN_DASH} {last}"
    if start:
        return f"{format_date(start)} {EN_DASH} Present"
    return format_date(end)


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def _strings(values) -> list[str]:
    return [v.strip() for v in values or [] if isinstance(v, str) and v.strip()]


def _join(*parts, sep=", ") -> str:
    return sep.join(p for p in (_text(p) for p in parts) if p)


def _work(item):
    return Entry(
        heading=_text(item.get("position")) or _text(item.get("name")),
        organization=_text(item.get("name")) if item.get("position") else "",
        dates=date_range(item.get("startDate", ""), item.get("endDate", "")),
        location=_text(item.get("location")),
        url=_text(item.get("url")),
        summary=_join(item.get("summary"), item.get("description"), sep=" "),
        highlights=_strings(item.get("highlights")),
    )


def _volunteer(item):
    return Entry(
        heading=_text(item.get("position")) or _text(item.get("organization")),
        organization=_text(item.get("organization")) if item.get("position") else "",
        dates=date_range(item.get("startDate", ""), item.get("endDate", "")),
        url=_text(item.get("url")),
        summary=_text(item.get("summary")),
        highlights=_strings(item.get("highlights")),
    )


def _education(item):
    courses = _strings(item.get("courses"))
    score = _text(item.get("score"))
    return Entry(
        heading=_join(item.get("studyType"), item.get("area")) or _text(item.get("institution")),
        organization=_text(item.get("institution")) if (item.get("studyType") or item.get("area")) else "",
        dates=date_range(item.get("startDate", ""), item.get("endDate", "")),
        url=_text(item.get("url")),
        summary=f"Score: {score}" if score else "",
        highlights=courses,
    )


def _project(item):
    return Entry(
        heading=_text(item.get("name")),
        organization=_join(item.get("entity"), ", ".join(_strings(item.get("roles")))),
        dates=date_range(item.get("startDate", ""), item.get("endDate", "")),
        url=_text(item.get("url")),
        summary=_text(item.get("description")),
        highlights=_strings(item.get("highlights")),
        keywords=_strings(item.get("keywords")),
    )


def _certificate(item):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("issuer")),
        dates=format_date(item.get("date", "")),
        url=_text(item.get("url")),
    )


def _award(item):
    return Entry(
        heading=_text(item.get("title")),
        organization=_text(item.get("awarder")),
        dates=format_date(item.get("date", "")),
        summary=_text(item.get("summary")),
    )


def _publication(item):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("publisher")),
        dates=format_date(item.get("releaseDate", "")),
        url=_text(item.get("url")),
        summary=_text(item.get("summary")),
    )


def _reference(item):
    return Entry(heading=_text(item.get("name")), summary=_text(item.get("reference")))


def _skill(item):
    return Entry(
        heading=_text(item.get("name")),
        organization=_text(item.get("level")),
        keywords=_strings(item.get("keywords")),
    )


def _language(item):
    return Entry(heading=_text(item.get("language")), organization=_text(item.get("fluency")))


def _interest(item):
    return Entry(heading=_text(item.get("name")), keywords=_strings(item.get("keywords")))


# (key, title, entry builder, compact), in reading order.
LAYOUT = (
    ("work", "Experience", _work, False),
    ("projects", "Projects", _project, False),
    ("education", "Education", _education, False),
    ("certificates", "Certifications", _certificate, False),
    ("awards", "Awards", _award, False),
    ("publications", "Publications", _publication, False),
    ("volunteer", "Volunteering", _volunteer, False),
    ("references", "References", _reference, False),
    ("skills", "Skills", _skill, True),
    ("languages", "Languages", _language, True),
    ("interests", "Interests", _interest, True),
)


def _location(location) -> str:
    if not isinstance(location, dict):
        return ""
    return _join(location.get("city"), location.get("region"), location.get("countryCode"))


def build_document(content: dict, *, fallback_name: str = "") -> Document:
    data = to_json_resume(content)
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
    for key, title, build, compact in LAYOUT:
        entries = [build(item) for item in data.get(key, []) if isinstance(item, dict)]
        entries = [e for e in entries if e.heading or e.summary or e.highlights or e.keywords]
        if entries:
            sections.append(Section(key=key, title=title, entries=entries, compact=compact))
    return Document(
        name=_text(basics.get("name")) or fallback_name,
        label=_text(basics.get("label")),
        summary=_text(basics.get("summary")),
        contacts=[c for c in contacts if c],
        sections=sections,
    )
