"""Offline cover letters and interview preparation, assembled from the user's own achievements."""

from ..writing import WORK_TYPES, as_sentence, best_line, evidence, lower_first, sentences, where

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
    """The user's own company facts as sentences: their notes first, then size and website."""
    found = [as_sentence(s) for s in sentences(notes.get("notes") or "")][:limit]
    if notes.get("size"):
        found.append(f"Size: {notes['size']}.")
    if notes.get("website"):
        found.append(f"Website: {notes['website']}.")
    return found


def cover_letter(context: dict) -> str:
    profile, job = context["profile"], context["job"]
    title, company = job["title"] or "the role", job["company"] or "your team"
    name = profile.get("name") or "Your candidate"
    work = [i for i in profile.get("experience", []) if i["type"] in WORK_TYPES]
    paragraphs = [f"Dear {job['company'] + ' ' if job['company'] else ''}hiring team,"]

    opening = f"I am applying for the {title} position at {company}."
    if work:
        opening += (
            f" I currently work as {where(work[0])}"
            if not work[0]["end"]
            else f" Most recently I was {where(work[0])}"
        )
        opening += (
            f", and the role's focus on {_join(job['matched'][:3])} matches what I do best."
            if job["matched"]
            else "."
        )
    paragraphs.append(opening)

    # One concrete piece of evidence per achievement, naming the job's skills it shows.
    shown: dict[tuple, list[str]] = {}
    items: dict[tuple, dict] = {}
    for skill in job["matched"]:
        for item in evidence(profile, skill):
            ident = (item["title"], item["organization"])
            items.setdefault(ident, item)
            shown.setdefault(ident, []).append(skill)
    proof = []
    for ident, skills in list(shown.items())[:3]:
        line = best_line(items[ident], skills[0])
        if line:
            proof.append(
                f"As {where(items[ident])}, working with {_join(skills)}, I {lower_first(line).rstrip('.')}."
            )
    if not proof and work:
        proof.append(f"As {where(work[0])}, I {lower_first(best_line(work[0])).rstrip('.')}.")
    if proof:
        paragraphs.append(" ".join(proof))

    needs = _requirements(job["description"], limit=1)
    if needs:
        paragraphs.append(
            f"Your posting says: \u201c{needs[0].rstrip('.')}.\u201d "
            "That is the kind of work I want to do next, "
            "and I would bring the same care for results to it."
        )
    missing = [m for m in job["missing"] if m not in job.get("soft_skills", [])]
    if missing:
        paragraphs.append(
            f"I have not yet used {_join(missing[:3])} in production, and I learn new tools quickly "
            "by building with them."
        )
    paragraphs.append(
        f"Thank you for your time. I would welcome the chance to talk about how I can help {company}."
    )
    paragraphs.append(f"Kind regards,\n{name}")
    return "\n\n".join(paragraphs)


def interview_questions(context: dict) -> dict:
    profile, job = context["profile"], context["job"]
    company = job["company"] or "the company"
    experience = profile.get("experience", [])

    technical = []
    for skill in job["skills"][:6]:
        found = evidence(profile, skill)
        if found:
            line = best_line(found[0], skill)
            hint = f"Use your work as {where(found[0])}" + (f": {lower_first(line)}" if line else ".")
            technical.append(
                {
                    "question": f"How have you used {skill} in practice, and what trade-offs did you make?",
                    "hint": hint,
                }
            )
        else:
            technical.append(
                {
                    "question": f"The role uses {skill}. How would you get productive with it?",
                    "hint": f"Be honest that {skill} is new to you; "
                    "describe how you picked up a comparable tool quickly.",
                }
            )
    if not technical:
        technical.append(
            {
                "question": f"Which parts of the {job['title'] or 'role'} "
                "do you expect to be hardest technically?",
                "hint": "Tie it to a problem you solved before, with the result.",
            }
        )

    stories = [i for i in experience if i.get("highlights") or i.get("description")]
    behavioural = []
    for index, (question, _theme) in enumerate(BEHAVIOURAL):
        if stories:
            item = stories[index % len(stories)]
            line = best_line(item)
            hint = f"STAR story from {where(item)}" + (f": {lower_first(line)}" if line else ".")
        else:
            hint = "Answer with Situation, Task, Action, Result; end with a number if you have one."
        behavioural.append({"question": question, "hint": hint})

    needs = _requirements(job["description"], limit=2)
    known = _company_notes(job.get("company_notes") or {})
    company_questions = [
        {
            "question": f"Why do you want to work at {company}?",
            "hint": "Connect what the posting stresses to what you enjoyed most in your recent work."
            + (f" The posting stresses: {needs[0].rstrip('.')}." if needs else ""),
        },
        {
            "question": f"What do you know about {company}'s product and customers?",
            "hint": (
                f"From your notes: {' '.join(known)} " if known else "Read the website and recent news; "
            )
            + "name one thing you would like to learn more about.",
        },
        {
            "question": "What would you want to achieve in your first 90 days?",
            "hint": as_sentence(
                f"Start from the role's duties ({lower_first(needs[-1].rstrip('.'))})"
                if needs
                else "Learn the codebase, ship one small improvement, earn trust"
            ),
        },
    ]
    return {"technical": technical, "behavioural": behavioural, "company": company_questions}
