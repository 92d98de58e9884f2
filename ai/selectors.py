"""Reads for the AI features: models, and a user's data as prompts see it."""

from django.db.models import F

from job_tracker.models import JobApplication
from resumes.models import Achievement, Resume, Skill

from .models import AIModel


def active_models():
    return AIModel.objects.filter(is_active=True).select_related("fallback").order_by("display_name")


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def user_resumes(*, user):
    if not _signed_in(user):
        return Resume.objects.none()
    return Resume.objects.filter(user=user).only("id", "title", "is_auto", "content", "updated_at")


def user_applications(*, user):
    if not _signed_in(user):
        return JobApplication.objects.none()
    return JobApplication.objects.filter(user=user).select_related("job_posting")


def _iso(value) -> str:
    return value.isoformat() if value else ""


def user_profile(*, user) -> dict:
    """The user's achievements and skills as plain data (two queries); empty for anonymous users."""
    if not _signed_in(user):
        return {"name": "", "headline": "", "email": "", "location": "", "experience": [], "skills": []}
    achievements = Achievement.objects.filter(user=user).order_by(
        F("end_date").desc(nulls_first=True), F("start_date").desc(nulls_last=True), "-id"
    )
    return {
        "name": user.get_full_name() or user.username,
        "headline": user.headline,
        "email": user.email,
        "location": user.location,
        "experience": [
            {
                "type": a.type,
                "title": a.title,
                "organization": a.organization,
                "location": a.location,
                "start": _iso(a.start_date),
                "end": _iso(a.end_date),
                "description": a.description,
                "highlights": [str(h) for h in a.highlights or []],
                "skills": [str(s) for s in a.skills or []],
                "url": a.url,
            }
            for a in achievements
        ],
        "skills": [
            {"name": s.name, "category": s.category, "proficiency": s.proficiency}
            for s in Skill.objects.filter(user=user).order_by("category", "name")
        ],
    }
