from django.urls import NoReverseMatch, reverse

# (label, url name, needs login). Pages appear as their apps provide them.
NAVIGATION = [
    ("Dashboard", "accounts:dashboard", True),
    ("Achievements", "resumes:achievements", True),
    ("Resumes", "resumes:resumes", True),
    ("Applications", "job_tracker:board", True),
    ("Jobs", "job_tracker:jobs", True),
    ("Reports", "job_tracker:reports", True),
    ("Contacts", "job_tracker:contacts", True),
    ("AI assistant", "ai:assistant", False),
    ("Integrations", "resumes:integrations", True),
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
