"""The Integrations page: connect, secret shown once with copy buttons, deliveries, test event."""

import re

import pytest

from resumes.integrations.models import Integration, WebhookLog

pytestmark = pytest.mark.django_db

PAGE = "/integrations/"


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def test_navigation_links_to_the_integrations_page(browser):
    html = browser.get("/dashboard/").content.decode()
    assert f'href="{PAGE}"' in html


def test_connect_shows_url_secret_once_and_the_curl_example(browser):
    assert browser.get(PAGE).status_code == 200
    response = browser.post(PAGE, {"platform": "generic", "name": "Kurzy Čeština"})
    assert response.status_code == 200
    html = response.content.decode()
    integration = Integration.objects.get(name="Kurzy Čeština")
    secret = re.search(r'id="webhook-secret" class="copyable">([^<]+)<', html).group(1)
    assert secret.startswith("whsec_")
    assert f"http://testserver/api/v1/hooks/{integration.hook_id}/" in html
    assert 'data-copy="webhook-secret"' in html and 'data-copy="curl-example"' in html
    assert "openssl dgst -sha256 -hmac" in html and "X-ResuMate-Signature" in html
    assert "js/integrations.js" in html
    assert "<script>" not in html and "onclick" not in html  # CSP: no inline script
    # Shown once: neither the detail page nor the list shows it again.
    assert secret not in browser.get(f"{PAGE}{integration.pk}/").content.decode()
    assert secret not in browser.get(PAGE).content.decode()


def test_connect_with_bad_input_shows_errors_and_writes_nothing(browser):
    response = browser.post(PAGE, {"platform": "myspace", "name": ""})
    assert response.status_code == 400
    assert Integration.objects.count() == 0


def test_github_detail_explains_the_github_setup(browser, connect):
    integration, _ = connect("github")
    html = browser.get(f"{PAGE}{integration.pk}/").content.decode()
    assert "Add webhook" in html and "Releases" in html


def test_send_test_event_with_htmx_returns_the_refreshed_deliveries(
    browser, connect, django_capture_on_commit_callbacks
):
    integration, _ = connect("openbadges")
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(f"{PAGE}{integration.pk}/test-event/", headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Assertion" in html and ">test<" in html and "Received" in html
    # The worker has processed it since: the list (polled by htmx) says so.
    assert "Processed" in browser.get(f"{PAGE}{integration.pk}/deliveries/").content.decode()
    assert WebhookLog.objects.get().is_test


def test_deliveries_show_status_and_error(browser, connect, anon_client, django_capture_on_commit_callbacks):
    from .helpers import deliver

    integration, secret = connect("generic")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(anon_client, integration, secret, {"event": "achievement.upsert", "achievement": {}})
    html = browser.get(f"{PAGE}{integration.pk}/deliveries/").content.decode()
    assert "Failed" in html and "external_id is missing" in html


def test_rotate_shows_the_new_secret_once(browser, connect, anon_client):
    integration, old = connect()
    html = browser.post(f"{PAGE}{integration.pk}/rotate-secret/").content.decode()
    new = re.search(r'id="webhook-secret" class="copyable">([^<]+)<', html).group(1)
    assert new != old
    assert new not in browser.get(f"{PAGE}{integration.pk}/").content.decode()


def test_pause_and_delete(browser, connect):
    integration, _ = connect()
    assert browser.post(f"{PAGE}{integration.pk}/toggle/").status_code == 302
    integration.refresh_from_db()
    assert not integration.is_active
    assert browser.post(f"{PAGE}{integration.pk}/delete/").status_code == 302
    assert not Integration.objects.exists()


def test_another_users_integration_pages_are_404(browser, connect, other_user):
    theirs, _ = connect(owner=other_user)
    base = f"{PAGE}{theirs.pk}/"
    assert browser.get(base).status_code == 404
    assert browser.get(f"{base}deliveries/").status_code == 404
    for action in ("test-event", "rotate-secret", "toggle", "delete"):
        assert browser.post(f"{base}{action}/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.is_active and WebhookLog.objects.count() == 0


def test_pages_need_login(client):
    assert client.get(PAGE).status_code == 302
