"""Context for the owner's Share panel (resume page) and the public-profile section (settings)."""

from django.urls import reverse

from . import selectors
from .forms import PublicProfileForm, ShareLinkForm
from .privacy import SECTION_TITLES
from .serializers import share_url

COMMENTS_SHOWN = 50


def share_panel_context(request, resume, *, form=None, new_link=None) -> dict:
    """Links with their URLs and counts, the create form and the latest comments, in three queries."""
    links = list(selectors.share_links_for_resume(resume=resume))
    comments = list(selectors.comments_for_resume(resume=resume)[:COMMENTS_SHOWN])
    titles = {"basics": "Summary and contact", **SECTION_TITLES}
    for comment in comments:
        comment.section_title = titles.get(comment.section, comment.section)
    return {
        "resume": resume,
        "links": [
            {"link": link, "url": share_url(request, link), "live": selectors.is_live(link)} for link in links
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
