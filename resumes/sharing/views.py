"""Pages: the shared resume at /s/<token>/, the public profile at /p/<slug>/, and the owner's controls.

Visitors' pages are ``noindex``, never cached, and answer 404 the moment a
link is revoked or expires. The owner's controls (the Share panel on the
resume page, the public profile section in settings) go through the same
services as the API.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from rest_framework.exceptions import ValidationError
from rest_framework.throttling import AnonRateThrottle

from resumate.web import add_service_errors, is_htmx
from resumes import services as resume_services
from resumes.models import Resume

from . import selectors, services
from .downloads import download_choices, download_response
from .forms import PublicProfileForm, ShareCommentForm, ShareLinkForm, SharePasswordForm
from .models import ShareLink
from .panels import public_profile_section, share_panel_context
from .privacy import present_sections, visible_content

UNLOCKED = "share_unlocked"  # session key: ids of links whose password this visitor entered


def noindex(view):
    """Keep shared pages out of search engines and caches.

    The Referer stays same-origin (the site-wide policy), so the token never leaves
    for another site; ``no-referrer`` would make browsers send ``Origin: null`` and
    fail the CSRF check of the password and comment forms.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Cache-Control"] = "private, no-store"
        return response

    return wrapped


def _client(request) -> str:
    return AnonRateThrottle().get_ident(request) or "?"


def _live_link(token) -> ShareLink:
    link = selectors.live_link_for_token(token=token)
    if link is None:
        raise Http404("No such link.")
    return link


def _is_owner(request, link) -> bool:
    return request.user.is_authenticated and request.user.pk == link.resume.user_id


def _unlocked(request, link) -> bool:
    return not link.has_password or _is_owner(request, link) or link.pk in request.session.get(UNLOCKED, [])


def _link_content(link) -> dict:
    return visible_content(
        link.resume.content,
        show_email=link.show_email,
        show_phone=link.show_phone,
        show_location=link.show_location,
    )


def _share_page(request, link, token, *, comment_form=None, status=200, comment_sent=False):
    content = _link_content(link)
    sections = present_sections(content)
    context = {
        "link": link,
        "token": token,
        "resume": link.resume,
        "content": content,
        "downloads": download_choices(),
        "comment_form": comment_form or ShareCommentForm(sections=sections),
        "comment_sent": comment_sent,
    }
    return render(request, "resumes/sharing/shared.html", context, status=status)


@noindex
@require_http_methods(["GET", "POST"])
def shared_resume(request, token):
    """The read-only resume, or its password form; POST is the password."""
    link = _live_link(token)
    if request.method == "POST":
        form = SharePasswordForm(request.POST)
        status = 400
        if form.is_valid():
            try:
                ok = services.share_link_unlock(
                    link=link, password=form.cleaned_data["password"], client=_client(request)
                )
            except services.TooManyAttempts as exc:
                form.add_error(None, exc.detail)
                status = exc.status
            else:
                if ok:
                    request.session[UNLOCKED] = [*request.session.get(UNLOCKED, []), link.pk][-50:]
                    request.session.cycle_key()
                    return redirect("resumes:share", token=token)
                form.add_error("password", "That is not the password.")
        return render(request, "resumes/sharing/password.html", {"form": form}, status=status)
    if not _unlocked(request, link):
        return render(request, "resumes/sharing/password.html", {"form": SharePasswordForm()})
    if not _is_owner(request, link):
        services.record_visit(link=link, kind="views", client=_client(request))
    return _share_page(request, link, token)


@noindex
@require_GET
def shared_download(request, token, fmt):
    link = _live_link(token)
    if not _unlocked(request, link):
        return redirect("resumes:share", token=token)
    response = download_response(
        link.resume, content=_link_content(link), fmt=fmt, paper=request.GET.get("paper", "")
    )
    if not _is_owner(request, link):
        services.record_visit(link=link, kind="downloads", client=_client(request))
    return response


@noindex
@require_POST
def shared_comment(request, token):
    link = _live_link(token)
    if not _unlocked(request, link) or not link.allow_comments:
        raise Http404("No comments here.")
    sections = present_sections(_link_content(link))
    form = ShareCommentForm(request.POST, sections=sections)
    status = 400
    if form.is_valid():
        try:
            services.share_comment_create(
                link=link, client=_client(request), sections=[key for key, _ in sections], **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except services.TooManyAttempts as exc:
            form.add_error(None, exc.detail)
            status = exc.status
        else:
            return _share_page(request, link, token, comment_sent=True)
    return _share_page(request, link, token, comment_form=form, status=status)


def _published_or_404(slug):
    profile = selectors.published_profile(slug=slug)
    if profile is None:
        raise Http404("No such profile.")
    # No chosen resume: the auto resume, always current (built now if an old account has none yet).
    return profile, profile.resume or resume_services.get_auto_resume(user=profile.user)


def _profile_content(profile, resume) -> dict:
    return visible_content(
        resume.content,
        show_email=profile.show_email,
        show_phone=profile.show_phone,
        show_location=profile.show_location,
        sections=profile.sections,
    )


@require_GET
def public_profile(request, slug):
    if slug != slug.lower():
        return redirect("resumes:public-profile", slug=slug.lower(), permanent=True)
    profile, resume = _published_or_404(slug)
    content = _profile_content(profile, resume)
    basics = content.get("basics") or {}
    user = profile.user
    context = {
        "profile": profile,
        "resume": resume,
        "content": content,
        "name": basics.get("name") or user.get_full_name() or user.username,
        "headline": user.headline or basics.get("label", ""),
        "summary": basics.get("summary", ""),
        "page_url": request.build_absolute_uri(reverse("resumes:public-profile", args=[profile.slug])),
        "downloads": download_choices(),
    }
    return render(request, "resumes/sharing/public_profile.html", context)


@require_GET
def public_profile_download(request, slug, fmt):
    profile, resume = _published_or_404(slug.lower())
    return download_response(
        resume, content=_profile_content(profile, resume), fmt=fmt, paper=request.GET.get("paper", "")
    )


# The owner's side.


@login_required
@require_http_methods(["GET", "POST"])
def share_panel(request, pk):
    """The Share panel of a resume page; POST creates a link and shows its URL."""
    resume = get_object_or_404(Resume, pk=pk, user=request.user)
    form, new_link, status = None, None, 200
    if request.method == "POST":
        form = ShareLinkForm(request.POST)
        if form.is_valid():
            try:
                new_link, _ = services.share_link_create(resume=resume, **form.service_fields())
            except ValidationError as error:
                add_service_errors(form, error)
                status = 400
            else:
                form = None
        else:
            status = 400
        if not is_htmx(request):
            if status == 200:
                messages.success(request, gettext("Share link created; copy it from the Share panel."))
                return redirect("resumes:resume", pk=resume.pk)
        elif status == 400:
            status = 200  # htmx swaps 2xx answers only
    context = share_panel_context(request, resume, form=form, new_link=new_link)
    return render(request, "resumes/sharing/_share_panel.html", context, status=status)


@login_required
@require_POST
def share_link_revoke(request, pk, link_pk):
    resume = get_object_or_404(Resume, pk=pk, user=request.user)
    services.share_link_revoke(link=get_object_or_404(ShareLink, pk=link_pk, resume=resume))
    if is_htmx(request):
        return render(request, "resumes/sharing/_share_panel.html", share_panel_context(request, resume))
    messages.success(request, gettext("Link revoked; it no longer opens."))
    return redirect("resumes:resume", pk=resume.pk)


@login_required
@require_POST
def public_profile_settings(request):
    """The public-profile section of account settings."""
    form = PublicProfileForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.public_profile_update(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
    if form.is_valid():  # False once the service added its errors
        if not is_htmx(request):
            messages.success(request, gettext("Public profile saved."))
            return redirect("accounts:settings")
        context = {"section": public_profile_section(request), "saved": True}
        return render(request, "resumes/sharing/_public_profile_section.html", context)
    context = {"section": {**public_profile_section(request), "form": form}}
    if is_htmx(request):
        return render(request, "resumes/sharing/_public_profile_section.html", context)
    return render(request, "resumes/sharing/public_profile_settings.html", context, status=400)
