"""hh.ru end to end against a fake hh.ru: OAuth2 code flow, resumes, apply, refresh, revoke, errors, limit."""

import json
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from werkzeug import Response

from conftest import client_for
from job_tracker.models import ApplicationEvent, HHAccount, HHNegotiation, JobApplication
from job_tracker.tests.factories import JobPostingFactory, JobSourceFactory
from resumes.integrations.signatures import decrypt_secret

pytestmark = pytest.mark.django_db
UA = "ResuMate-Test/1.0 (ops@example.com)"


class FakeHH:
    """hh.ru's OAuth and applicant API as the app sees them; ``negotiation`` picks the apply answer."""

    def __init__(self, server):
        self.server = server
        self.negotiation = "created"
        self.tokens = {"AT1": "RT1"}
        self.sent = []
        server.expect_request("/token", method="POST").respond_with_handler(self.token)
        server.expect_request("/me").respond_with_handler(self.me)
        server.expect_request("/resumes/mine").respond_with_handler(self.resumes)
        server.expect_request("/negotiations", method="POST").respond_with_handler(self.apply)
        server.expect_request("/oauth/token", method="DELETE").respond_with_handler(self.revoke)

    def _json(self, body, status=200, **headers):
        return Response(json.dumps(body), status=status, content_type="application/json", headers=headers)

    def _authorised(self, request):
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        return request.headers.get("HH-User-Agent") == UA and token in self.tokens

    def token(self, request):
        form = request.form
        if (form.get("client_id"), form.get("client_secret")) != ("app-id", "app-secret"):
            return self._json({"error": "invalid_client"}, 400)
        if form.get("grant_type") == "authorization_code" and form.get("code") == "good-code":
            return self._json(
                {"access_token": "AT1", "token_type": "bearer", "refresh_token": "RT1", "expires_in": 1209600}
            )
        if form.get("grant_type") == "refresh_token" and form.get("refresh_token") in self.tokens.values():
            self.tokens = {"AT2": "RT2"}
            return self._json(
                {"access_token": "AT2", "token_type": "bearer", "refresh_token": "RT2", "expires_in": 1209600}
            )
        return self._json({"error": "invalid_grant", "error_description": "code has already been used"}, 400)

    def me(self, request):
        if not self._authorised(request):
            return self._json({"errors": [{"type": "oauth", "value": "bad_authorization"}]}, 403)
        return self._json(
            {"id": "12345", "first_name": "Ivan", "last_name": "Petrov", "email": "ivan@example.com"}
        )

    def resumes(self, request):
        if not self._authorised(request):
            return self._json({"errors": [{"type": "oauth", "value": "token_expired"}]}, 403)
        items = [
            {
                "id": "r-abc",
                "title": "Python developer",
                "status": {"id": "published", "name": "опубликовано"},
            },
            {
                "id": "r-def",
                "title": "Team lead",
                "status": {"id": "not_published", "name": "не опубликовано"},
            },
        ]
        return self._json({"items": items, "found": 2, "pages": 1, "per_page": 20, "page": 0})

    def apply(self, request):
        if not self._authorised(request):
            return self._json({"errors": [{"type": "oauth", "value": "bad_authorization"}]}, 403)
        self.sent.append(dict(request.form))
        if self.negotiation == "created":
            return Response("", status=201, headers={"Location": "/negotiations/777"})
        if self.negotiation == "not_found":
            return self._json({"errors": [{"type": "not_found"}]}, 404)
        return self._json(
            {"errors": [{"type": "negotiations", "value": self.negotiation}], "description": "x"}, 403
        )

    def revoke(self, request):
        self.tokens = {}
        return Response("", status=204)


@pytest.fixture
def hh(httpserver, settings):
    settings.HH_BASE_URL = httpserver.url_for("/").rstrip("/")
    settings.HH_OAUTH_BASE_URL = settings.HH_BASE_URL
    settings.HH_CLIENT_ID, settings.HH_CLIENT_SECRET, settings.HH_USER_AGENT = "app-id", "app-secret", UA
    return FakeHH(httpserver)


@pytest.fixture
def posting():
    source = JobSourceFactory(kind="hh", identifier="text=python", name="hh.ru")
    return JobPostingFactory(
        source=source, external_id="93353083", title="Python-разработчик", company_name="Sber",
        url="https://hh.ru/vacancy/93353083", description="Django and PostgreSQL.",
    )  # fmt: skip


def connect(client, posting):
    response = client.get("/jobs/hh/connect/", {"next": f"/jobs/{posting.pk}/hh-apply/"})
    assert response.status_code == 302
    authorize = urlsplit(response["Location"])
    query = parse_qs(authorize.query)
    assert authorize.path == "/oauth/authorize"
    assert query["response_type"] == ["code"] and query["client_id"] == ["app-id"]
    assert query["redirect_uri"] == ["http://127.0.0.1:8000/jobs/hh/callback/"]
    return client.get("/jobs/hh/callback/", {"code": "good-code", "state": query["state"][0]})


@pytest.fixture
def connected(client, user, hh, posting):
    client.force_login(user)
    assert connect(client, posting)["Location"] == f"/jobs/{posting.pk}/hh-apply/"
    return client


def apply(client, posting, **data):
    return client.post(
        f"/jobs/{posting.pk}/hh-apply/", {"resume_id": "r-abc", "message": "Dear team, ...", **data}
    )


def test_connect_stores_tokens_encrypted(connected, user):
    account = HHAccount.objects.get(user=user)
    assert account.display_name == "Ivan Petrov" and account.hh_user_id == "12345"
    assert "AT1" not in account.access_token_encrypted and "RT1" not in account.refresh_token_encrypted
    assert decrypt_secret(account.access_token_encrypted) == "AT1"


def test_apply_page_lists_hh_resumes_and_sends_nothing_without_the_click(connected, hh, posting):
    page = connected.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()

    assert "Python developer" in page and "Team lead" in page
    assert "10 applications left this hour" in page
    assert hh.sent == []


def test_apply_sends_through_negotiations_and_tracks_the_application(connected, hh, posting, user):
    response = apply(connected, posting, message="Здравствуйте! I would love to build your Django services.")

    application = JobApplication.objects.get(user=user)
    assert response.status_code == 302 and response["Location"] == f"/applications/{application.pk}/"
    assert hh.sent == [
        {
            "vacancy_id": "93353083",
            "resume_id": "r-abc",
            "message": "Здравствуйте! I would love to build your Django services.",
        }
    ]
    assert (application.status, application.job_posting, application.url) == (
        "applied", posting, "https://hh.ru/vacancy/93353083",
    )  # fmt: skip
    assert application.cover_letter.startswith("Здравствуйте!")
    assert ApplicationEvent.objects.filter(application=application, to_status="applied").count() == 1
    assert HHNegotiation.objects.get(user=user).negotiation_id == "777"


def test_a_wishlisted_posting_moves_to_applied(connected, hh, posting, user):
    connected.post(f"/jobs/{posting.pk}/track/")
    apply(connected, posting)
    application = JobApplication.objects.get(user=user)
    assert application.status == "applied"
    assert list(application.events.values_list("to_status", flat=True)) == ["wishlist", "applied"]


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("already_applied", "You have already applied to this vacancy on hh.ru."),
        ("test_required", "This vacancy asks you to take the employer&#x27;s test first"),
        ("vacancy_archived", "This vacancy has been archived on hh.ru"),
        ("not_found", "hh.ru does not know this vacancy any more."),
    ],
)
def test_hh_refusals_are_shown_plainly_and_nothing_is_recorded(connected, hh, posting, user, answer, message):
    hh.negotiation = answer

    response = apply(connected, posting)

    assert response.status_code == 409
    assert message in response.content.decode()
    assert not JobApplication.objects.filter(user=user).exists()
    assert not HHNegotiation.objects.exists()


def test_at_most_ten_applications_an_hour(connected, hh, user):
    source = JobSourceFactory(kind="hh", identifier="text=go")
    postings = [JobPostingFactory(source=source, external_id=str(900 + i)) for i in range(11)]
    for posting in postings[:10]:
        assert apply(connected, posting).status_code == 302

    response = apply(connected, postings[10])

    assert response.status_code == 429
    assert "At most 10 applications an hour" in response.content.decode()
    assert len(hh.sent) == 10
    # An hour later the window has moved on.
    HHNegotiation.objects.update(created_at=timezone.now() - timedelta(hours=1, minutes=1))
    assert apply(connected, postings[10]).status_code == 302


def test_an_expired_access_token_is_refreshed(connected, hh, posting, user):
    HHAccount.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(minutes=1))

    assert "Python developer" in connected.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()

    account = HHAccount.objects.get(user=user)
    assert decrypt_secret(account.access_token_encrypted) == "AT2"
    assert decrypt_secret(account.refresh_token_encrypted) == "RT2"
    assert account.expires_at > timezone.now() + timedelta(days=13)


def test_a_revoked_refresh_token_asks_to_reconnect(connected, hh, posting, user):
    HHAccount.objects.filter(user=user).update(expires_at=timezone.now() - timedelta(minutes=1))
    hh.tokens = {}

    page = connected.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()

    assert "Your hh.ru connection has expired: connect hh.ru again." in page


def test_disconnect_revokes_and_deletes_the_tokens(connected, hh, posting, user):
    response = connected.post("/jobs/hh/disconnect/", {"next": f"/jobs/{posting.pk}/hh-apply/"})

    assert response.status_code == 302
    assert hh.tokens == {}
    assert not HHAccount.objects.filter(user=user).exists()
    assert "Connect hh.ru" in connected.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()


def test_a_forged_state_connects_nothing(client, user, hh, posting):
    client.force_login(user)
    client.get("/jobs/hh/connect/")

    response = client.get("/jobs/hh/callback/", {"code": "good-code", "state": "forged"}, follow=True)

    assert "not valid any more" in response.content.decode()
    assert not HHAccount.objects.exists()


def test_a_used_code_is_reported(client, user, hh, posting):
    client.force_login(user)
    query = parse_qs(urlsplit(client.get("/jobs/hh/connect/")["Location"]).query)

    response = client.get("/jobs/hh/callback/", {"code": "used", "state": query["state"][0]}, follow=True)

    assert "hh.ru did not connect" in response.content.decode()
    assert not HHAccount.objects.exists()


def test_only_hh_postings_offer_hh_apply(connected, hh):
    other = JobPostingFactory()
    response = connected.post(f"/jobs/{other.pk}/hh-apply/", {"resume_id": "r-abc", "message": "x"})
    assert response.status_code == 400 and hh.sent == []
    assert (
        "Apply via hh.ru"
        in connected.get(
            f"/jobs/{JobPostingFactory(source=JobSourceFactory(kind='hh')).pk}/"
        ).content.decode()
    )


def test_unconfigured_installation_says_so(client, user, posting, settings):
    settings.HH_CLIENT_ID = ""
    client.force_login(user)
    assert "not set up" in client.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()
    response = client.get("/jobs/hh/connect/", follow=True)
    assert "not set up on this installation" in response.content.decode()


def test_the_ai_drafts_a_letter_the_user_then_edits(connected, posting):
    assert "Write it with AI" in connected.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()

    response = connected.post(f"/jobs/{posting.pk}/hh-apply/cover-letter/", HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="hh-letter"' in text and "<textarea" in text
    letter = text.split(">", 3)[-1]
    assert len(letter.split()) > 25


def test_the_data_export_has_the_hh_account_but_never_its_tokens(connected, user):
    export = client_for(user).get("/api/v1/auth/me/export/").json()

    text = json.dumps(export)
    assert "job_tracker.hhaccount" in text and "Ivan Petrov" in text
    assert "access_token_encrypted" not in text and "refresh_token_encrypted" not in text


def test_without_a_letter_writer_the_page_offers_no_ai_draft(connected, posting, monkeypatch):
    from job_tracker.jobs.hh import registry

    monkeypatch.setattr(registry, "_writer", [])

    assert "Write it with AI" not in connected.get(f"/jobs/{posting.pk}/hh-apply/").content.decode()
    response = connected.post(f"/jobs/{posting.pk}/hh-apply/cover-letter/", {"message": "My own words."})
    assert response.status_code == 200
    assert "My own words.</textarea>" in response.content.decode()
    assert "write the letter yourself" in response.content.decode()


def test_the_ai_letter_names_the_error_when_no_model_is_active(connected, posting):
    from ai.models import AIModel

    AIModel.objects.update(is_active=False)

    response = connected.post(f"/jobs/{posting.pk}/hh-apply/cover-letter/", {"message": "Draft"})

    assert "No AI model is available to draft a letter." in response.content.decode()
    assert "Draft</textarea>" in response.content.decode()
