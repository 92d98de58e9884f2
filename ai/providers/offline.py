"""The offline writer: rule-based, no network, built only from the user's own data.

It reads the prompt's structured ``context`` (the same facts a remote model
gets as text) and answers in the same format a remote model is asked for,
so the service, cache, validation and usage log treat it like any other.
"""

import json
import re
import time
from collections.abc import Iterator

from django.conf import settings

from resumes.prose.summary import person_summary

from ..keywords import is_technical, mentions, skill_key
from ..prompts import Prompt
from ..writing import as_sentence, months_of_work, resume_from_profile, sentences
from .base import Completion, ProviderError, Usage
from .offline_prep import cover_letter, interview_questions


def complete(
    prompt: Prompt, *, model_name: str, api_key: str = "", timeout: float = 0, **_options
) -> Completion:
    writers = {
        "generate": generate_resume,
        "tailor": tailor_resume,
        "cover_letter": cover_letter,
        "interview": interview_questions,
        "model_test": lambda _context: "OK",
    }
    try:
        answer = writers[prompt.feature](prompt.context)
    except (KeyError, TypeError, ValueError) as exc:
        raise ProviderError(f"offline writer cannot use this prompt: {exc}", retryable=False) from exc
    text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
    # Whitespace-separated words stand in for tokens: there is no tokenizer offline.
    return Completion(text, len(prompt.text.split()), len(text.split()))


def stream(prompt: Prompt, *, model_name: str, api_key: str = "", timeout: float = 0, **_options) -> Iterator:
    """The same answer, one sentence (with the space or line break after it) at a time.

    ``AI_OFFLINE_STREAM_DELAY_SECONDS`` paces the pieces, so the page can be seen writing.
    """
    completion = complete(prompt, model_name=model_name)
    delay = settings.AI_OFFLINE_STREAM_DELAY_SECONDS
    for index, piece in enumerate(re.findall(r".+?(?:[.!?:,](?=\s)|\n|$)\s*", completion.text, re.S)):
        if index and delay:
            time.sleep(delay)
        yield piece
    yield Usage(completion.prompt_tokens, completion.completion_tokens)


def _relevance(entry, skills: list[str]) -> int:
    if isinstance(entry, str):
        return sum(1 for skill in skills if mentions(entry, skill))
    text = (
        " ".join(str(entry.get(k, "")) for k in ("position", "name", "summary", "description", "area"))
        + " "
        + " ".join(map(str, entry.get("highlights", []) + entry.get("keywords", [])))
    )
    return sum(1 for skill in skills if mentions(text, skill))


def _order_by(entries: list, skills: list[str]) -> list:
    # Stable: equally relevant entries keep their (most recent first) order.
    return sorted(entries, key=lambda e: -_relevance(e, skills)) if skills else entries


def _summary(profile: dict, doc: dict, focus: list[str]) -> str:
    """Who the person is, as the auto resume says it, with the skills asked for first."""
    rank = {"expert": 0, "advanced": 1, "intermediate": 2, "beginner": 3}
    technical = sorted(
        (s for s in profile.get("skills", []) if s.get("category") not in ("spoken_language", "soft_skill")),
        key=lambda s: rank.get(s.get("proficiency"), 4),
    )
    recorded = [n for i in profile.get("experience", []) for n in i.get("skills", []) if is_technical(n)]
    strongest = list(dict.fromkeys([*focus, *(s["name"] for s in technical), *recorded]))[:3]
    return person_summary(
        items=profile.get("experience", []),
        work_months=months_of_work(profile),
        strongest=strongest,
        role=doc["basics"].get("label") or "",
    )


def generate_resume(context: dict) -> dict:
    profile, user_input = context["profile"], context.get("user_input", "")
    owned = {skill_key(s["name"]) for s in profile.get("skills", [])}
    owned |= {skill_key(s) for i in profile.get("experience", []) for s in i.get("skills", [])}
    focus = [s for s in context.get("input_skills", []) if skill_key(s) in owned]
    doc = resume_from_profile(profile)
    if not profile.get("experience"):
        # Nothing on record (anonymous use): the user's own words are the only facts.
        doc["basics"]["label"] = doc["basics"]["label"] or context.get("title", "")
        doc["basics"]["summary"] = " ".join(as_sentence(s) for s in sentences(user_input)[:4])
        if context.get("input_skills") and not doc["skills"]:
            doc["skills"] = [{"name": "Skills", "keywords": list(context["input_skills"])}]
        return doc
    doc["work"] = _order_by(doc["work"], focus)
    doc["projects"] = _order_by(doc["projects"], focus)
    for group in doc["skills"]:
        group["keywords"] = sorted(
            group["keywords"], key=lambda k: skill_key(k) not in {skill_key(f) for f in focus}
        )
    doc["skills"].sort(key=lambda g: -sum(1 for k in g["keywords"] if k in focus))
    doc["basics"]["summary"] = _summary(profile, doc, focus)
    return doc


def tailor_resume(context: dict) -> dict:
    profile, job = context["profile"], context["job"]
    source = context.get("resume") or {}
    doc = (
        json.loads(json.dumps(source))
        if source.get("work") or source.get("projects")
        else resume_from_profile(profile)
    )
    if not isinstance(doc.get("basics"), dict):
        doc["basics"] = {}
    matched = job["matched"]
    recorded = {
        (i["organization"].casefold(), i["title"].casefold()): i.get("skills", [])
        for i in profile.get("experience", [])
    }

    for section in ("work", "projects", "volunteer"):
        # Hand-edited resumes may hold anything: keep only well-formed entries.
        entries = [e for e in doc.get(section) or [] if isinstance(e, dict)]
        for entry in entries:
            highlights = entry.get("highlights") if isinstance(entry.get("highlights"), list) else []
            entry["highlights"] = _order_by([str(h) for h in highlights], matched)
            own = recorded.get(
                (str(entry.get("name", "")).casefold(), str(entry.get("position", "")).casefold()), []
            )
            used = [s for s in own if any(skill_key(s) == skill_key(m) for m in matched)]
            text = " ".join([str(entry.get("summary", "")), *entry["highlights"]])
            unnamed = [s for s in used if not mentions(text, s)]
            if unnamed:
                # Say in the job's words what the user recorded for this very role.
                summary = str(entry.get("summary") or "").strip()
                entry["summary"] = f"{summary} Worked with {', '.join(unnamed)}.".strip()
        doc[section] = _order_by(entries, matched)

    # Skills the job wants that the user has come first, in their own group.
    wanted = {skill_key(s) for s in matched}
    skills = doc.get("skills") if isinstance(doc.get("skills"), list) else []
    groups = [g for g in skills if isinstance(g, dict) and isinstance(g.get("keywords"), list)]
    relevant = list(matched)
    for group in groups:
        group["keywords"] = [k for k in group.get("keywords", []) if skill_key(k) not in wanted]
    doc["skills"] = ([{"name": "Relevant to this role", "keywords": relevant}] if relevant else []) + [
        g for g in groups if g["keywords"]
    ]
    focus_doc = {**doc, "skills": doc["skills"]}
    doc["basics"]["summary"] = _summary(profile, focus_doc, matched)
    return doc
