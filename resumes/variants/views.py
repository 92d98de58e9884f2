"""Variant pages: create one from the main resume, edit its definition with a live preview, compare two."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.exceptions import ValidationError

from resumate.web import add_service_errors

from .. import selectors
from ..models import Resume
from . import services
from .definition import SECTIONS
from .forms import VariantForm


def _errors_on_form(form, error: ValidationError) -> None:
    """Service errors keyed "definition.types" land on the form's "types" field."""
    detail = error.detail if isinstance(error.detail, dict) else {"definition": error.detail}
    renamed = {
        key.removeprefix("definition.") if key != "definition" else None: value
        for key, value in detail.items()
    }
    add_service_errors(
        form, ValidationError({k if k in form.fields else "__all__": v for k, v in renamed.items()})
    )


def _form(request, *, initial, data=None):
    achievements = selectors.achievement_list(user=request.user)
    return VariantForm(data, achievements=achievements, initial=initial)


def _own_main(request, pk) -> Resume:
    return get_object_or_404(Resume, pk=pk, user=request.user, is_auto=True)


def _own_variant(request, pk) -> Resume:
    return get_object_or_404(
        Resume.objects.select_related("variant_of"), pk=pk, user=request.user, variant_of__isnull=False
    )


@login_required
@require_http_methods(["GET", "POST"])
def variant_new(request, pk):
    main = _own_main(request, pk)
    form = _form(request, initial={"template": main.template, "paper": main.paper}, data=request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                variant = services.variant_create(
                    main=main, definition=form.definition(), **form.resume_fields()
                )
            except ValidationError as error:
                _errors_on_form(form, error)
            else:
                messages.success(
                    request,
                    gettext("Created the variant “%(title)s”; it follows your achievements.")
                    % {"title": variant.title},
                )
                return redirect("resumes:resume", pk=variant.pk)
        status = 400
    context = {"form": form, "main": main, "variant": None, "content": main.content}
    return render(request, "resumes/variants/form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def variant_edit(request, pk):
    variant = _own_variant(request, pk)
    form = _form(request, initial=VariantForm.initial_for(variant), data=request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.variant_update(variant=variant, definition=form.definition(), **form.resume_fields())
            except ValidationError as error:
                _errors_on_form(form, error)
            else:
                messages.success(request, gettext("Saved “%(title)s”.") % {"title": variant.title})
                return redirect("resumes:resume", pk=variant.pk)
        status = 400
    context = {"form": form, "main": variant.variant_of, "variant": variant, "content": variant.content}
    return render(request, "resumes/variants/form.html", context, status=status)


@login_required
@require_POST
def variant_preview(request, pk):
    """The live preview (htmx): the form's definition built in memory, nothing saved."""
    main = _own_main(request, pk)
    variant_id = request.GET.get("variant", "")
    variant = _own_variant(request, int(variant_id)) if variant_id.isdigit() else None
    form = _form(request, initial={}, data=request.POST)
    context = {"main": main, "errors": []}
    if form.is_valid():
        try:
            preview = services.variant_preview(main=main, definition=form.definition(), variant=variant)
        except ValidationError as error:
            context["errors"] = [str(m) for messages_ in error.detail.values() for m in messages_]
        else:
            context.update(content=preview.content, preview=preview, **_coverage(preview))
    else:
        context["errors"] = [str(m) for messages_ in form.errors.values() for m in messages_]
    return render(request, "resumes/variants/_preview.html", context)


def _coverage(resume) -> dict:
    meta = (resume.content or {}).get("meta", {}).get("variant", {})
    return {"included_count": len(meta.get("included", [])), "excluded_count": len(meta.get("excluded", []))}


def _shows(resume, achievement_ids) -> set[int]:
    """Ids of the achievements ``resume`` shows: all for the main one, its own list for a variant."""
    if resume.is_auto:
        return set(achievement_ids)
    return set(((resume.content or {}).get("meta", {}).get("variant", {})).get("included", []))


def _sections(resume) -> list[str]:
    content = resume.content or {}
    order = content.get("meta", {}).get("sections") or SECTIONS
    return [s for s in order if content.get(s)]


def _skills(resume) -> list[str]:
    return [k for g in (resume.content or {}).get("skills", []) for k in g.get("keywords", [])]


@login_required
@require_GET
def variant_compare(request):
    """Two of the user's rebuilt resumes side by side: which achievements, sections and skills each shows."""
    rebuilt = list(selectors.rebuilt_resumes(user=request.user))
    by_id = {r.pk: r for r in rebuilt}
    try:
        a, b = by_id[int(request.GET.get("a", ""))], by_id[int(request.GET.get("b", ""))]
    except (KeyError, ValueError):
        if request.GET.get("a") or request.GET.get("b"):
            raise Http404 from None
        a, b = (rebuilt[0], rebuilt[1]) if len(rebuilt) > 1 else (None, None)
    context = {"resumes": rebuilt, "a": a, "b": b}
    if a and b:
        achievements = list(selectors.achievement_list(user=request.user))
        ids = [x.pk for x in achievements]
        shows_a, shows_b = _shows(a, ids), _shows(b, ids)
        skills_a, skills_b = _skills(a), _skills(b)
        context.update(
            rows=[{"achievement": x, "in_a": x.pk in shows_a, "in_b": x.pk in shows_b} for x in achievements],
            only_a=sum(1 for x in ids if x in shows_a and x not in shows_b),
            only_b=sum(1 for x in ids if x in shows_b and x not in shows_a),
            sections_a=_sections(a),
            sections_b=_sections(b),
            skills_only_a=[s for s in skills_a if s not in skills_b],
            skills_only_b=[s for s in skills_b if s not in skills_a],
            skills_both=[s for s in skills_a if s in skills_b],
        )
    return render(request, "resumes/variants/compare.html", context)
