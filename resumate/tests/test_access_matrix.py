"""Who may do what, for every route of the API, generated from the URLconf.

Every route under /api/v1/ must have a rule below, or the first test fails: a new route cannot
slip in unreviewed. For each route and method: anonymous is 401 (unless public); another user,
even a superuser, is 404 on the owner's object and the owner's rows stay byte for byte the same;
a read-only personal access token cannot write.
"""

import hashlib

import pytest
from django.apps import apps
from rest_framework.test import APIClient

from accounts.models import TokenScope
from accounts.tests.factories import UserFactory
from accounts.tokens.authentication import PersonalTokenAuthentication
from accounts.tokens.services import token_create
from conftest import client_for
from job_tracker.models import Interview
from job_tracker.tests.factories import make_posting
from resumate.tests.routes import OWNED, ROUTES, kwargs_of, url_for

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
