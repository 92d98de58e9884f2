"""The AI assistant pages: one per feature, htmx forms with an in-progress indicator, savable results."""

import json
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from rest_framework.exceptions import APIException, ValidationError

from resumate.web import is_htmx

from . import forms, limits, selectors, services
from .exceptions import AIError
from .limits import client_ip


@dataclass(frozen=True)
class Feature:
    slug: str
    title: str
    blurb: str
    form: type
    login: bool


FEATURES = {
    f.slug: f
    for f in [
        Feature(
            "generate",
            _("Write a resume"),
            _("Resume content from your achievements, focused how you ask."),
            forms.GenerateForm,
            login=False,
        ),
        Feature(
            "cover-letter",
            _("Cover letter"),
            _("A letter for an application, built on your matching work."),
            forms.CoverLetterForm,
            login=True,
        ),
        Feature(
            "tailor",
            _("Tailor a resume"),
            _("Reorder and rephrase a resume for one job; see what is missing."),
            forms.TailorForm,
            login=True,
        ),
        Feature(
            "interview",
            _("Interview prep"),
            _("Technical, behavioural and company questions with answer hints."),
            forms.InterviewForm,
            login=False,
        ),
    ]
}


def _url(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def _user(request):
    return request.user if request.user.is_authenticated else None


def assistant(request):
    subject = limits.quota_subject(user=_user(request), client_ip=client_ip(request))
    models = [
        {"model": m, "remaining": limits.quota_remaining(m, subject), "open": limits.breaker_is_open(m)}
        for m in selectors.active_models()
    ]
    return render(request, "ai/assistant.html", {"features": FEATURES.values(), "models": models})


def _run(feature: Feature, request, data: dict) -> dict[str, Any]:
    """Call the feature's service; the template context of its result."""
    user, ip = _user(request), client_ip(request)
    job = {k: data.get(k, "") for k in ("job_title", "company_name", "job_description")}
    if feature.slug == "generate":
        result = services.resume_generate(
            user=user, model=data["model"], user_input=data["user_input"], title=data["title"], client_ip=ip
        )
        return {
            "result": result,
            "resume_url": _url("resumes:resume", result.resume.pk) if result.resume else "",
        }
    if feature.slug == "cover-letter":
        result = services.cover_letter_write(
            user=user, model=data["model"], application=data.get("application"), resume=data.get("resume"),
            client_ip=ip, **job,
        )  # fmt: skip
        draft = (
            None
            if result.application
            else services.draft_store(user=user, kind="cover_letter", value=result.value)
        )
        return {"result": result, "draft": draft}
    if feature.slug == "tailor":
        result = services.resume_tailor(
            user=user, model=data["model"], resume=data["resume"], job_description=data["job_description"],
            client_ip=ip,
        )  # fmt: skip
        return {
            "result": result,
            "draft": services.draft_store(user=user, kind="tailored", value=result.value),
        }
    result = services.interview_prepare(
        user=user, model=data["model"], application=data.get("application"), client_ip=ip, **job
    )
    draft = (
        services.draft_store(user=user, kind="notes", value=services.interview_notes(result.value))
        if user
        else None
    )
    return {"result": result, "draft": draft}


def feature_page(request, feature):
    feature = FEATURES.get(feature)
    if feature is None:
        raise Http404
    if feature.login and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form_kwargs = {"user": _user(request), "client_ip": client_ip(request)}
    form = feature.form(request.POST or None, **form_kwargs)
    context = {"feature": feature, "form": form, "features": FEATURES.values()}
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                context.update(_run(feature, request, form.cleaned_data))
                context["applications"] = selectors.user_applications(user=_user(request))
                form = feature.form(initial=request.POST.dict(), **form_kwargs)
            except AIError as exc:
                context["error"], status = {"detail": exc.detail, **exc.extra}, exc.status
            except (APIException, ValidationError) as exc:  # a field the API serializer refused
                context["error"], status = {"detail": str(getattr(exc, "detail", exc))}, exc.status_code
        else:
            status = 400
        if is_htmx(request):
            # htmx swaps only 2xx answers: the partial carries the error itself.
            return render(request, "ai/_result.html", {**context, "form": form}, status=200)
    context["form"] = form
    return render(request, "ai/feature.html", context, status=status)


@login_required
@require_POST
def save_draft(request, token):
    form = forms.SaveDraftForm(request.POST, user=request.user)
    form.is_valid()
    try:
        message = services.draft_save(
            user=request.user, token=token, title=form.cleaned_data.get("title", ""),
            application=form.cleaned_data.get("application"),
        )  # fmt: skip
    except (AIError, APIException) as exc:
        detail = exc.detail if isinstance(exc.detail, str) else gettext("Pick one of your applications.")
        if is_htmx(request):
            return render(request, "ai/_saved.html", {"error": detail})
        messages.error(request, detail)
        return redirect("ai:assistant")
    if is_htmx(request):
        return render(request, "ai/_saved.html", {"message": message})
    messages.success(request, message)
    return redirect("ai:assistant")


def _event(name: str, data: dict) -> str:
    """One server-sent event; JSON keeps line breaks in the text from ending the event."""
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


@login_required
@require_POST
def cover_letter_stream(request):
    """The cover letter as it is written (text/event-stream), for the page's script to show.

    Events: ``chunk`` {text} as the model writes, then ``done`` {html} (the result as the
    non-streamed page shows it, with its save form) or ``error`` {html}. A form error, the daily
    limit or a model that needs a log-in answer at once with the usual partial instead of a stream.
    """
    feature = FEATURES["cover-letter"]
    form_kwargs = {"user": request.user, "client_ip": client_ip(request)}
    form = feature.form(request.POST, **form_kwargs)
    context = {"feature": feature, "form": form}
    if not form.is_valid():
        return render(request, "ai/_result.html", context)
    data = form.cleaned_data
    try:
        letter = services.cover_letter_stream(
            user=request.user, model=data["model"], application=data.get("application"),
            resume=data.get("resume"), client_ip=client_ip(request),
            **{k: data.get(k, "") for k in ("job_title", "company_name", "job_description")},
        )  # fmt: skip
    except AIError as exc:
        return render(request, "ai/_result.html", {**context, "error": {"detail": exc.detail, **exc.extra}})

    def events():
        for piece in letter:
            yield _event("chunk", {"text": piece})
        if letter.result is None:
            error = {"detail": letter.error.detail, **letter.error.extra}
            yield _event("error", {"html": render_to_string("ai/_result.html", {**context, "error": error})})
            return
        draft = (
            None
            if letter.result.application
            else services.draft_store(user=request.user, kind="cover_letter", value=letter.result.value)
        )
        html = render_to_string(
            "ai/_result.html",
            {
                **context,
                "result": letter.result,
                "draft": draft,
                "applications": selectors.user_applications(user=request.user),
            },
            request=request,
        )
        yield _event("done", {"html": html})

    response = StreamingHttpResponse(events(), content_type="text/event-stream; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # nginx passes each piece on instead of buffering the answer
    return response
