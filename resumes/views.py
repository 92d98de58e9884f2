"""Server-rendered pages; htmx swaps partials in place and the services do the work."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.exceptions import ValidationError

from resumate.web import add_service_errors, is_htmx

from . import selectors, services
from .forms import AchievementForm, ResumeForm
from .models import Achievement, AchievementType, Resume

# Tells the preview panel to reload itself (see hx-trigger in achievements.html).
REBUILT = {"HX-Trigger": "resume-rebuilt"}


def _owned_achievement(request, pk):
    return get_object_or_404(Achievement, pk=pk, user=request.user)


def _preview_context(user):
    resume = selectors.auto_resume(user=user)
    return {"resume": resume, "content": resume.content if resume else {}}


@login_required
@require_GET
def achievements(request):
    type_filter = request.GET.get("type", "")
    if type_filter not in AchievementType.values:
        type_filter = ""
    search = request.GET.get("q", "").strip()[:100]
    context = {
        "achievements": selectors.achievement_list(user=request.user, type=type_filter, search=search),
        "types": AchievementType.choices,
        "type_filter": type_filter,
        "search": search,
        **_preview_context(request.user),
    }
    return render(request, "resumes/achievements.html", context)


@login_required
@require_GET
def resume_preview(request):
    return render(request, "resumes/_preview.html", _preview_context(request.user))


@login_required
@require_GET
def achievement_row(request, pk):
    return render(request, "resumes/_achievement_row.html", {"achievement": _owned_achievement(request, pk)})


@login_required
@require_http_methods(["GET", "POST"])
def achievement_form(request, pk=None):
    """Add (pk None) or edit an achievement; inline through htmx, or as a plain page without it."""
    achievement = _owned_achievement(request, pk) if pk else None
    if request.method == "GET" and request.GET.get("cancel"):
        return HttpResponse("")
    initial = AchievementForm.initial_for(achievement) if achievement else {"type": AchievementType.JOB}
    form = AchievementForm(request.POST if request.method == "POST" else None, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if achievement:
                    achievement = services.achievement_update(
                        achievement=achievement, **form.service_fields()
                    )
                else:
                    achievement = services.achievement_create(user=request.user, **form.service_fields())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if is_htmx(request):
                    response = render(request, "resumes/_achievement_row.html", {"achievement": achievement})
                    response["HX-Trigger"] = REBUILT["HX-Trigger"]
                    return response
                messages.success(
                    request, _("Saved “%(title)s”; your resume is rebuilt.") % {"title": achievement.title}
                )
                return redirect("resumes:achievements")
        # htmx only swaps 2xx answers; a plain form post gets an honest 400.
        status = 200 if is_htmx(request) else 400
    context = {"form": form, "achievement": achievement}
    template = "resumes/_achievement_form.html" if is_htmx(request) else "resumes/achievement_form_page.html"
    return render(request, template, context, status=status)


@login_required
@require_POST
def achievement_delete(request, pk):
    achievement = _owned_achievement(request, pk)
    title = achievement.title
    services.achievement_delete(achievement=achievement)
    if is_htmx(request):
        return HttpResponse("", headers=REBUILT)
    messages.success(request, _("Deleted “%(title)s”.") % {"title": title})
    return redirect("resumes:achievements")


@login_required
@require_GET
def resumes(request):
    services.get_auto_resume(user=request.user)  # an older account may not have one yet
    return render(request, "resumes/resumes.html", {"resumes": selectors.resume_list(user=request.user)})


@login_required
@require_GET
def resume_detail(request, pk):
    resume = get_object_or_404(Resume, pk=pk, user=request.user)
    return render(request, "resumes/resume_detail.html", {"resume": resume, "content": resume.content})


@login_required
@require_http_methods(["GET", "POST"])
def resume_edit(request, pk):
    # Manual resumes only: a variant's content follows its rules (edited on the variant page).
    resume = get_object_or_404(Resume, pk=pk, user=request.user, is_auto=False, variant_of__isnull=True)
    initial = {
        "title": resume.title,
        "template": resume.template,
        "content": json.dumps(resume.content, indent=2, ensure_ascii=False),
    }
    form = ResumeForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.resume_update(resume=resume, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Saved “%(title)s”.") % {"title": resume.title})
            return redirect("resumes:resume", pk=resume.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "resumes/resume_edit.html", {"form": form, "resume": resume}, status=status)


@login_required
@require_POST
def resume_duplicate(request, pk):
    resume = get_object_or_404(Resume, pk=pk, user=request.user)
    copy = services.resume_duplicate(resume=resume)
    messages.success(
        request, _("Created “%(title)s”; edit it freely, rebuilds never touch it.") % {"title": copy.title}
    )
    return redirect("resumes:resume-edit", pk=copy.pk)


@login_required
@require_POST
def resume_delete(request, pk):
    resume = get_object_or_404(Resume, pk=pk, user=request.user, is_auto=False)
    services.resume_delete(resume=resume)
    messages.success(request, _("Deleted “%(title)s”.") % {"title": resume.title})
    return redirect("resumes:resumes")
