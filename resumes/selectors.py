"""Reads shared by the API, the pages, the admin and other apps."""

from django.db.models import Count, Max, Q, QuerySet

from .models import Achievement, Resume, Skill


def achievement_list(*, user, type: str | None = None, search: str = "") -> QuerySet[Achievement]:
    """The user's achievements, ongoing first, then newest first."""
    qs = Achievement.objects.filter(user=user)
    if type:
        qs = qs.filter(type=type)
    if search:
        qs = qs.filter(
            Q(title__icontains=search) | Q(organization__icontains=search) | Q(description__icontains=search)
        )
    return qs.order_by("-start_date", "-id")


def skill_list(*, user) -> QuerySet[Skill]:
    return Skill.objects.filter(user=user).order_by("category", "name")


def resume_list(*, user) -> QuerySet[Resume]:
    """Auto resume first, then manual ones by last change."""
    return Resume.objects.filter(user=user).order_by("-is_auto", "-updated_at", "-id")


def variant_list(*, main: Resume) -> QuerySet[Resume]:
    """The variants of ``main``, last changed first."""
    return Resume.objects.filter(variant_of=main, user_id=main.user_id).order_by("-updated_at", "-id")


def rebuilt_resumes(*, user) -> QuerySet[Resume]:
    """The main auto resume and its variants, main first."""
    return Resume.objects.filter(Q(is_auto=True) | Q(variant_of__isnull=False), user=user).order_by(
        "-is_auto", "title", "id"
    )


def auto_resume(*, user) -> Resume | None:
    return Resume.objects.filter(user=user, is_auto=True).first()


def dashboard_figures(*, user) -> dict:
    """Counts and the latest rebuild time for the dashboard panel, in three queries."""
    counts = Achievement.objects.filter(user=user).aggregate(
        achievements=Count("id"),
        ongoing=Count("id", filter=Q(end_date__isnull=True, start_date__isnull=False)),
    )
    resumes = Resume.objects.filter(user=user).aggregate(
        resumes=Count("id"), last_generated_at=Max("last_generated_at", filter=Q(is_auto=True))
    )
    counts["skills"] = Skill.objects.filter(user=user).count()
    return {**counts, **resumes}
