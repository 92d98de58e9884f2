"""Who may do what, for every route of the API, generated from the URLconf.

Every route under /api/v1/ must have a rule below, or the first test fails: a new route cannot
slip in unreviewed. For each route and method: anonymous is 401 (unless public); another user,
even a superuser, is 404 on the owner's object and the owner's rows stay byte for byte the same;
a read-only personal access token cannot write.
"""

import datetime as dt
import hashlib
import json
import re

import pytest
from django.apps import apps
from django.urls import URLResolver, get_resolver
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import TokenScope
from accounts.tests.factories import UserFactory
from accounts.tokens.authentication import PersonalTokenAuthentication
from accounts.tokens.services import token_create
from conftest import client_for
from job_tracker.contacts.services import contact_create
from job_tracker.interviews.services import interview_create
from job_tracker.models import Company, Interview, SavedSearch
from job_tracker.tests.factories import JobApplicationFactory, make_posting
from resumes.importing.services import draft_create
from resumes.integrations.services import integration_create
from resumes.models import Resume
from resumes.services import achievement_create, skill_create
from resumes.sharing.services import share_link_create

pytestmark = pytest.mark.django_db

# Open to anyone: sign-up and log-in, signed webhooks, cached public lists, anonymous AI use.
PUBLIC = {
    "auth-register", "auth-token", "auth-token-refresh", "auth-password-reset", "auth-password-reset-confirm",
    "auth-email-verify", "integrations-hook", "example-application-list", "ai-models", "ai-generate",
    "ai-interview-questions",
}  # fmt: skip
# Signed-in, about the caller only (no object id), or shared data (job postings are everyone's).
CALLERS_OWN = {
    "auth-logout", "auth-me", "auth-me-export", "auth-password-change", "auth-tokens", "resume-import",
    "imports", "achievement-stats", "auth-me-public-profile", "auth-me-completeness", "integration-list",
    "achievement-list", "skill-list", "resume-list", "skill-gaps", "hh-resumes", "applications-export",
    "application-list", "job-list", "job-recommendations", "contact-list", "company-list",
    "saved-search-list", "weekly-reports", "weekly-report-latest", "outcomes", "ai-cover-letter", "ai-tailor",
    "job-detail", "job-track", "job-hh-apply",
}  # fmt: skip


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


def fingerprint(user) -> dict:
    """Every row of ``user``'s, in every table that names its owner: a digest per table."""
    digests = {}
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label):
        names = {f.name for f in model._meta.get_fields()}
        if "user" in names:
            rows = model.objects.filter(user=user)
        elif model is Interview:
            rows = model.objects.filter(application__user=user)
        else:
            continue
        # When a token was last used is bookkeeping, not the user's data.
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "last_used_at"]
        values = repr(list(rows.order_by("pk").values(*fields)))
        digests[model._meta.label] = hashlib.sha256(values.encode()).hexdigest()
    return digests


def call(client, method, url):
    return getattr(client, method.lower())(url, {}, format="json")


def test_every_route_has_an_access_rule():
    names = {name for name, _ in ROUTES}
    unruled = names - PUBLIC - CALLERS_OWN - set(OWNED)
    assert not unruled, f"routes with no access rule: {sorted(unruled)}"
    assert not (set(OWNED) | PUBLIC | CALLERS_OWN) - names, "rules for routes that no longer exist"


@pytest.mark.parametrize(
    ("name", "route", "methods"), [(n, r, m) for n, (r, _, m) in ROUTES if n not in PUBLIC]
)
def test_anonymous_is_401_on_every_method(name, route, methods, user):
    made = OWNED[name](user) if name in OWNED else None
    url = url_for(route, kwargs_of(made) if made is not None else {"pk": 1})
    for method in methods:
        response = call(APIClient(), method, url)
        assert response.status_code == 401, (method, url, response.status_code)


@pytest.mark.parametrize(("name", "route", "methods"), [(n, r, m) for n, (r, _, m) in ROUTES if n in OWNED])
def test_another_user_even_a_superuser_gets_404_and_changes_nothing(name, route, methods, user):
    made = OWNED[name](user)
    url = url_for(route, kwargs_of(made))
    before = fingerprint(user)
    stranger = UserFactory(is_staff=True, is_superuser=True)
    for method in methods:
        response = call(client_for(stranger), method, url)
        assert response.status_code == 404, (method, url, response.status_code, response.content[:200])
    assert fingerprint(user) == before


def _reads_personal_tokens(callback) -> bool:
    view = callback.cls
    return any(issubclass(c, PersonalTokenAuthentication) for c in view.authentication_classes)


@pytest.mark.parametrize(
    ("name", "route", "methods"),
    [(n, r, [x for x in m if x != "GET"]) for n, (r, c, m) in ROUTES
     if n != "integrations-hook" and _reads_personal_tokens(c) and set(m) - {"GET"}],
)  # fmt: skip
def test_a_read_only_token_cannot_write(name, route, methods, user):
    made = OWNED[name](user) if name in OWNED else None
    url = url_for(route, kwargs_of(made) if made is not None else {"pk": make_posting().pk})
    client = APIClient()
    client.credentials(
        HTTP_AUTHORIZATION=f"Bearer {token_create(user=user, name='ro', scope=TokenScope.READ)[1]}"
    )
    before = fingerprint(user)
    for method in methods:
        response = call(client, method, url)
        assert response.status_code == 403, (method, url, response.status_code)
    assert fingerprint(user) == before
