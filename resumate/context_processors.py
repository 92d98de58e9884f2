from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# (label, url name, needs login). Pages appear as their apps provide them.
NAVIGATION = [
    (_("Dashboard"), "accounts:dashboard", True),
    (_("Achievements"), "resumes:achievements", True),
    (_("Resumes"), "resumes:resumes", True),
    (_("Applications"), "job_tracker:board", True),
    (_("Jobs"), "job_tracker:jobs", True),
    (_("Reports"), "job_tracker:reports", True),
    (_("Contacts"), "job_tracker:contacts", True),
    (_("AI assistant"), "ai:assistant", False),
    (_("Integrations"), "resumes:integrations", True),
]


def _resolve(name):
    try:
        return reverse(name)
    except NoReverseMatch:
        return None


def navigation(request):
    signed_in = request.user.is_authenticated if hasattr(request, "user") else False
    items = []
    for label, name, needs_login in NAVIGATION:
        if needs_login and not signed_in:
            continue
        url = _resolve(name)
        if url:
            items.append({"label": label, "url": url, "active": request.path.startswith(url) and url != "/"})
    return {"nav_items": items}
