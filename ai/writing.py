"""Shared pieces for turning a user's achievements into resume text (offline writer, grounding)."""

import re
from datetime import date

from resumes.builder import merged_months
from resumes.prose import clause, join, reference, render, tidy

from .keywords import mentions

WORK_TYPES = ("job", "internship")
EDUCATION_TYPES = ("degree", "course")
CATEGORY_LABELS = {
    "programming_language": "Programming languages",
    "framework": "Frameworks and libraries",
    "database": "Databases",
    "cloud_devops": "Cloud and DevOps",
    "data_ml": "Data and ML",
    "design": "Design",
    "tool": "Tools",
    "soft_skill": "Soft skills",
    "spoken_language": "Languages",
    "other": "Other",
}


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+|\n+", text or "")
    return [p.strip(" -•*\t") for p in parts if len(p.strip(" -•*\t")) > 2]


def as_sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


def key(value: str) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


def highlights_of(item: dict, limit: int = 4) -> list[str]:
    found = [as_sentence(h) for h in item.get("highlights", []) if str(h).strip()]
    if not found:
        found = [as_sentence(s) for s in sentences(item.get("description", ""))[1:]]
    return found[:limit]


def years_of_experience(profile: dict) -> int:
    spans = [
        (date.fromisoformat(i["start"]), date.fromisoformat(i["end"]) if i["end"] else date.today())
        for i in profile.get("experience", [])
        if i["type"] in WORK_TYPES and i["start"]
    ]
    if not spans:
        return 0
    return max(0, (max(e for _, e in spans) - min(s for s, _ in spans)).days // 365)


def evidence(profile: dict, skill: str) -> list[dict]:
    """The user's experience that shows ``skill``, strongest (recorded skill, then mentioned) first."""
    recorded, mentioned = [], []
    for item in profile.get("experience", []):
        if any(key(s) == key(skill) for s in item.get("skills", [])):
            recorded.append(item)
        elif mentions(
            " ".join([item["title"], item.get("description", ""), *item.get("highlights", [])]), skill
        ):
            mentioned.append(item)
    return recorded + mentioned


def best_line(item: dict, skill: str | None = None) -> str:
    """The single most telling line of an achievement, preferring one naming ``skill``."""
    lines = highlights_of(item, limit=10) or [as_sentence(s) for s in sentences(item.get("description", ""))]
    if skill:
        for line in lines:
            if mentions(line, skill):
                return line
    return lines[0] if lines else ""


# Which sentence family (``resumes/prose/phrases.py``) each kind of achievement is written with.
SENTENCE_FAMILY = {
    "job": "role",
    "internship": "role",
    "volunteer": "volunteer",
    "degree": "degree",
    "course": "course",
    "project": "project",
    "certification": "certification",
    "award": "award",
    "publication": "publication",
}
# The families that have a sentence for a highlight woven in, and one for the skills used.
WITH_CLAUSE = {"role", "volunteer", "degree", "course", "project"}
WITH_SKILLS = {"role", "volunteer", "degree", "course", "project", "certification"}


def lines_of(item: dict) -> list[str]:
    """What the user wrote about an achievement: highlights, then the description's sentences."""
    found = [str(h).strip() for h in item.get("highlights", []) if str(h).strip()]
    return found + sentences(item.get("description", ""))


def pick_line(item: dict, skill: str | None = None, language: str = "en", skip: int = 0) -> tuple[str, str]:
    """(line, clause): the most telling line, preferring one that starts with a verb and names ``skill``.

    ``clause`` is the line ready to weave in after "I", or "" when it does not start with a past-tense
    verb (then the line is quoted instead). ``skip`` rotates through equally good lines.
    """
    lines = lines_of(item)
    if not lines:
        return "", ""

    def rank(line):
        return (bool(clause(line, language)), bool(skill and mentions(line, skill)))

    best = sorted(lines, key=rank, reverse=True)
    top = [line for line in best if rank(line) == rank(best[0])]
    line = top[skip % len(top)]
    return line, clause(line, language)


def months_of_work(profile: dict) -> int:
    spans = [
        (date.fromisoformat(i["start"]), date.fromisoformat(i["end"]) if i["end"] else date.today())
        for i in profile.get("experience", [])
        if i["type"] in WORK_TYPES and i["start"]
    ]
    return merged_months(spans)


def achievement_sentence(item: dict, skills=(), language: str = "en") -> tuple[str, str]:
    """(sentence, quote): one sentence in the grammar of the achievement's kind, and the line to quote
    as a bullet when the best line could not be woven in ("" when none)."""
    family = SENTENCE_FAMILY.get(item.get("type"), "role")
    line, woven = pick_line(item, skills[0] if skills else None, language)
    named = join([tidy(s) for s in skills], language) if family in WITH_SKILLS else ""
    if woven and family in WITH_CLAUSE:
        key = "role_skills_clause" if family == "role" and named else f"{family}_clause"
    elif named:
        key = f"{family}_skills"
    else:
        key = f"{family}_plain"
    sentence = render(
        language, key, title=item["title"], org=item.get("organization", ""), skills=named, clause=woven
    )
    return sentence, (line if line and not key.endswith("_clause") else "")


def quote_bullet(item: dict, line: str) -> str:
    """A line the user wrote, quoted as it is, with where it comes from."""
    source = ", ".join(tidy(v) for v in (item["title"], item.get("organization", "")) if tidy(v))
    return f"\u2022 {' '.join(line.split())} ({source})"


def hint_reference(item: dict, language: str = "en") -> str:
    return reference(language, item.get("type", "job"), title=item["title"], org=item.get("organization", ""))


def lower_first(text: str) -> str:
    return text[0].lower() + text[1:] if text and not text[:2].isupper() else text


def where(item: dict) -> str:
    return f"{item['title']} at {item['organization']}" if item.get("organization") else item["title"]


def resume_from_profile(profile: dict) -> dict:
    """A JSON Resume document holding exactly the user's achievements and skills."""
    experience = profile.get("experience", [])
    by_type = lambda *types: [i for i in experience if i["type"] in types]  # noqa: E731

    def work(item):
        return {
            "name": item["organization"],
            "position": item["title"],
            "location": item.get("location", ""),
            "startDate": item["start"],
            "endDate": item["end"],
            "summary": as_sentence(sentences(item.get("description", ""))[0])
            if item.get("description")
            else "",
            "highlights": highlights_of(item),
        }

    groups: dict[str, list[str]] = {}
    for skill in profile.get("skills", []):
        groups.setdefault(CATEGORY_LABELS.get(skill.get("category", "other"), "Other"), []).append(
            skill["name"]
        )
    return {
        "basics": {
            "name": profile.get("name", ""),
            "label": profile.get("headline")
            or (by_type(*WORK_TYPES)[0]["title"] if by_type(*WORK_TYPES) else ""),
            "email": profile.get("email", ""),
            "location": {"city": profile.get("location", "")},
            "summary": "",
        },
        "work": [work(i) for i in by_type(*WORK_TYPES)],
        "volunteer": [
            {"organization": w.pop("name"), **{k: v for k, v in w.items() if k != "location"}}
            for w in map(work, by_type("volunteer"))
        ],
        "education": [
            {
                "institution": i["organization"],
                "area": i["title"],
                "studyType": "Degree" if i["type"] == "degree" else "Course",
                "startDate": i["start"],
                "endDate": i["end"],
            }
            for i in by_type(*EDUCATION_TYPES)
        ],
        "projects": [
            {
                "name": i["title"],
                "description": i.get("description", ""),
                "highlights": highlights_of(i),
                "keywords": i.get("skills", []),
                "startDate": i["start"],
                "endDate": i["end"],
                "url": i.get("url", ""),
            }
            for i in by_type("project")
        ],
        "certificates": [
            {"name": i["title"], "issuer": i["organization"], "date": i["end"] or i["start"]}
            for i in by_type("certification")
        ],
        "awards": [
            {
                "title": i["title"],
                "awarder": i["organization"],
                "date": i["end"] or i["start"],
                "summary": i.get("description", ""),
            }
            for i in by_type("award")
        ],
        "publications": [
            {"name": i["title"], "publisher": i["organization"], "releaseDate": i["end"] or i["start"]}
            for i in by_type("publication")
        ],
        "skills": [{"name": name, "keywords": names} for name, names in groups.items()],
    }
