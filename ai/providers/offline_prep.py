"""Offline cover letters and interview preparation, assembled from the user's own achievements."""

from resumes.prose import render, tidy

from ..keywords import skill_key
from ..writing import (
    WORK_TYPES,
    achievement_sentence,
    evidence,
    hint_reference,
    lines_of,
    pick_line,
    quote_bullet,
    sentences,
)

BEHAVIOURAL = [
    ("Tell me about a time you delivered under a tight deadline.", "deadline"),
    ("Describe a disagreement with a colleague and how you resolved it.", "conflict"),
    ("Tell me about a mistake you made and what you changed afterwards.", "mistake"),
    ("Give an example of a goal you set and how you reached it.", "goal"),
    ("Describe a time you improved a process nobody asked you to improve.", "initiative"),
    ("Tell me about a time you had to learn something new quickly.", "learning"),
]


def _join(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else (items[0] if items else "")


def _requirements(description: str, limit: int = 3) -> list[str]:
    """Sentences of the job description that state what the role does or needs."""
    cues = ("you will", "you'll", "responsib", "require", "experience", "looking for", "build", "own", "lead")
    found = [s for s in sentences(description) if any(c in s.lower() for c in cues)]
    return (found or sentences(description))[:limit]


def _company_notes(notes: dict, limit: int = 2) -> list[str]:
    """The user's own company facts as hint sentences: their notes first, then size and website."""
    found = []
    written = " ".join(sentences(notes.get("notes") or "")[:limit])
    if written:
        found.append(render("en", "hint_notes", quote=written))
    if notes.get("size"):
        found.append(render("en", "hint_size", quote=notes["size"]))
    if notes.get("website"):
        found.append(render("en", "hint_website", quote=notes["website"]))
    return found


def _opening(job: dict, experience: list[dict]) -> list[str]:
    work = [i for i in experience if i["type"] in WORK_TYPES]
    studies = [i for i in experience if i["type"] == "degree"]
    parts = [
        render("en", "letter_apply", title=job["title"] or "open", company=job["company"] or "your company")
    ]
    if work:
        key = "letter_latest" if work[0]["end"] else "letter_current"
        parts.append(render("en", key, title=work[0]["title"], org=work[0]["organization"]))
    elif studies:
        key = "letter_graduate" if studies[0]["end"] else "letter_student"
        parts.append(render("en", key, title=studies[0]["title"], org=studies[0]["organization"]))
    if job["matched"]:
        parts.append(render("en", "letter_match", skills=_join([tidy(s) for s in job["matched"][:3]])))
    return parts


def cover_letter(context: dict) -> str:
    profile, job = context["profile"], context["job"]
    company = job["company"] or "your team"
    name = profile.get("name") or "Your candidate"
    experience = profile.get("experience", [])
    paragraphs = [f"Dear {tidy(job['company']) + ' ' if job['company'] else ''}hiring team,"]
    paragraphs.append(" ".join(_opening(job, experience)))

    # One sentence per achievement that shows the job's skills, in the grammar of its kind.
    shown: dict[tuple, list[str]] = {}
    items: dict[tuple, dict] = {}
    for skill in job["matched"]:
        for item in evidence(profile, skill):
            ident = (item["type"], item["title"], item["organization"])
            items.setdefault(ident, item)
            shown.setdefault(ident, []).append(skill)
    chosen = [(items[ident], skills) for ident, skills in list(shown.items())[:3]]
    if not chosen:
        lead = next((i for i in experience if i["type"] in WORK_TYPES), experience[0] if experience else None)
        chosen = [(lead, [])] if lead else []
    proof, quotes = [], []
    for item, skills in chosen:
        sentence, quote = achievement_sentence(item, skills)
        proof.append(sentence)
        if quote:
            quotes.append(quote_bullet(item, quote))
    if proof:
        paragraphs.append(" ".join(proof))
    if quotes:
        paragraphs.append("\n".join([render("en", "letter_quotes"), *quotes]))

    needs = _requirements(job["description"], limit=1)
    if needs:
        paragraphs.append(render("en", "letter_posting", quote=needs[0]) + " " + render("en", "letter_next"))
    missing = [m for m in job["missing"] if m not in job.get("soft_skills", [])]
    if missing:
        paragraphs.append(render("en", "letter_missing", skills=_join([tidy(m) for m in missing[:3]])))
    paragraphs.append(render("en", "letter_thanks") + " " + render("en", "letter_talk", company=company))
    paragraphs.append(f"Kind regards,\n{tidy(name)}")
    return "\n\n".join(paragraphs)


def _skill_hint(item: dict, skill: str) -> str:
    ref = hint_reference(item)
    line, woven = pick_line(item, skill)
    if woven:
        return render("en", "hint_clause", ref=ref, clause=woven)
    if any(skill_key(s) == skill_key(skill) for s in item.get("skills", [])):
        return render("en", "hint_skill", ref=ref, skills=tidy(skill))
    if line:
        return render("en", "hint_quote", ref=ref, quote=line)
    return render("en", "hint_plain", ref=ref)


def _story_hint(item: dict, turn: int) -> str:
    ref = hint_reference(item)
    line, woven = pick_line(item, skip=turn)
    if woven:
        return render("en", "star_clause", ref=ref, clause=woven)
    if line:
        return render("en", "star_quote", ref=ref, quote=line)
    return render("en", "star_plain", ref=ref)


def interview_questions(context: dict) -> dict:
    profile, job = context["profile"], context["job"]
    company = job["company"] or "the company"
    experience = profile.get("experience", [])

    technical = []
    for skill in job["skills"][:6]:
        found = evidence(profile, skill)
        if found:
            technical.append(
                {
                    "question": f"How have you used {skill} in practice, and what trade-offs did you make?",
                    "hint": _skill_hint(found[0], skill),
                }
            )
        else:
            technical.append(
                {
                    "question": f"The role uses {skill}. How would you get productive with it?",
                    "hint": render("en", "hint_new_skill", skills=tidy(skill)),
                }
            )
    if not technical:
        technical.append(
            {
                "question": f"Which parts of the {job['title'] or 'role'} "
                "do you expect to be hardest technically?",
                "hint": render("en", "hint_hardest"),
            }
        )

    stories = [i for i in experience if lines_of(i)]
    behavioural = []
    for index, (question, _theme) in enumerate(BEHAVIOURAL):
        if stories:
            hint = _story_hint(stories[index % len(stories)], index // len(stories))
        else:
            hint = render("en", "star_generic")
        behavioural.append({"question": question, "hint": hint})

    needs = _requirements(job["description"], limit=2)
    known = _company_notes(job.get("company_notes") or {})
    why = render("en", "hint_why")
    if needs:
        why += " " + render("en", "hint_stresses", quote=needs[0])
    company_questions = [
        {"question": f"Why do you want to work at {company}?", "hint": why},
        {
            "question": f"What do you know about {company}'s product and customers?",
            "hint": (
                " ".join([*known, render("en", "hint_learn_more")])
                if known
                else render("en", "hint_research")
            ),
        },
        {
            "question": "What would you want to achieve in your first 90 days?",
            "hint": render("en", "hint_duties", quote=needs[-1])
            if needs
            else render("en", "hint_first_days"),
        },
    ]
    return {"technical": technical, "behavioural": behavioural, "company": company_questions}
