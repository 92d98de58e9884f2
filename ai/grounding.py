"""Holding model output to the user's facts.

Whatever a provider answers, a resume we return or save contains only the
employers, positions, dates, schools, projects and skills the user has on
record (or typed in themselves). Entries that do not match are dropped,
dates are copied from the record, and any sentence naming a skill the user
lacks is removed. This runs in code on every answer, not only in the prompt.
"""

import json
import re
from dataclasses import dataclass, field

from resumes.skills import canonical_skill_name, extract_skills

from .keywords import content_skill_keys, mentions, profile_skills, skill_key
from .writing import WORK_TYPES, key, resume_from_profile

MAX_HIGHLIGHTS = 8
VERBATIM_SECTIONS = ("certificates", "awards", "publications", "languages", "meta")


@dataclass
class Facts:
    basics: dict = field(default_factory=dict)
    labels: set = field(default_factory=set)
    roles: dict = field(default_factory=dict)  # (employer, position) -> record
    schools: dict = field(default_factory=dict)  # (institution, area) -> record
    projects: dict = field(default_factory=dict)  # name -> record
    skills: dict = field(default_factory=dict)  # key -> display name
    verbatim: dict = field(default_factory=dict)
    user_text: str = ""


def facts_for(*, profile: dict, resume_content: dict | None = None, user_text: str = "") -> Facts:
    """The user's facts: their achievements and skills, the resume they chose, and their own words."""
    base = resume_from_profile(profile)
    sources = [base, resume_content or {}]
    facts = Facts(basics=dict(base["basics"]), user_text=user_text)
    if resume_content and isinstance(resume_content.get("basics"), dict):
        facts.basics = {**facts.basics, **{k: v for k, v in resume_content["basics"].items() if v}}
    facts.labels = {key(profile.get("headline", ""))} | {
        key(i["title"]) for i in profile.get("experience", []) if i["type"] in (*WORK_TYPES, "volunteer")
    }
    facts.labels.add(key(facts.basics.get("label", "")))
    for doc in sources:
        for entry in _dicts(doc.get("work")) + _dicts(doc.get("volunteer")):
            employer = entry.get("name") or entry.get("organization") or ""
            facts.roles.setdefault((key(employer), key(entry.get("position"))), entry)
        for entry in _dicts(doc.get("education")):
            facts.schools.setdefault((key(entry.get("institution")), key(entry.get("area"))), entry)
        for entry in _dicts(doc.get("projects")):
            facts.projects.setdefault(key(entry.get("name")), entry)
    facts.skills = profile_skills(profile)
    if resume_content:
        for skill_id in content_skill_keys(resume_content):
            facts.skills.setdefault(skill_id, canonical_skill_name(skill_id))
    for name in extract_skills(user_text):
        facts.skills.setdefault(skill_key(name), name)
    for section in VERBATIM_SECTIONS:
        value = (resume_content or {}).get(section) or base.get(section)
        if value:
            facts.verbatim[section] = value
    return facts


def _dicts(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def parse_json_object(text: str) -> dict:
    """The first JSON object in a model's answer; code fences and prose around it are tolerated.

    Models without a JSON mode wrap the object in a fence or a sentence ("Here is the resume: {...}").
    Each ``{`` is tried in turn with a real JSON decoder, so braces inside strings do not confuse it;
    an answer with no complete object is refused (``ValueError``), never guessed at.
    """
    text = re.sub(r"^\s*```[\w-]*\s*$", "", text.strip(), flags=re.MULTILINE).strip()
    decoder = json.JSONDecoder()
    start, first_error = text.find("{"), None
    while start >= 0:
        try:
            value, _end = decoder.raw_decode(text, start)
        except json.JSONDecodeError as exc:
            first_error = first_error or exc
        else:
            if isinstance(value, dict):
                return value
        start = text.find("{", start + 1)
    if first_error is not None:
        raise ValueError(f"invalid JSON: {first_error}")
    raise ValueError("no JSON object in the answer")


class _Grounder:
    def __init__(self, facts: Facts):
        self.facts = facts
        self.removed: list[str] = []

    def foreign_skills(self, text: str) -> list[str]:
        return [s for s in extract_skills(text) if skill_key(s) not in self.facts.skills]

    def clean_text(self, text) -> str:
        if not isinstance(text, str):
            return ""
        kept = []
        for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
            foreign = self.foreign_skills(sentence)
            if foreign:
                self.removed.append(f"sentence naming {', '.join(foreign)}")
            elif sentence:
                kept.append(sentence)
        return " ".join(kept)

    def clean_lines(self, lines) -> list[str]:
        cleaned = (
            [self.clean_text(line) for line in lines if isinstance(line, str)]
            if isinstance(lines, list)
            else []
        )
        return [line for line in cleaned if line][:MAX_HIGHLIGHTS]

    def user_typed(self, *values) -> bool:
        return all(value and mentions(self.facts.user_text, str(value)) for value in values)

    def role(self, entry: dict, employer_field: str) -> dict | None:
        employer, position = entry.get(employer_field) or entry.get("name") or "", entry.get("position") or ""
        record = self.facts.roles.get((key(employer), key(position)))
        if record is None and self.user_typed(employer, position):
            # Stated by the user in their own request: keep, with only the dates they typed.
            years = set(re.findall(r"\b(?:19|20)\d\d\b", self.facts.user_text))
            record = {
                "name": employer,
                "position": position,
                **{
                    d: entry.get(d, "")
                    for d in ("startDate", "endDate")
                    if str(entry.get(d, ""))[:4] in years
                },
            }
        if record is None:
            self.removed.append(f"{position or 'role'} at {employer or 'unknown employer'}")
            return None
        entry_out = {
            employer_field: record.get("name") or record.get("organization") or employer,
            "position": record.get("position", position),
            "startDate": record.get("startDate", ""),
            "endDate": record.get("endDate", ""),
            "summary": self.clean_text(entry.get("summary", "")),
            "highlights": self.clean_lines(entry.get("highlights")),
        }
        if employer_field == "name":  # JSON Resume has a location on work, not on volunteer
            entry_out["location"] = record.get("location", "")
        return entry_out

    def school(self, entry: dict) -> dict | None:
        record = self.facts.schools.get((key(entry.get("institution")), key(entry.get("area"))))
        if record is None:
            self.removed.append(f"education {entry.get('area', '')} at {entry.get('institution', '')}")
            return None
        return {k: record.get(k, "") for k in ("institution", "area", "studyType", "startDate", "endDate")}

    def project(self, entry: dict) -> dict | None:
        record = self.facts.projects.get(key(entry.get("name")))
        if record is None:
            self.removed.append(f"project {entry.get('name', '')}")
            return None
        return {
            **{k: record.get(k, "") for k in ("name", "startDate", "endDate", "url")},
            "description": self.clean_text(entry.get("description", "")) or record.get("description", ""),
            "highlights": self.clean_lines(entry.get("highlights")),
            "keywords": [
                self.facts.skills[skill_key(k)]
                for k in record.get("keywords", [])
                if skill_key(k) in self.facts.skills
            ],
        }

    def skill_groups(self, groups) -> list[dict]:
        result, seen = [], set()
        for group in _dicts(groups):
            keywords = []
            for raw in group.get("keywords", []) if isinstance(group.get("keywords"), list) else []:
                skill_id = skill_key(raw) if isinstance(raw, str) else ""
                if skill_id not in self.facts.skills:
                    self.removed.append(f"skill {raw}")
                elif skill_id not in seen:
                    seen.add(skill_id)
                    keywords.append(self.facts.skills[skill_id])
            if keywords:
                result.append({"name": str(group.get("name") or "Skills")[:80], "keywords": keywords})
        return result


def ground_resume(content: dict, facts: Facts) -> tuple[dict, list[str]]:
    """``content`` reduced to the user's facts, and a list of what was removed."""
    grounder = _Grounder(facts)
    basics = content.get("basics") if isinstance(content.get("basics"), dict) else {}
    label = basics.get("label") if isinstance(basics.get("label"), str) else ""
    doc = {
        "basics": {
            **facts.basics,
            "label": label
            if key(label) in facts.labels or grounder.user_typed(label)
            else facts.basics.get("label", ""),
            "summary": grounder.clean_text(basics.get("summary", "")),
        },
        "work": [r for e in _dicts(content.get("work")) if (r := grounder.role(e, "name"))],
        "volunteer": [r for e in _dicts(content.get("volunteer")) if (r := grounder.role(e, "organization"))],
        "education": [r for e in _dicts(content.get("education")) if (r := grounder.school(e))],
        "projects": [r for e in _dicts(content.get("projects")) if (r := grounder.project(e))],
        "skills": grounder.skill_groups(content.get("skills")),
        **facts.verbatim,
    }
    # A model that skipped a section must not silently drop the user's record of it.
    if not doc["education"] and not content.get("education"):
        doc["education"] = [r for e in facts.schools.values() if (r := grounder.school(e))]
    if not doc["projects"] and not content.get("projects"):
        doc["projects"] = [r for e in facts.projects.values() if (r := grounder.project(e))]
    return _prune(doc), grounder.removed


def _prune(value):
    """Drop empty strings and nulls: JSON Resume omits an unknown or ongoing date, never blanks it."""
    if isinstance(value, dict):
        return {k: _prune(v) for k, v in value.items() if v is not None and v != ""}
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value
