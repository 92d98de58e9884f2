"""The share-links API: create, list with counts, revoke; the token is secret and stored hashed."""

import datetime as dt

import pytest
from django.utils import timezone

from resumes.sharing import tokens
from resumes.sharing.models import ShareLink, ShareLinkDailyCount
from resumes.tests.factories import ResumeFactory

pytestmark = pytest.mark.django_db


def test_create_answers_the_contract_fields(create_link, resume):
    body = create_link(allow_comments=True, show_email=True)
    assert set(body) >= {"id", "url", "views", "downloads", "expires_at", "revoked"}
    assert body["views"] == body["downloads"] == 0
    assert body["revoked"] is False and body["expires_at"] is None
    assert body["url"].startswith("http://testserver/s/")
    assert body["allow_comments"] is True and body["show_email"] is True and body["show_phone"] is False
    assert body["has_password"] is False


def test_token_is_long_random_and_only_its_hash_is_looked_up(create_link):
    first, second = create_link(), create_link()
    token = first["path"].split("/")[2]
    assert len(token) >= 32 and token != second["path"].split("/")[2]
    link = ShareLink.objects.get(pk=first["id"])
    assert link.token_hash == tokens.token_hash(token)
    assert token not in link.token_hash and token not in link.token_encrypted


def test_password_is_stored_hashed(create_link):
    body = create_link(password="open sesame")
    link = ShareLink.objects.get(pk=body["id"])
    assert body["has_password"] is True and "password" not in body
    assert link.password_hash and "open sesame" not in link.password_hash


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"expires_at": "2001-01-01T00:00:00Z"}, "expires_at"),
        ({"expires_at": "tomorrow"}, "expires_at"),
        ({"password": "abc"}, "password"),
        ({"show_email": "perhaps"}, "show_email"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_and_writes_nothing(api_client, resume, payload, field):
    response = api_client.post(f"/api/v1/resumes/{resume.pk}/share-links/", payload, format="json")
    assert response.status_code == 400
    assert field in response.json()["errors"]
    assert ShareLink.objects.count() == 0


def test_list_shows_counts_and_is_bounded(api_client, resume, django_assert_max_num_queries):
    url = f"/api/v1/resumes/{resume.pk}/share-links/"
    first = api_client.post(url, {}, format="json").json()
    ShareLinkDailyCount.objects.create(link_id=first["id"], date=dt.date(2026, 1, 5), views=3, downloads=1)
    ShareLinkDailyCount.objects.create(link_id=first["id"], date=dt.date(2026, 1, 6), views=2)
    with django_assert_max_num_queries(4):
        body = api_client.get(url).json()
    assert body["count"] == 1
    assert (body["results"][0]["views"], body["results"][0]["downloads"]) == (5, 1)
    assert body["results"][0]["last_viewed_on"] == "2026-01-06"
    for _ in range(49):
        api_client.post(url, {}, format="json")
    with django_assert_max_num_queries(4):
        body = api_client.get(url, {"page_size": 50}).json()
    assert body["count"] == 50 and len(body["results"]) == 50
    assert all(r["url"].startswith("http://testserver/s/") for r in body["results"])


def test_detail_shows_daily_counts(api_client, create_link):
    body = create_link()
    today = timezone.localdate()
    ShareLinkDailyCount.objects.create(link_id=body["id"], date=today, views=4, downloads=2)
    ShareLinkDailyCount.objects.create(link_id=body["id"], date=today - dt.timedelta(days=200), views=9)
    detail = api_client.get(f"/api/v1/share-links/{body['id']}/").json()
    assert detail["daily"] == [{"date": today.isoformat(), "views": 4, "downloads": 2}]
    assert detail["views"] == 13  # the total counts every day; the list of days is the last 90


def test_delete_revokes_and_the_page_is_a_404_at_once(api_client, client, create_link):
    body = create_link()
    assert client.get(body["path"]).status_code == 200
    assert api_client.delete(f"/api/v1/share-links/{body['id']}/").status_code == 204
    assert client.get(body["path"]).status_code == 404
    assert client.get(body["path"] + "download/pdf/").status_code == 404
    listed = api_client.get(f"/api/v1/share-links/{body['id']}/").json()
    assert listed["revoked"] is True and listed["revoked_at"]
    # Revoking again is harmless and keeps the first time.
    assert api_client.delete(f"/api/v1/share-links/{body['id']}/").status_code == 204
    assert api_client.get(f"/api/v1/share-links/{body['id']}/").json()["revoked_at"] == listed["revoked_at"]


def test_another_users_resume_and_links_are_404(api_client, other_client, resume, create_link):
    body = create_link()
    assert other_client.get(f"/api/v1/resumes/{resume.pk}/share-links/").status_code == 404
    created = other_client.post(f"/api/v1/resumes/{resume.pk}/share-links/", {}, format="json")
    assert created.status_code == 404
    assert other_client.get(f"/api/v1/share-links/{body['id']}/").status_code == 404
    assert other_client.delete(f"/api/v1/share-links/{body['id']}/").status_code == 404
    assert ShareLink.objects.get(pk=body["id"]).revoked_at is None
    assert api_client.get("/api/v1/resumes/999999/share-links/").status_code == 404


def test_anonymous_is_401(anon_client, resume):
    assert anon_client.get(f"/api/v1/resumes/{resume.pk}/share-links/").status_code == 401


def test_links_of_a_deleted_resume_go_with_it(create_link, resume):
    create_link()
    resume.delete()
    assert ShareLink.objects.count() == 0


def test_url_unreadable_after_a_key_change_but_link_still_works(api_client, client, create_link, settings):
    body = create_link()
    settings.SECRET_KEY = "another-secret-key-entirely-for-this-test"
    assert api_client.get(f"/api/v1/share-links/{body['id']}/").json()["url"] is None
    assert client.get(body["path"]).status_code == 200


def test_variant_or_any_other_resume_of_mine_can_be_shared(api_client, user):
    second = ResumeFactory(user=user, content={"basics": {"name": "Second"}})
    response = api_client.post(f"/api/v1/resumes/{second.pk}/share-links/", {}, format="json")
    assert response.status_code == 201 and response.json()["resume"] == second.pk


def test_data_export_lists_links_without_their_secrets(api_client, create_link):
    body = create_link(password="open sesame")
    exported = api_client.get("/api/v1/auth/me/export/").json()
    rows = exported["resumes.sharelink"]
    assert [row["id"] for row in rows] == [body["id"]]
    assert not {"token_hash", "token_encrypted", "password_hash"} & set(rows[0])
    assert body["path"].split("/")[2] not in str(exported)
