"""The saved-search alert e-mail: the new postings with their match scores, and a one-click unsubscribe."""

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

UNSUBSCRIBE_SALT = "job_tracker.saved-search.unsubscribe"


def unsubscribe_token(saved_search) -> str:
    """Signed search id; no expiry, so the link in any old alert still works."""
    return signing.dumps({"s": saved_search.pk}, salt=UNSUBSCRIBE_SALT)


def search_id_from_token(token: str) -> int | None:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT)["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def build_alert_email(*, saved_search, matches) -> EmailMultiAlternatives:
    unsubscribe_url = absolute(
        reverse("job_tracker:saved-search-unsubscribe", args=[unsubscribe_token(saved_search)])
    )
    rows = [
        {"match": m, "posting": m.posting, "url": absolute(reverse("job_tracker:job", args=[m.posting_id]))}
        for m in matches
    ]
    context = {
        "search": saved_search,
        "rows": rows,
        "unsubscribe_url": unsubscribe_url,
        "searches_url": absolute(reverse("job_tracker:saved-searches")),
    }
    count = len(rows)
    message = EmailMultiAlternatives(
        subject=f"{count} new job{'s' if count != 1 else ''} for “{saved_search.name}”",
        body=render_to_string("job_tracker/jobs/alert_email.txt", context),
        to=[saved_search.user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(render_to_string("job_tracker/jobs/alert_email.html", context), "text/html")
    return message
