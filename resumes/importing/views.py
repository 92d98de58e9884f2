"""Pages: upload a file (drag and drop), review the parsed entries with their confidence, improve
them with AI when the AI app has registered an improver, confirm.

Also the export page's ATS panel (rule checks and the read-back self-test).
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.exceptions import ValidationError

from resumate.exceptions import ApplicationError
from resumate.network import client_ip
from resumate.web import is_htmx

from ..exporters.pdf import DEFAULT_PAPER, RenderBusy, ResumeTooLarge, UnknownOption
from ..models import AchievementType, Resume
from . import registry, selectors, services
from .ats import resume_ats_report
from .models import ImportStatus

FIELDS = {
    "title": _("Title"),
    "organization": _("Organization"),
    "location": _("Location"),
    "start_date": _("Start date"),
    "end_date": _("End date (empty = ongoing)"),
    "url": _("Link"),
}


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Your file"),
        help_text=_(
            "PDF or Word resume, LinkedIn “Download your data” ZIP, JSON Resume, Reactive Resume JSON "
            "or a job tracker CSV. The kind is read from the content."
        ),
    )


def _errors(exc) -> list[str]:
    if isinstance(exc, ApplicationError):
        return [exc.detail]
    detail = exc.detail if isinstance(exc.detail, dict) else {"file": exc.detail}
    return [
        f"{k}: {m}" if k not in ("file", "non_field_errors") else str(m)
        for k, v in detail.items()
        for m in (v if isinstance(v, list) else [v])
    ]


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                # One byte past the limit is enough to recognise an oversize file.
                data = upload.read(settings.IMPORT_MAX_UPLOAD_BYTES + 1)
                draft = services.draft_create(user=request.user, data=data, filename=upload.name or "")
            except (ApplicationError, ValidationError) as exc:
                for message in _errors(exc):
                    form.add_error("file", message)
                status = getattr(exc, "status", 400)
            else:
                return redirect("resumes:import-review", pk=draft.pk)
        else:
            status = 400
    context = {"form": form, "recent": selectors.draft_list(user=request.user)[:5]}
    return render(request, "resumes/importing/upload.html", context, status=status)


def _confidence_class(value) -> str:
    if value is None:
        return ""
    return "conf-high" if value >= 0.85 else "conf-mid" if value >= 0.55 else "conf-low"


def _rows(draft):
    rows = []
    for index, entry in enumerate(draft.draft.get("achievements", [])):
        confidence = entry.get("confidence", {})
        rows.append(
            {
                "index": index,
                "entry": entry,
                "fields": [
                    {
                        "name": name,
                        "label": label,
                        "value": entry.get(name, ""),
                        "confidence": confidence.get(name),
                        "css": _confidence_class(confidence.get(name)),
                    }
                    for name, label in FIELDS.items()
                ],
                "highlights": "\n".join(entry.get("highlights", [])),
            }
        )
    return rows


def _draft_from_post(draft, post) -> tuple[dict, list[int]]:
    edited = {**draft.draft, "achievements": []}
    chosen = []
    for index, entry in enumerate(draft.draft.get("achievements", [])):
        item = dict(entry)
        item["type"] = post.get(f"e{index}-type", entry["type"])
        for name in FIELDS:
            item[name] = post.get(f"e{index}-{name}", entry.get(name, "")).strip()
        item["highlights"] = [
            h.strip() for h in post.get(f"e{index}-highlights", "").splitlines() if h.strip()
        ]
        if post.get(f"e{index}-include"):
            chosen.append(len(edited["achievements"]))
        edited["achievements"].append(item)
    return edited, chosen


@login_required
@require_http_methods(["GET", "POST"])
def import_review(request, pk):
    draft = selectors.draft_get(user=request.user, pk=pk)
    if draft is None:
        raise Http404("No such import.")
    errors, status = [], 200
    if request.method == "POST" and draft.status == "parsed":
        try:
            if "applications" in draft.draft:
                chosen = [
                    i for i in range(len(draft.draft["applications"])) if request.POST.get(f"e{i}-include")
                ]
            else:
                edited, chosen = _draft_from_post(draft, request.POST)
                draft = services.draft_update(import_draft=draft, draft=edited)
            draft = services.draft_confirm(import_draft=draft, entries=chosen)
        except (ApplicationError, ValidationError) as exc:
            errors, status = _errors(exc), 400
        else:
            result = draft.result
            messages.success(
                request,
                gettext("Imported: %(created)s created, %(merged)s merged into what you already had.")
                % {"created": len(result["created"]), "merged": len(result["merged"])},
            )
            return redirect("resumes:import-review", pk=draft.pk)
    return _review_page(request, draft, errors=errors, status=status)


def _review_page(request, draft, *, errors=(), notice="", status=200):
    kind = registry.get_kind(draft.kind)
    improver = registry.draft_improver() if "achievements" in draft.draft else None
    context = {
        "draft": draft,
        "kind": kind,
        "rows": _rows(draft),
        "types": AchievementType.choices,
        "errors": errors,
        "notice": notice,
        "improver": improver,
        "can_improve": improver is not None and draft.status == ImportStatus.PARSED and improver.available(),
        "template": kind.review_template if kind else "resumes/importing/_review_career.html",
    }
    return render(request, "resumes/importing/review.html", context, status=status)


def _improved(result: dict) -> str:
    filled, dropped = len(result["filled"]), len(result["dropped"])
    model = result["model"]
    text = (
        ngettext(
            "%(model)s filled %(n)s empty field from your file's text; check before you confirm.",
            "%(model)s filled %(n)s empty fields from your file's text; check before you confirm.",
            filled,
        )
        if filled
        else gettext("%(model)s found nothing in your file for the empty fields.")
    ) % {"model": model, "n": filled}
    if dropped:
        text += " " + ngettext(
            "%(n)s suggestion not found in the file was dropped.",
            "%(n)s suggestions not found in the file were dropped.",
            dropped,
        ) % {"n": dropped}
    return text


@login_required
@require_POST
def import_improve(request, pk):
    """Improve with AI: the review form's edits are kept, then empty fields filled from the file's text."""
    draft = selectors.draft_get(user=request.user, pk=pk)
    if draft is None:
        raise Http404("No such import.")
    improver = registry.draft_improver()
    try:
        if improver is None or "achievements" not in draft.draft:
            raise ApplicationError(gettext("Improve with AI is not available for this import."), status=409)
        if draft.status != ImportStatus.PARSED:
            raise services.AlreadyConfirmed()
        if "e0-type" in request.POST:
            edited, _chosen = _draft_from_post(draft, request.POST)
            draft = services.draft_update(import_draft=draft, draft=edited)
        result = improver.improve(user=request.user, import_draft=draft, client_ip=client_ip(request))
    except (ApplicationError, ValidationError) as exc:
        # htmx swaps only 2xx answers: the page fragment carries the error itself.
        status = 200 if is_htmx(request) else getattr(exc, "status", 400)
        return _review_page(request, draft, errors=_errors(exc), status=status)
    if is_htmx(request):
        return _review_page(request, draft, notice=_improved(result))
    messages.success(request, _improved(result))
    return redirect("resumes:import-review", pk=draft.pk)


@login_required
@require_GET
def resume_ats_panel(request, pk):
    """The export page's ATS panel for one template (htmx loads it after the page)."""
    resume = get_object_or_404(Resume.objects.filter(user=request.user), pk=pk)
    template = request.GET.get("template", "ats")
    paper = request.GET.get("paper", DEFAULT_PAPER)
    try:
        report = resume_ats_report(resume, template=template, paper=paper)
    except UnknownOption:
        return HttpResponseBadRequest("Unknown template or paper.")
    except RenderBusy:
        # The page's other panels render the same resume at the same moment: ask again shortly.
        return render(request, "resumes/importing/_ats.html", {"busy": True, "resume": resume})
    except ResumeTooLarge as exc:
        return render(request, "resumes/importing/_ats.html", {"too_large": exc.detail, "resume": resume})
    return render(request, "resumes/importing/_ats.html", {"report": report, "resume": resume})
