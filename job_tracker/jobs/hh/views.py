"""hh.ru pages: connect (OAuth2 authorization code), disconnect, and "Apply via hh.ru" on a hh.ru posting."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from job_tracker.jobs import selectors
from job_tracker.models import HHAccount, JobApplication, JobSourceKind
from resumate.exceptions import ApplicationError

from . import services
from .forms import HHApplyForm
from .registry import cover_letter_writer

SESSION_STATE = "hh_oauth_state"
SESSION_NEXT = "hh_oauth_next"


def redirect_uri() -> str:
    return settings.SITE_URL.rstrip("/") + reverse("job_tracker:hh-callback")


@login_required
def hh_connect(request):
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("job_tracker:jobs")
    try:
        url, state = services.authorization_start(user=request.user, redirect_uri=redirect_uri())
    except ApplicationError as exc:
        messages.error(request, exc.detail)
        return redirect(next_url)
    request.session[SESSION_STATE] = state
    request.session[SESSION_NEXT] = next_url
    return redirect(url)


@login_required
def hh_callback(request):
    expected = request.session.pop(SESSION_STATE, None)
    next_url = request.session.pop(SESSION_NEXT, None) or reverse("job_tracker:jobs")
    if request.GET.get("error"):
        messages.error(request, _("hh.ru did not connect: the authorisation was declined."))
        return redirect(next_url)
    if not services.state_is_valid(user=request.user, state=request.GET.get("state", ""), expected=expected):
        messages.error(request, _("That hh.ru sign-in link is not valid any more: connect again."))
        return redirect(next_url)
    try:
        account = services.hh_connect(
            user=request.user, code=request.GET.get("code", ""), redirect_uri=redirect_uri()
        )
    except ApplicationError as exc:
        messages.error(request, _("hh.ru did not connect: %(reason)s") % {"reason": exc.detail})
    else:
        name = account.display_name
        messages.success(
            request, _("hh.ru connected as %(name)s.") % {"name": name} if name else _("hh.ru connected.")
        )
    return redirect(next_url)


@login_required
@require_POST
def hh_disconnect(request):
    if services.hh_disconnect(user=request.user):
        messages.success(request, _("hh.ru disconnected; its tokens are revoked and deleted."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("job_tracker:jobs")
    return redirect(next_url)


def _letter_initial(user, posting) -> str:
    application = JobApplication.objects.filter(user=user, job_posting=posting).only("cover_letter").first()
    return application.cover_letter if application else ""


@login_required
@require_http_methods(["GET", "POST"])
def hh_apply(request, pk):
    posting = selectors.posting_get(pk=pk)
    context = {
        "posting": posting,
        "error": "",
        "connected": False,
        "configured": services.is_configured(),
        "can_draft": cover_letter_writer() is not None,
    }
    if posting.source.kind != JobSourceKind.HH:
        context["error"] = services.NotAnHHPosting.detail
        return render(request, "job_tracker/jobs/hh/apply.html", context, status=400)
    account = HHAccount.objects.filter(user=request.user).first()
    if account is None:
        return render(request, "job_tracker/jobs/hh/apply.html", context)
    context.update(connected=True, account=account, left=services.applications_left(user=request.user))
    try:
        resumes = services.hh_resumes(user=request.user)
    except ApplicationError as exc:
        context["error"] = exc.detail
        return render(request, "job_tracker/jobs/hh/apply.html", context, status=200)
    form = HHApplyForm(
        request.POST or None,
        resumes=resumes,
        initial={
            "message": _letter_initial(request.user, posting),
            "resume_id": resumes[0]["id"] if resumes else None,
        },
    )
    status = 200
    # Only this POST, the user's click with the resume and letter they chose, ever sends an application.
    if request.method == "POST" and form.is_valid():
        try:
            application = services.hh_apply(
                user=request.user,
                posting=posting,
                resume_id=form.cleaned_data["resume_id"],
                message=form.cleaned_data["message"],
            )
        except ApplicationError as exc:
            context["error"], status = exc.detail, exc.status
        else:
            messages.success(
                request,
                _("Applied to “%(title)s” via hh.ru; it is on your board as applied.")
                % {"title": posting.title},
            )
            return redirect("job_tracker:application", pk=application.pk)
    context.update(form=form, resumes=resumes)
    return render(request, "job_tracker/jobs/hh/apply.html", context, status=status)


@login_required
@require_POST
def hh_cover_letter(request, pk):
    """Draft the letter with the registered writer (the AI's); the user edits it before sending."""
    posting = selectors.posting_get(pk=pk)
    letter, error = request.POST.get("message", ""), ""
    writer = cover_letter_writer()
    if writer is None:
        error = "No letter writer is installed here: write the letter yourself."
    else:
        try:
            letter = writer(user=request.user, posting=posting)
        except ApplicationError as exc:
            error = exc.detail
    return render(
        request, "job_tracker/jobs/hh/_letter.html", {"letter": letter, "error": error, "posting": posting}
    )
