"""AI writing: a resume tailored to a job (saved as a variant) and a cover letter.

Through the AI services, so the model's log-in rule, the daily limit, the fallback chain and the
grounding (no skill the user lacks) apply as on the API and the pages.
"""

from typing import Annotated, Any

from pydantic import BaseModel, Field

from ai import services
from ai.limits import client_ip
from ai.serializers import CoverLetterInput, TailorInput, usage
from resumes.services import get_auto_resume

from ..server import request, tool
from .common import user, validated

Model = Annotated[
    str | None, Field(description="An active AI model's name (list in the web app); default the house one.")
]
JobDescription = Annotated[str, Field(max_length=20000, description="The job ad, pasted.")]
ApplicationId = Annotated[int | None, Field(description="One of the user's tracked applications.")]


class Usage(BaseModel):
    model: str = Field(description="The model that answered (a fallback when the requested one could not).")
    requested_model: str
    cached: bool
    remaining_today: int | None = Field(description="Requests left today on that model; null: unlimited.")


class Tailored(Usage):
    resume_id: int | None = Field(description="The variant saved.")
    application_id: int | None
    score_before: int = Field(description="Share (0-100) of the job's skills the resume showed before.")
    score_after: int
    missing_keywords: list[str] = Field(description="Job skills the user has nowhere on record: not claimed.")
    job_keywords: list[str]
    content: dict[str, Any]


class CoverLetter(Usage):
    application_id: int | None = Field(description="The application the letter was saved on.")
    cover_letter: str


@tool(read_only=False, title="Tailor the resume to a job")
def tailor_resume(
    job_description: JobDescription = "",
    application: ApplicationId = None,
    title: Annotated[str, Field(max_length=200, description="The variant's title.")] = "",
    resume: Annotated[int | None, Field(description="Start from this resume; default the main.")] = None,
    model: Model = None,
) -> Tailored:
    """Reorder and reword the resume toward the job, never claiming a skill the user lacks, and save
    it as a variant of the main resume (kept current as achievements change)."""
    base = resume if resume is not None else get_auto_resume(user=user()).pk
    data = validated(
        TailorInput,
        {"job_description": job_description, "application": application, "resume": base, "model": model,
         "title": title.strip() or "Tailored resume"},
    )  # fmt: skip
    result = services.resume_tailor(user=user(), client_ip=client_ip(request()), **data)
    return {
        **usage(result.ai),
        "resume_id": result.resume.pk if result.resume else None,
        "application_id": result.application.pk if result.application else None,
        **result.extra,
        "content": result.value,
    }


@tool(read_only=False, title="Write a cover letter")
def write_cover_letter(
    job_description: JobDescription = "",
    application: ApplicationId = None,
    job_title: Annotated[str, Field(max_length=200)] = "",
    company_name: Annotated[str, Field(max_length=200)] = "",
    resume: Annotated[int | None, Field(description="Write from this resume; default the main.")] = None,
    model: Model = None,
) -> CoverLetter:
    """A cover letter from the user's own record for a job; saved on the application when one is given."""
    data = validated(
        CoverLetterInput,
        {"job_description": job_description, "application": application, "job_title": job_title,
         "company_name": company_name, "resume": resume, "model": model},
    )  # fmt: skip
    result = services.cover_letter_write(user=user(), client_ip=client_ip(request()), **data)
    return {
        **usage(result.ai),
        "application_id": result.application.pk if result.application else None,
        "cover_letter": result.value,
    }
