"""Pages: download a resume (template, paper, format) with template previews; upload a JSON Resume."""

import json
from types import SimpleNamespace

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_http_methods
from rest_framework.exceptions import ValidationError
from rest_framework.throttling import ScopedRateThrottle

from ..importers import import_json_resume
from ..locales import LANGUAGES
from ..models import Resume
from . import export_filename
from .downloads import docx_response, file_response, pdf_response
from .json_resume import to_json_resume
from .markdown import to_markdown
from .onepage import TEMPLATE as ONEPAGE
from .pdf import (
    DEFAULT_PAPER,
    PAPERS,
    TEMPLATES,
    RenderBusy,
    ResumeTooLarge,
    UnknownOption,
    fitted_onepage,
    render_html,
)

FORMATS = {"pdf": "PDF", "docx": _("DOCX (Word)"), "json": "JSON Resume", "md": "Markdown"}
MAX_UPLOAD_BYTES = 1_000_000


class ExportForm(forms.Form):
    template = forms.ChoiceField(label=_("Template"), choices=list(TEMPLATES.items()))
    paper = forms.ChoiceField(label=_("Paper"), choices=[(key, paper.label) for key, paper in PAPERS.items()])
    format = forms.ChoiceField(label=_("Format"), choices=list(FORMATS.items()), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("JSON Resume file"), help_text=_("A <code>resume.json</code> (JSON Resume 1.0.0).")
    )
    title = forms.CharField(
        label=_("Title"), max_length=200, required=False, help_text=_("Defaults to the name in the file.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                gettext("The file is larger than %(kb)s kB.") % {"kb": MAX_UPLOAD_BYTES // 1000}
            )
        try:
            return json.loads(upload.read().decode("utf-8"))
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(gettext("The file is not UTF-8 text.")) from exc
        except json.JSONDecodeError as exc:
            raise forms.ValidationError(
                f"Not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
            ) from exc


def _own_resume(request, pk) -> Resume:
    return get_object_or_404(Resume.objects.filter(user=request.user), pk=pk)


def _download(request, resume, data):
    if data["format"] in ("pdf", "docx"):
        # The page path shares the API's per-user render rate (one counter, scope "resume_pdf").
        throttle = ScopedRateThrottle()
        if not throttle.allow_request(request, SimpleNamespace(throttle_scope="resume_pdf")):
            return HttpResponse(
                "Too many downloads; try again in a minute.",
                status=429,
                content_type="text/plain; charset=utf-8",
                headers={"Retry-After": str(int(throttle.wait() or 1))},
            )
        respond = pdf_response if data["format"] == "pdf" else docx_response
        try:
            return respond(resume, template=data["template"], paper=data["paper"])
        except (ResumeTooLarge, RenderBusy) as exc:
            return HttpResponse(
                exc.detail, status=exc.status, content_type="text/plain; charset=utf-8", headers=exc.headers
            )
    if data["format"] == "json":
        body = json.dumps(
            to_json_resume(resume.content, last_modified=resume.updated_at), ensure_ascii=False, indent=2
        )
        return file_response(
            body,
            content_type="application/json; charset=utf-8",
            filename=export_filename(resume, "json"),
        )
    return file_response(
        to_markdown(resume.content, fallback_name=resume.title),
        content_type="text/markdown; charset=utf-8",
        filename=export_filename(resume, "md"),
    )


def _previews(paper):
    """One card per template: its preview image (the sample resume, ``render_template_previews``)."""
    return [
        {"key": key, "label": label, "paper": paper, "image": f"resumes/previews/{key}.png"}
        for key, label in TEMPLATES.items()
    ]


@login_required
@require_GET
def resume_export(request, pk):
    resume = _own_resume(request, pk)
    initial = {
        "template": resume.template if resume.template in TEMPLATES else "classic",
        "paper": resume.paper if resume.paper in PAPERS else DEFAULT_PAPER,
    }
    form = ExportForm(request.GET or None, initial=initial)
    # Changing the paper redraws the previews in place.
    form.fields["paper"].widget.attrs.update(
        {
            "hx-get": reverse("resumes:resume-export-previews", args=[resume.pk]),
            "hx-target": "#previews",
            "hx-trigger": "change",
        }
    )
    if form.is_bound and form.is_valid() and form.cleaned_data["format"]:
        return _download(request, resume, form.cleaned_data)
    paper = form.cleaned_data["paper"] if form.is_bound and form.is_valid() else initial["paper"]
    status = 400 if form.is_bound and not form.is_valid() else 200
    context = {
        "resume": resume,
        "form": form,
        "formats": FORMATS,
        "previews": _previews(paper),
        "onepage": ONEPAGE,
        "language_name": LANGUAGES[resume.language],
    }
    return render(request, "resumes/export.html", context, status=status)


@login_required
@require_GET
def resume_export_previews(request, pk):
    """The preview thumbnails for one paper size (htmx swaps them in when the paper changes)."""
    resume = _own_resume(request, pk)
    paper = request.GET.get("paper", DEFAULT_PAPER)
    if paper not in PAPERS:
        return HttpResponseBadRequest("Unknown paper.")
    context = {"resume": resume, "previews": _previews(paper), "onepage": ONEPAGE}
    return render(request, "resumes/_export_previews.html", context)


@login_required
@require_GET
def resume_export_onepage(request, pk):
    """What the one-page template leaves out of this resume to fit (htmx loads it into the preview card)."""
    resume = _own_resume(request, pk)
    paper = request.GET.get("paper", DEFAULT_PAPER)
    if paper not in PAPERS:
        return HttpResponseBadRequest("Unknown paper.")
    fit = fitted_onepage(resume.content, paper=paper, title=resume.title)
    return render(request, "resumes/_onepage_fit.html", {"fit": fit, "paper": PAPERS[paper]})


@login_required
@require_GET
@xframe_options_sameorigin
def resume_preview(request, pk, template):
    """The template's HTML filled with this resume, for the thumbnails and a full-size look."""
    resume = _own_resume(request, pk)
    if template not in TEMPLATES:
        raise Http404("No such template.")
    try:
        html = render_html(
            resume.content,
            template=template,
            paper=request.GET.get("paper", DEFAULT_PAPER),
            title=resume.title,
            preview=True,
        )
    except UnknownOption:
        return HttpResponseBadRequest("Unknown paper.")
    return HttpResponse(html)


@login_required
@require_http_methods(["GET", "POST"])
def resume_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = import_json_resume(
                user=request.user, document=form.cleaned_data["file"], title=form.cleaned_data["title"]
            )
        except ValidationError as exc:
            detail = exc.detail if isinstance(exc.detail, dict) else {"document": exc.detail}
            for location, problems in detail.items():
                for problem in problems if isinstance(problems, list) else [problems]:
                    form.add_error("file", f"{location}: {problem}")
        else:
            messages.success(
                request,
                gettext("Imported “%(title)s”: %(achievements)s achievements, %(skills)s new skills.")
                % {
                    "title": result.resume.title,
                    "achievements": result.achievements,
                    "skills": result.skills,
                },
            )
            return redirect("resumes:resume", pk=result.resume.pk)
    status = 400 if form.errors else 200
    return render(request, "resumes/import.html", {"form": form}, status=status)
