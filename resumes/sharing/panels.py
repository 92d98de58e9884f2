"""Context for the owner's Share panel (resume page) and the public-profile section (settings)."""

import datetime as dt
from collections import defaultdict

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from . import selectors
from .forms import PublicProfileForm, ShareLinkForm
from .privacy import section_titles
from .serializers import share_url

COMMENTS_SHOWN = 50
CHART_DAYS = 30
CHART_HEIGHT = 20


def views_chart(views_by_day: dict, *, today: dt.date, days: int = CHART_DAYS) -> dict:
    """Bars (x, y, height) of views per day, oldest first, scaled to the busiest day."""
    values = [views_by_day.get(today - dt.timedelta(days=days - 1 - i), 0) for i in range(days)]
    peak = max(values) or 1
    bars = []
    for i, value in enumerate(values):
        height = round(value / peak * CHART_HEIGHT, 1) if value else 0
        height = int(height) if float(height).is_integer() else height  # "20", not "20.0", in the SVG
        bars.append({"x": i * 4, "y": CHART_HEIGHT - height, "height": height, "value": value})
    return {"bars": bars, "width": days * 4, "height": CHART_HEIGHT, "total": sum(values), "days": days}


def share_panel_context(request, resume, *, form=None, new_link=None) -> dict:
    """Links with their URLs, counts and a 30-day chart, the create form and the latest comments.

    Three queries whatever the number of links.
    """
    links = list(selectors.share_links_for_resume(resume=resume))
    today = timezone.localdate()
    per_link = defaultdict(dict)
    for row in selectors.recent_daily_counts(resume=resume, days=CHART_DAYS):
        per_link[row.link_id][row.date] = row.views
    comments = list(selectors.comments_for_resume(resume=resume)[:COMMENTS_SHOWN])
    titles = {"basics": gettext("Summary and contact"), **section_titles()}
    for comment in comments:
        comment.section_title = titles.get(comment.section, comment.section)
    return {
        "resume": resume,
        "links": [
            {
                "link": link,
                "url": share_url(request, link),
                "live": selectors.is_live(link),
                "chart": views_chart(per_link[link.pk], today=today) if link.views else None,
            }
            for link in links
        ],
        "new_link_id": new_link.pk if new_link else None,
        "form": form or ShareLinkForm(),
        "comments": comments,
    }


def public_profile_section(request) -> dict:
    profile = selectors.public_profile_of(user=request.user)
    url = (
        request.build_absolute_uri(reverse("resumes:public-profile", args=[profile.slug]))
        if profile.slug
        else None
    )
    form = PublicProfileForm(initial=PublicProfileForm.initial_for(profile), user=request.user)
    return {"profile": profile, "url": url, "form": form}
