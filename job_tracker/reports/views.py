"""Reports page and the one-click unsubscribe page."""

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import selectors
from .charts import funnel_svg, outcomes_svg, trend_svg
from .emails import user_id_from_token
from .metrics import compute_metrics
from .outcomes import outcomes_for_user
from .services import preview_report
from .weeks import previous_week_start, zone

HISTORY_ROWS = 12


@login_required
def reports_page(request):
    user = request.user
    reports = selectors.reports_for_user(user=user)
    history = list(reports[:HISTORY_ROWS])
    report = history[0] if history else None
    if request.GET.get("week"):
        try:
            wanted = date.fromisoformat(request.GET["week"])
        except ValueError:
            wanted = None  # a mistyped week shows the latest report rather than an error page
        chosen = reports.filter(week_start=wanted).first() if wanted else None
        report = chosen or report
    is_preview = report is None
    if is_preview:
        report, metrics = preview_report(user=user, week_start=previous_week_start(tz=zone(user.time_zone)))
    else:
        metrics = compute_metrics(users=[user], week_start=report.week_start)[user.pk]
    outcomes = outcomes_for_user(user=user)
    context = {
        "outcomes": outcomes,
        "outcomes_svg": outcomes_svg(outcomes.resumes.groups),
        "breakdowns": [
            (_("By source"), outcomes.sources),
            (_("By posting match score"), outcomes.match_bands),
            (_("By weekday sent"), outcomes.weekdays),
        ],
        "report": report,
        "is_preview": is_preview,
        "history": history,
        "funnel_svg": funnel_svg(report),
        "trend_svg": trend_svg(metrics.trend),
        "trend": metrics.trend,
    }
    return render(request, "job_tracker/reports/page.html", context)


@csrf_exempt  # the signed token is the credential; mail clients' one-click POST carries no CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    user_id = user_id_from_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        return render(request, "job_tracker/reports/unsubscribe.html", {"invalid": True}, status=404)
    done = False
    if request.method == "POST":
        if user.weekly_report_emails:
            user.weekly_report_emails = False
            user.save(update_fields=["weekly_report_emails"])
        done = True
    return render(request, "job_tracker/reports/unsubscribe.html", {"done": done, "account": user})
