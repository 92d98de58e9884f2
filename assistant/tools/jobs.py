"""Job postings ranked against the resume, the applications the user tracks, the weekly report."""

from typing import Annotated, Literal

from django.db.models import Q
from pydantic import BaseModel, Field
from rest_framework.exceptions import ValidationError

from job_tracker.applications import selectors as application_selectors
from job_tracker.applications import services as application_services
from job_tracker.applications.serializers import ApplicationSerializer
from job_tracker.jobs import selectors as posting_selectors
from job_tracker.jobs.filters import JobPostingFilter
from job_tracker.jobs.matching import build_profile, profile_from
from job_tracker.jobs.serializers import JobPostingSerializer
from job_tracker.jobs.services import posting_track
from job_tracker.models import ApplicationStatus, RemoteType
from job_tracker.reports import selectors as report_selectors
from job_tracker.reports.serializers import WeeklyReportSerializer
from job_tracker.reports.services import preview_report
from job_tracker.reports.weeks import previous_week_start
from resumes import selectors as resume_selectors
from resumes.models import Skill

from ..schemas import model_for
from ..server import tool
from .common import PAGE_MAX, as_json, owned, page, user, validated

Posting = model_for(JobPostingSerializer, writable=False)
PostingSummary = model_for(
    JobPostingSerializer, writable=False, exclude=("description",), name="PostingSummary"
)
Application = model_for(ApplicationSerializer, writable=False)
ApplicationFields = model_for(ApplicationSerializer, writable=True)
# A preview (before the first Monday) is not stored: no id or timestamps yet.
WeeklyReport = model_for(WeeklyReportSerializer, writable=False, nullable=("id", "created_at", "updated_at"))

Limit = Annotated[int, Field(ge=1, le=PAGE_MAX, description="At most this many.")]
Offset = Annotated[int, Field(ge=0, description="Skip this many (paging).")]
Status = Literal[tuple(ApplicationStatus.values)]


class PostingPage(BaseModel):
    count: int
    offset: int
    items: list[PostingSummary]


class ApplicationPage(BaseModel):
    count: int
    offset: int
    items: list[Application]


class Tracked(BaseModel):
    created: bool = Field(description="False when the posting was already tracked: the existing application.")
    application: Application


class Report(BaseModel):
    stored: bool = Field(description="False: live figures for last week, before the first Monday report.")
    report: WeeklyReport


@tool(read_only=True, title="Search job postings")
def search_jobs(
    q: Annotated[str, Field(max_length=200, description="Words in title, company or description.")] = "",
    location: Annotated[str, Field(max_length=200)] = "",
    remote: Literal[tuple(RemoteType.values)] | None = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> PostingPage:
    """Active postings from the job boards, each with its match score against the user's resume.
    Descriptions are left out here; score_posting gives one posting in full."""
    data = {key: value for key, value in {"q": q, "location": location, "remote": remote}.items() if value}
    found = JobPostingFilter(data=data, queryset=posting_selectors.posting_list())
    if not found.is_valid():
        raise ValidationError(found.errors)
    result = page(
        found.qs,
        JobPostingSerializer,
        limit=limit,
        offset=offset,
        context={"profile": build_profile(user=user())},
    )
    for item in result["items"]:
        item.pop("description", None)
    return result


@tool(read_only=True, title="Score a posting against the resume")
def score_posting(
    id: int,
    resume: Annotated[
        int | None, Field(description="Compare with this resume (a variant); default the main.")
    ] = None,
) -> Posting:
    """One posting in full, with the skills of the user it matches and the ones it asks for that they lack."""
    posting = posting_selectors.posting_get(pk=id)
    if resume is None:
        profile = build_profile(user=user())
    else:
        chosen = owned(resume_selectors.resume_list(user=user()), resume)
        skill_names = list(Skill.objects.filter(user=user()).values_list("name", flat=True))
        profile = profile_from(user=user(), content=chosen.content, skill_names=skill_names)
    return as_json(JobPostingSerializer, posting, context={"profile": profile})


@tool(read_only=True, title="List tracked applications")
def list_applications(
    status: Status | None = None,
    search: Annotated[str, Field(max_length=200, description="In job title, company or notes.")] = "",
    limit: Limit = 50,
    offset: Offset = 0,
) -> ApplicationPage:
    """The applications the user tracks, last changed first (deleted ones left out)."""
    rows = application_selectors.application_list(user=user()).order_by("-updated_at", "-id")
    if status:
        rows = rows.filter(status=status)
    if search.strip():
        term = search.strip()
        rows = rows.filter(
            Q(job_title__icontains=term) | Q(company_name__icontains=term) | Q(notes__icontains=term)
        )
    return page(rows, ApplicationSerializer, limit=limit, offset=offset)


@tool(read_only=False, title="Track an application")
def track_application(
    posting_id: Annotated[int | None, Field(description="Track this job posting (wishlist).")] = None,
    application: Annotated[
        ApplicationFields | None, Field(description="Or describe the job yourself.")
    ] = None,
) -> Tracked:
    """Start tracking a job: from a posting (once; again answers the existing one) or from its details."""
    if (posting_id is None) == (application is None):
        raise ValidationError({"posting_id": ["Give either posting_id or application."]})
    if posting_id is not None:
        tracked, created = posting_track(user=user(), posting=posting_selectors.posting_get(pk=posting_id))
    else:
        data = validated(ApplicationSerializer, application.model_dump(exclude_unset=True))
        note = data.pop("status_note", "")
        tracked, created = application_services.application_create(user=user(), note=note, **data), True
    return {"created": created, "application": as_json(ApplicationSerializer, tracked)}


@tool(read_only=False, title="Move an application")
def move_application(
    id: int,
    status: Status,
    note: Annotated[str, Field(max_length=500, description="Kept on the status event.")] = "",
) -> Application:
    """Move an application along its pipeline (applied, interview, offer, rejected...); the change is
    kept in its history."""
    row = owned(application_selectors.application_list(user=user()), id)
    application_services.application_change_status(application=row, status=status, note=note)
    return as_json(ApplicationSerializer, owned(application_selectors.application_list(user=user()), id))


@tool(read_only=True, title="Weekly report")
def weekly_report() -> Report:
    """The latest weekly report (applications, responses, interviews, rates, advice); before the first
    one, last week's live figures."""
    stored = report_selectors.latest_report(user=user())
    if stored is None:
        preview, _ = preview_report(user=user(), week_start=previous_week_start())
        return {"stored": False, "report": as_json(WeeklyReportSerializer, preview)}
    return {"stored": True, "report": as_json(WeeklyReportSerializer, stored)}
