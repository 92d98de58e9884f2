"""LinkedIn "Download your data" ZIP -> draft.

Every CSV is matched by header, every field optional, a missing file is no
data; files may sit under a folder prefix, start with a BOM or a "Notes:"
preamble, and hold multi-line cells with bullets.
"""

import csv
import io

from ..models import AchievementType
from . import drafts
from .fields import BULLET_RE, looks_like_degree, parse_date_text
from .files import SafeZip, decode_text

FULL = 1.0


def _rows(archive: SafeZip, names: dict, filename: str) -> list[dict]:
    name = names.get(filename.lower())
    if name is None:
        return []
    text = decode_text(archive.read(name))
    lines = text.splitlines(keepends=True)
    # Skip a preamble ("Notes: ...") up to the first line that reads as a header row.
    for index, line in enumerate(lines[:20]):
        if "," in line and not line.lower().startswith("notes"):
            text = "".join(lines[index:])
            break
    reader = csv.DictReader(io.StringIO(text))
    rows = []
    for row in reader:
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        if any(clean.values()):
            rows.append(clean)
    return rows


def _text_and_bullets(text: str) -> tuple[str, list[str]]:
    paragraphs, bullets = [], []
    for line in (text or "").splitlines():
        if BULLET_RE.match(line):
            bullets.append(BULLET_RE.sub("", line, count=1).strip())
        elif line.strip():
            paragraphs.append(line.strip())
    return "\n".join(paragraphs), bullets


def _dates(row, start_key, end_key, warnings, where):
    start, _ = parse_date_text(row.get(start_key, ""))
    end, ongoing = parse_date_text(row.get(end_key, ""))
    for key, parsed in ((start_key, start), (end_key, end or ongoing)):
        if row.get(key) and not parsed:
            warnings.append(f"{where} {key} {row[key]!r} was not understood and was left empty.")
    if start and end and end < start:
        end = start
    return start, end


def _confidence(**present) -> dict:
    return {name: FULL if value else 0.0 for name, value in present.items()}


def parse(data: bytes) -> tuple[dict, str]:
    archive = SafeZip(data)
    names = archive.basename_map()
    warnings, achievements, skills = [], [], []
    texts = []

    def rows(filename):
        found = _rows(archive, names, filename)
        texts.extend(" ".join(r.values()) for r in found)
        return found

    profile = (rows("Profile.csv") or [{}])[0]
    emails = rows("Email Addresses.csv")
    primary = next((e for e in emails if e.get("primary", "").lower() == "yes"), emails[0] if emails else {})
    phones = rows("PhoneNumbers.csv")
    website = profile.get("websites", "")
    if ":" in website and website.startswith("["):
        website = website.strip("[]").split(":", 1)[1]
    basics = {
        "name": " ".join(p for p in (profile.get("first name"), profile.get("last name")) if p),
        "label": profile.get("headline", ""),
        "summary": profile.get("summary", ""),
        "location": profile.get("geo location", ""),
        "email": primary.get("email address", ""),
        "phone": phones[0].get("number", "") if phones else "",
        "url": website.split(",")[0].strip().strip("[]"),
    }

    for index, row in enumerate(rows("Positions.csv")):
        start, end = _dates(row, "started on", "finished on", warnings, f"Positions row {index + 2}")
        description, highlights = _text_and_bullets(row.get("description", ""))
        title = row.get("title") or row.get("company name") or "Position"
        kind = AchievementType.INTERNSHIP if "intern" in title.lower() else AchievementType.JOB
        achievements.append(
            drafts.entry(
                kind,
                title=title,
                organization=row.get("company name", ""),
                location=row.get("location", ""),
                start_date=start,
                end_date=end,
                description=description,
                highlights=highlights,
                confidence=_confidence(
                    title=row.get("title"),
                    organization=row.get("company name"),
                    start_date=start,
                    end_date=end or (start and not row.get("finished on")),
                ),
            )
        )
    for index, row in enumerate(rows("Education.csv")):
        start, end = _dates(row, "start date", "end date", warnings, f"Education row {index + 2}")
        degree = row.get("degree name", "")
        notes = "\n".join(v for v in (row.get("notes"), row.get("activities")) if v)
        achievements.append(
            drafts.entry(
                AchievementType.DEGREE if looks_like_degree(degree) else AchievementType.COURSE,
                title=degree or row.get("school name") or "Education",
                organization=row.get("school name", "") if degree else "",
                start_date=start,
                end_date=end,
                description=notes,
                confidence=_confidence(
                    title=degree, organization=row.get("school name"), start_date=start, end_date=end
                ),
            )
        )
    for index, row in enumerate(rows("Certifications.csv")):
        start, end = _dates(row, "started on", "finished on", warnings, f"Certifications row {index + 2}")
        license_number = row.get("license number", "")
        achievements.append(
            drafts.entry(
                AchievementType.CERTIFICATION,
                title=row.get("name") or "Certification",
                organization=row.get("authority", ""),
                start_date=start,
                end_date=end or start,
                url=row.get("url", ""),
                description=f"License {license_number}" if license_number else "",
                confidence=_confidence(
                    title=row.get("name"),
                    organization=row.get("authority"),
                    start_date=start,
                    end_date=end or start,
                ),
            )
        )
    for index, row in enumerate(rows("Projects.csv")):
        start, end = _dates(row, "started on", "finished on", warnings, f"Projects row {index + 2}")
        description, highlights = _text_and_bullets(row.get("description", ""))
        achievements.append(
            drafts.entry(
                AchievementType.PROJECT,
                title=row.get("title") or "Project",
                start_date=start,
                end_date=end,
                description=description,
                highlights=highlights,
                url=row.get("url", ""),
                confidence=_confidence(title=row.get("title"), start_date=start, end_date=end),
            )
        )
    for index, row in enumerate(rows("Publications.csv")):
        date, _ = _dates(row, "published on", "published on", warnings, f"Publications row {index + 2}")
        achievements.append(
            drafts.entry(
                AchievementType.PUBLICATION,
                title=row.get("name") or "Publication",
                organization=row.get("publisher", ""),
                start_date=date,
                end_date=date,
                description=row.get("description", ""),
                url=row.get("url", ""),
                confidence=_confidence(
                    title=row.get("name"), organization=row.get("publisher"), start_date=date, end_date=date
                ),
            )
        )
    for index, row in enumerate(rows("Volunteering.csv")):
        start, end = _dates(row, "started on", "finished on", warnings, f"Volunteering row {index + 2}")
        description, highlights = _text_and_bullets(row.get("description", ""))
        cause = row.get("cause", "")
        achievements.append(
            drafts.entry(
                AchievementType.VOLUNTEER,
                title=row.get("role") or row.get("company name") or "Volunteer",
                organization=row.get("company name", ""),
                start_date=start,
                end_date=end,
                description="\n".join(v for v in (description, f"Cause: {cause}" if cause else "") if v),
                highlights=highlights,
                confidence=_confidence(
                    title=row.get("role"),
                    organization=row.get("company name"),
                    start_date=start,
                    end_date=end,
                ),
            )
        )
    for index, row in enumerate(rows("Honors.csv")):
        date, _ = _dates(row, "issued on", "issued on", warnings, f"Honors row {index + 2}")
        achievements.append(
            drafts.entry(
                AchievementType.AWARD,
                title=row.get("title") or "Award",
                start_date=date,
                end_date=date,
                description=row.get("description", ""),
                confidence=_confidence(title=row.get("title"), start_date=date, end_date=date),
            )
        )
    for row in rows("Courses.csv"):
        number = row.get("number", "")
        achievements.append(
            drafts.entry(
                AchievementType.COURSE,
                title=row.get("name") or "Course",
                description=f"Course number {number}" if number else "",
                confidence=_confidence(title=row.get("name")),
            )
        )
    skills += [drafts.skill(row.get("name", "")) for row in rows("Skills.csv") if row.get("name")]
    skills += [
        drafts.language(row.get("name", ""), row.get("proficiency", ""))
        for row in rows("Languages.csv")
        if row.get("name")
    ]
    draft = drafts.new_draft(basics=basics, achievements=achievements, skills=skills, warnings=warnings)
    return draft, "\n".join(texts)
