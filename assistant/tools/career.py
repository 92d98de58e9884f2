"""Achievements, resumes and variants, and short-lived download links for their files."""

from typing import Annotated, Literal

from django.urls import reverse
from pydantic import BaseModel, Field

from resumes import selectors, services
from resumes.exporters.json_resume import to_json_resume
from resumes.exporters.pdf import PAPERS, TEMPLATES
from resumes.models import AchievementType
from resumes.serializers import AchievementSerializer, ResumeSerializer, VariantCreateSerializer
from resumes.variants import services as variant_services

from ..downloads import DOWNLOAD_MAX_AGE, sign_download
from ..schemas import model_for
from ..server import request, resource, tool
from .common import PAGE_MAX, as_json, owned, page, user, validated

Achievement = model_for(AchievementSerializer, writable=False)
AchievementFields = model_for(AchievementSerializer, writable=True)
AchievementChanges = model_for(AchievementSerializer, writable=True, partial=True)
Resume = model_for(ResumeSerializer, writable=False)
VariantFields = model_for(VariantCreateSerializer, writable=True, name="VariantFields")

Limit = Annotated[int, Field(ge=1, le=PAGE_MAX, description="At most this many.")]
Offset = Annotated[int, Field(ge=0, description="Skip this many (paging).")]


class AchievementPage(BaseModel):
    count: int
    offset: int
    items: list[Achievement]


class ResumeSummary(BaseModel):
    id: int
    title: str
    kind: str
    template: str
    variant_of: int | None
    updated_at: str


class ResumeList(BaseModel):
    items: list[ResumeSummary]


class JSONResume(BaseModel, extra="allow"):
    """A JSON Resume 1.0.0 document: basics, work, education, skills, projects..."""


class DownloadLink(BaseModel):
    url: str = Field(description="Open without signing in; works until it expires.")
    expires_in_seconds: int
    filename: str


@tool(read_only=True, title="List achievements")
def list_achievements(
    type: Literal[tuple(AchievementType.values)] | None = None,
    search: Annotated[str, Field(max_length=200, description="In title, organisation, description.")] = "",
    limit: Limit = 50,
    offset: Offset = 0,
) -> AchievementPage:
    """The user's achievements (jobs, studies, courses, projects...), ongoing first, then newest."""
    rows = selectors.achievement_list(user=user(), type=type, search=search.strip())
    return page(rows, AchievementSerializer, limit=limit, offset=offset)


@tool(read_only=False, title="Add an achievement")
def add_achievement(achievement: AchievementFields) -> Achievement:
    """Record an achievement; the resume and its variants rebuild from it."""
    data = validated(AchievementSerializer, achievement.model_dump(exclude_unset=True))
    return as_json(AchievementSerializer, services.achievement_create(user=user(), **data))


@tool(read_only=False, title="Update an achievement")
def update_achievement(id: int, changes: AchievementChanges) -> Achievement:
    """Change the given fields of one of the user's achievements (others stay as they are)."""
    row = owned(selectors.achievement_list(user=user()), id)
    data = validated(
        AchievementSerializer, changes.model_dump(exclude_unset=True), instance=row, partial=True
    )
    return as_json(AchievementSerializer, services.achievement_update(achievement=row, **data))


@tool(read_only=True, title="List resumes")
def list_resumes() -> ResumeList:
    """The user's resumes: the main one rebuilt from achievements, its variants and manual ones."""
    rows = selectors.resume_list(user=user()).defer("content", "definition", "overrides")[:PAGE_MAX]
    return {
        "items": [
            {
                "id": r.pk,
                "title": r.title,
                "template": r.template,
                "variant_of": r.variant_of_id,
                "kind": "main" if r.is_auto else "variant" if r.variant_of_id else "manual",
                "updated_at": r.updated_at.isoformat(),
            }
            for r in rows
        ]
    }


def _resume(id: int | None):
    return owned(selectors.resume_list(user=user()), id) if id else services.get_auto_resume(user=user())


@tool(read_only=True, title="Get a resume")
def get_resume(
    id: Annotated[int | None, Field(description="Default: the main resume.")] = None,
) -> JSONResume:
    """A resume as a JSON Resume 1.0.0 document."""
    resume = _resume(id)
    return to_json_resume(resume.content, last_modified=resume.updated_at)


@tool(read_only=False, title="Create a resume variant")
def create_variant(variant: VariantFields) -> Resume:
    """A variant of the main resume: rules (types, tags, dates, skills first, language...) over the
    same achievements, rebuilt with the main resume whenever they change."""
    data = validated(VariantCreateSerializer, variant.model_dump(exclude_unset=True))
    main = services.get_auto_resume(user=user())
    return as_json(ResumeSerializer, variant_services.variant_create(main=main, **data))


@tool(read_only=True, title="Export a resume file")
def export_resume(
    id: Annotated[int | None, Field(description="Default: the main resume.")] = None,
    format: Literal["pdf", "docx"] = "pdf",
    template: Literal[tuple(TEMPLATES)] | None = None,
    paper: Literal[tuple(PAPERS)] | None = None,
) -> DownloadLink:
    """A short-lived link to the resume as PDF or DOCX, for the user to open or share."""
    resume = _resume(id)
    template = template or (resume.template if resume.template in TEMPLATES else "classic")
    paper = paper or (resume.paper if resume.paper in PAPERS else "a4")
    token = sign_download(user=user(), resume=resume, format=format, template=template, paper=paper)
    return {
        "url": _absolute(reverse("assistant:download", args=[token])),
        "expires_in_seconds": DOWNLOAD_MAX_AGE,
        "filename": f"resume-{resume.pk}-{template}-{paper}.{format}",
    }


def _absolute(path: str) -> str:
    return request().build_absolute_uri(path)


@resource("resumate://resume", name="resume", description="The main resume as JSON Resume 1.0.0.")
def resume_resource() -> dict:
    return get_resume()


@resource("resumate://achievements", name="achievements", description="Every achievement on record.")
def achievements_resource() -> list:
    rows = selectors.achievement_list(user=user())
    return list(AchievementSerializer(rows, many=True).data)
