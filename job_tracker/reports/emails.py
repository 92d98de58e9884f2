"""The weekly report e-mail: plain text + HTML, the chart as an inline CID image, an unsubscribe link."""

from datetime import timedelta
from email.mime.image import MIMEImage

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .charts import funnel_stages, report_png

CHART_CID = "weekly-report-chart"
UNSUBSCRIBE_SALT = "job_tracker.reports.unsubscribe"


def unsubscribe_token(user) -> str:
    """Signed user id; no expiry, so the link in any old report still works."""
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def build_report_email(*, report, trend, headline: str = "") -> EmailMultiAlternatives:
    """``headline``: the one outcomes sentence that matters (``Outcomes.headline``), if any."""
    user = report.user
    unsubscribe_url = absolute(reverse("job_tracker:reports-unsubscribe", args=[unsubscribe_token(user)]))
    context = {
        "user": user,
        "report": report,
        "stages": funnel_stages(report),
        "week_end": report.week_start + timedelta(days=6),
        "report_url": absolute(reverse("job_tracker:reports") + f"?week={report.week_start:%Y-%m-%d}"),
        "unsubscribe_url": unsubscribe_url,
        "chart_cid": CHART_CID,
        "headline": headline,
    }
    subject = f"Your ResuMate week of {report.week_start:%b %d}: {report.applications_sent} sent, " + (
        f"{report.responses} responses, {report.interviews} interviews"
    )
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string("job_tracker/reports/email.txt", context),
        to=[user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("job_tracker/reports/email.html", context), "text/html")
    image = MIMEImage(report_png(report, trend), "png")
    image.add_header("Content-ID", f"<{CHART_CID}>")
    image.add_header("Content-Disposition", "inline", filename="weekly-report.png")
    message.attach(image)
    # multipart/related: the HTML part and the image it shows belong together.
    message.mixed_subtype = "related"
    return message
