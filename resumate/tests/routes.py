"""The API's routes, from the URLconf, and how to make an object each route that takes an id acts on."""

import datetime as dt
import json
import re

from django.urls import URLResolver, get_resolver
from django.utils import timezone

from accounts.tokens.services import token_create
from job_tracker.contacts.services import contact_create
from job_tracker.interviews.services import interview_create
from job_tracker.models import Company, SavedSearch
from job_tracker.tests.factories import JobApplicationFactory
from resumes.importing.services import draft_create
from resumes.integrations.services import integration_create
from resumes.models import Resume
from resumes.services import achievement_create, skill_create
from resumes.sharing.services import share_link_create


def _resume(user):
    return Resume.objects.create(user=user, title="Mine")


def _application(user):
    return JobApplicationFactory(user=user)


def _interview(user):
    application = _application(user)
    interview = interview_create(
        application=application, starts_at=timezone.now() + dt.timedelta(days=3),
        ends_at=timezone.now() + dt.timedelta(days=3, hours=1), time_zone="Europe/Prague",
    )  # fmt: skip
    return {"application_pk": application.pk, "pk": interview.pk}


def _draft(user):
    return draft_create(user=user, data=json.dumps({"basics": {"name": "Zoë"}}).encode(), kind="json_resume")


# The owner's objects, by the routes that take their id: route -> a function making one for a user.
OWNED = {
    "auth-token-detail": lambda u: token_create(user=u, name="script")[0],
    "resume-pdf": _resume, "resume-docx": _resume, "resume-json-resume": _resume, "resume-ats-check": _resume,
    "resume-markdown": _resume, "resume-detail": _resume, "resume-duplicate": _resume,
    "resume-share-links": _resume,
    "resume-variants": lambda u: Resume.objects.create(user=u, title="Main", is_auto=True),
    "share-link": lambda u: share_link_create(resume=_resume(u))[0],
    "import-detail": _draft, "import-confirm": _draft, "import-improve": _draft,
    "integration-detail": lambda u: integration_create(user=u, platform="generic", name="CI")[0],
    "integration-logs": lambda u: integration_create(user=u, platform="generic", name="CI")[0],
    "integration-rotate-secret": lambda u: integration_create(user=u, platform="generic", name="CI")[0],
    "integration-test-event": lambda u: integration_create(user=u, platform="generic", name="CI")[0],
    "achievement-detail": lambda u: achievement_create(user=u, type="job", title="Engineer"),
    "skill-detail": lambda u: skill_create(user=u, name="Python"),
    "application-detail": _application, "application-events": _application,
    "application-restore": _application,
    "interview-list": lambda u: {"application_pk": _application(u).pk},
    "interview-detail": _interview,
    "contact-detail": lambda u: contact_create(user=u, name="Ada"),
    "company-detail": lambda u: Company.objects.create(user=u, name="Acme", name_key="acme"),
    "saved-search-detail": lambda u: SavedSearch.objects.create(user=u, name="Python", q="python"),
}  # fmt: skip


def api_routes():
    """(name, path pattern, callback, methods) for every route under /api/v1/."""

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            else:
                yield prefix + str(pattern.pattern), pattern

    for route, pattern in walk(get_resolver().url_patterns):
        if not route.startswith("api/v1/"):
            continue
        callback = pattern.callback
        if getattr(callback, "actions", None):
            methods = sorted(m.upper() for m in callback.actions)
        else:
            methods = sorted(
                m.upper() for m in ("get", "post", "put", "patch", "delete") if hasattr(callback.cls, m)
            )
        methods = [m for m in methods if m.lower() in callback.cls.http_method_names]
        yield pattern.name, route, callback, methods


ROUTES = sorted({name: (route, callback, methods) for name, route, callback, methods in api_routes()}.items())


def url_for(route: str, kwargs: dict) -> str:
    path = route.replace("^", "").replace("$", "")
    for key, value in kwargs.items():
        path = re.sub(rf"<(?:\w+:)?{key}>|\(\?P<{key}>[^)]*\)", str(value), path)
    return "/" + path


def kwargs_of(made) -> dict:
    return made if isinstance(made, dict) else {"pk": made.pk}
