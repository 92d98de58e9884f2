"""Server-rendered job pages: the job board (search, filters, scores), one posting, track."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from job_tracker.models import JobPosting
from resumate.web import is_htmx, paginate

from . import selectors
from .alerts.forms import SavedSearchForm
from .alerts.selectors import saved_search_list
from .filters import JobPostingFilter
from .gaps import gap_report
from .matching import build_profile
from .semantic.ranking import blended_matches
from .services import posting_track

JOBS_PER_PAGE = 20


def _cards(user, postings, profile):
    """Template rows: posting, its blended match, its credit and the user's application made from it."""
    tracked = selectors.tracked_posting_ids(user=user, posting_ids=[p.pk for p in postings])
    matches = blended_matches(user=user, profile=profile, postings=postings)
    return [
        {
            "posting": posting,
            "match": matches[posting.pk],
            "credit": selectors.posting_credit(posting),
            "application_id": tracked.get(posting.pk),
        }
        for posting in postings
    ]


@login_required
def job_board(request):
    job_filter = JobPostingFilter(request.GET or {}, queryset=selectors.posting_list(), request=request)
    queryset = job_filter.qs if job_filter.is_valid() else JobPosting.objects.none()
    page = paginate(request, queryset, JOBS_PER_PAGE)
    profile = build_profile(user=request.user)
    query = request.GET.copy()
    query.pop("page", None)
    searched = job_filter.form.cleaned_data if job_filter.is_valid() else {}
    save_form = SavedSearchForm(
        initial={
            "name": searched.get("q") or searched.get("location") or "",
            "q": searched.get("q") or "",
            "location": searched.get("location") or "",
            "remote": searched.get("remote") or "",
            "source": searched.get("source"),
        }
    )
    return render(
        request,
        "job_tracker/jobs/board.html",
        {
            "filter": job_filter,
            "page": page,
            "cards": _cards(request.user, list(page.object_list), profile),
            "query": query.urlencode(),
            "save_form": save_form,
        },
    )


@login_required
def job_detail(request, pk):
    posting = selectors.posting_get(pk=pk)
    (card,) = _cards(request.user, [posting], build_profile(user=request.user))
    return render(request, "job_tracker/jobs/detail.html", {"card": card, "posting": posting})


@login_required
@require_POST
def job_track(request, pk):
    posting = get_object_or_404(JobPosting.objects.select_related("source"), pk=pk)
    application, created = posting_track(user=request.user, posting=posting)
    if is_htmx(request):
        return render(
            request,
            "job_tracker/jobs/_track_button.html",
            {"posting": posting, "application_id": application.pk, "just_tracked": True},
        )
    if created:
        messages.success(request, _("“%(title)s” added to your wishlist.") % {"title": posting.title})
    else:
        messages.info(request, _("“%(title)s” is already on your board.") % {"title": posting.title})
    return redirect("job_tracker:job", pk=posting.pk)


@login_required
def skill_gaps(request):
    """Skill gaps toward a saved search or a job title, and the roles the user is closest to."""
    searches = list(saved_search_list(user=request.user))
    title = request.GET.get("title", "").strip()[:200]
    search = next((s for s in searches if str(s.pk) == request.GET.get("search")), None)
    report = gap_report(user=request.user, saved_search=search, title=title) if (search or title) else None
    return render(
        request,
        "job_tracker/jobs/skill_gaps.html",
        {"report": report, "searches": searches, "search": search, "title": title},
    )
