"""Keyword analysis on the shared skills taxonomy (``resumes.skills``): what a job asks for,
what the user has, and the match score used before and after tailoring."""

import re

from resumes.skills import canonical_skill_name, categorize_skill, extract_skills


def skill_key(name: str) -> str:
    return canonical_skill_name(str(name)).casefold()


def mentions(text: str, skill: str) -> bool:
    """Whether ``skill`` appears in ``text`` as a word (case-insensitive), C++ and Node.js included."""
    return re.search(rf"(?<![\w+#.]){re.escape(skill)}(?![\w+#])", text, re.IGNORECASE) is not None


def text_of(value) -> str:
    """Every string inside a JSON value, joined: what a reader (or an ATS) would scan."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "\n".join(text_of(v) for v in value.values())
    if isinstance(value, list):
        return "\n".join(text_of(v) for v in value)
    return ""


def profile_skills(profile: dict) -> dict[str, str]:
    """The user's skills, key -> display name: skill rows, achievement skills and skills their texts name."""
    names: dict[str, str] = {}
    for skill in profile.get("skills", []):
        names.setdefault(skill_key(skill["name"]), canonical_skill_name(skill["name"]))
    for item in profile.get("experience", []):
        for raw in item.get("skills", []):
            names.setdefault(skill_key(raw), canonical_skill_name(raw))
        for found in extract_skills(text_of([item.get("description", ""), item.get("highlights", [])])):
            names.setdefault(skill_key(found), found)
    return names


def content_skill_keys(content: dict) -> set[str]:
    """Skills a resume document shows: its skills section plus skills its text names."""
    keys = {skill_key(s) for s in extract_skills(text_of(content))}
    for group in content.get("skills", []) if isinstance(content.get("skills"), list) else []:
        if isinstance(group, dict):
            keys.update(skill_key(k) for k in group.get("keywords", []) if isinstance(k, str))
    return keys


def is_technical(name: str) -> bool:
    return categorize_skill(canonical_skill_name(name)) not in ("soft_skill", "spoken_language")


def match_score(wanted: list[str], have_keys: set[str]) -> int:
    """Share of the job's skills present, 0-100 (0 when the job names none)."""
    if not wanted:
        return 0
    hits = sum(1 for skill in wanted if skill_key(skill) in have_keys)
    return round(100 * hits / len(wanted))


def analyse_job(*, title: str, company: str, description: str, profile: dict) -> dict:
    """The job as prompts see it: its skills split into those the user has and those they lack."""
    wanted = extract_skills(f"{title}\n{description}")
    have = profile_skills(profile)
    return {
        "title": title,
        "company": company,
        "description": description,
        "skills": wanted,
        "matched": [s for s in wanted if skill_key(s) in have],
        "missing": [s for s in wanted if skill_key(s) not in have],
        "soft_skills": [s for s in wanted if categorize_skill(s) in ("soft_skill", "spoken_language")],
    }
