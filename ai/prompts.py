"""Every prompt the assistant sends, in one place.

A ``Prompt`` carries the text a remote model reads and the same facts as
structured ``context`` for the offline writer; both go into the response
cache key, so a change in the user's data is a new prompt.
"""

import hashlib
import json
from dataclasses import dataclass, field

from .models import AIFeature

SYSTEM = (
    "You are ResuMate's career writing assistant. You write in clear, concrete, professional English. "
    "You only use facts present in the candidate data you are given: "
    "never invent an employer, job title, "
    "date, degree, skill, metric or achievement. When the job asks for something the candidate lacks, "
    "do not claim it."
)

RESUME_SHAPE = (
    '{"basics": {"label": str, "summary": str}, '
    '"work": [{"name": employer, "position": title, "startDate": "YYYY-MM-DD", '
    '"endDate": "YYYY-MM-DD" or "", '
    '"summary": str, "highlights": [str]}], '
    '"education": [{"institution": str, "area": str, "studyType": str, "startDate": str, "endDate": str}], '
    '"projects": [{"name": str, "description": str, "highlights": [str]}], '
    '"skills": [{"name": category, "keywords": [skill]}]}'
)


@dataclass(frozen=True)
class Prompt:
    feature: str
    system: str
    text: str
    context: dict = field(default_factory=dict)
    json_output: bool = True
    temperature: float = 0.4
    max_output_tokens: int = 2048

    def cache_key(self, model_name: str) -> str:
        material = json.dumps(
            [model_name, self.feature, self.system, self.text, self.context], sort_keys=True, default=str
        )
        return "ai:response:" + hashlib.sha256(material.encode()).hexdigest()


def _data(label: str, value) -> str:
    return f"{label}:\n{json.dumps(value, ensure_ascii=False, indent=1, default=str)}\n"


def generate_prompt(*, profile: dict, user_input: str, title: str, input_skills: list[str]) -> Prompt:
    text = (
        f"Write the content of a resume titled {title!r} for this candidate.\n"
        + _data("Candidate data (the only source of facts)", profile)
        + f"What the candidate asks for, in their words:\n{user_input}\n\n"
        "Use every relevant experience, keep dates exactly as given, write 2-4 achievement-focused "
        "highlights per role (start with a verb, keep real numbers), and a 2-3 sentence summary.\n"
        f"Answer with one JSON object of this shape and nothing else: {RESUME_SHAPE}"
    )
    context = {"profile": profile, "user_input": user_input, "title": title, "input_skills": input_skills}
    return Prompt(AIFeature.GENERATE, SYSTEM, text, context)


def cover_letter_prompt(*, profile: dict, job: dict) -> Prompt:
    text = (
        f"Write a cover letter for the position {job['title']!r} at {job['company']!r}.\n"
        + _data("Candidate data (the only source of facts)", profile)
        + f"Job description:\n{job['description']}\n\n"
        + _data("Skills the job asks for that the candidate has", job["matched"])
        + _data("Skills the job asks for that the candidate does not have (never claim them)", job["missing"])
        + "Three to five short paragraphs: why this role, two or three concrete achievements that "
        "match the requirements, a confident close. Plain text only, no placeholders, "
        "signed with the candidate's name."
    )
    return Prompt(AIFeature.COVER_LETTER, SYSTEM, text, {"profile": profile, "job": job}, json_output=False)


def tailor_prompt(*, profile: dict, resume_content: dict, job: dict) -> Prompt:
    text = (
        "Tailor this resume to the job below: reorder experience and highlights so the most relevant "
        "come first, rephrase highlights toward the job's wording, and rewrite the summary. You may only "
        "reorder and rephrase. Keep every employer, position and date exactly as given; list only skills "
        "the candidate has.\n"
        + _data("Resume", resume_content)
        + _data("Candidate data (the only source of facts)", profile)
        + f"Job description:\n{job['description']}\n\n"
        + _data("Job skills the candidate has", job["matched"])
        + _data("Job skills the candidate lacks (do not add them)", job["missing"])
        + f"Answer with one JSON object of this shape and nothing else: {RESUME_SHAPE}"
    )
    context = {"profile": profile, "resume": resume_content, "job": job}
    return Prompt(AIFeature.TAILOR, SYSTEM, text, context, temperature=0.3)


def interview_prompt(*, profile: dict, job: dict) -> Prompt:
    text = (
        f"Prepare the candidate for interviews for {job['title']!r} at {job['company']!r}.\n"
        + _data("Candidate data", profile)
        + f"Job description:\n{job['description']}\n\n"
        + _data("Job skills", job["skills"])
        + (
            _data("The candidate's own notes on the company", job["company_notes"])
            if job.get("company_notes")
            else ""
        )
        + (_data("The posting", job["posting"]) if job.get("posting") else "")
        + "Write 4-6 technical questions about the job's skills, 4-6 behavioural questions and 3-4 questions "
        "about the company and role (built on the candidate's company notes when given). "
        "Give each a one or two sentence answer hint that points to a specific "
        "achievement of the candidate (by employer and title) where one fits.\n"
        'Answer with one JSON object and nothing else: {"technical": [{"question": str, "hint": str}], '
        '"behavioural": [{"question": str, "hint": str}], "company": [{"question": str, "hint": str}]}'
    )
    return Prompt(AIFeature.INTERVIEW, SYSTEM, text, {"profile": profile, "job": job}, temperature=0.5)


def model_test_prompt() -> Prompt:
    """The admin's "Test this model": one short line, no JSON, a handful of tokens."""
    return Prompt(
        AIFeature.MODEL_TEST,
        "You are a health check. Answer in at most five words.",
        "Reply with the single word OK.",
        json_output=False,
        temperature=0.0,
        max_output_tokens=16,
    )
