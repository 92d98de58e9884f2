"""The public profile: API under auth/me/, the page at /p/<slug>/, slug rules, privacy, OpenGraph."""

import io

import pytest
from django.db import IntegrityError
from pypdf import PdfReader

from resumes.sharing.models import PublicProfile
from resumes.tests.factories import ResumeFactory

from .conftest import PRIVATE

pytestmark = pytest.mark.django_db

URL = "/api/v1/auth/me/public-profile/"


@pytest.fixture
def publish(api_client, resume):
    def run(**fields):
        response = api_client.patch(
            URL, {"slug": "ada-lovelace", "published": True, "resume": resume.pk, **fields}, format="json"
        )
        assert response.status_code == 200, response.json()
        return response.json()

    return run


def test_off_by_default_and_nothing_written_by_reading(api_client):
    body = api_client.get(URL).json()
    assert body["published"] is False and body["slug"] == "" and body["url"] is None
    assert (body["show_email"], body["show_phone"], body["show_location"]) == (False, False, False)
    assert not PublicProfile.objects.exists()


def test_publish_then_unpublish(api_client, client, publish):
    body = publish()
    assert body["url"] == "http://testserver/p/ada-lovelace/"
    page = client.get("/p/ada-lovelace/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ada Lovelace" in html and "Builds calm, fast backends." in html and "Backend Developer" in html
    assert "noindex" not in html  # a public page is meant to be found
    assert api_client.patch(URL, {"published": False}, format="json").json()["published"] is False
    assert client.get("/p/ada-lovelace/").status_code == 404
    assert client.get("/p/ada-lovelace/download/pdf/").status_code == 404


def test_opengraph_tags(client, user, publish):
    user.headline = "Backend developer"
    user.save()
    publish()
    html = client.get("/p/ada-lovelace/").content.decode()
    assert '<meta property="og:type" content="profile">' in html
    assert '<meta property="og:title" content="Ada Lovelace — Backend developer">' in html
    assert '<meta property="og:description" content="Builds calm, fast backends.">' in html
    assert '<meta property="og:url" content="http://testserver/p/ada-lovelace/">' in html


def test_private_fields_only_where_switched_on(api_client, client, publish):
    publish()
    html = client.get("/p/ada-lovelace/").content.decode()
    for value in PRIVATE.values():
        assert value not in html
    api_client.patch(URL, {"show_email": True, "show_location": True}, format="json")
    html = client.get("/p/ada-lovelace/").content.decode()
    assert PRIVATE["email"] in html and PRIVATE["city"] in html
    assert PRIVATE["phone"] not in html


def test_chosen_sections_only_and_pdf_of_what_the_page_shows(client, publish):
    publish(sections=["skills"])
    html = client.get("/p/ada-lovelace/").content.decode()
    assert "Python" in html and "Cut p95 latency" not in html
    pdf = client.get("/p/ada-lovelace/download/pdf/")
    assert pdf["Content-Type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Python" in text and "Cut p95 latency" not in text
    assert PRIVATE["email"] not in text
    word = client.get("/p/ada-lovelace/download/docx/")
    assert word.status_code == 200 and "wordprocessingml" in word["Content-Type"]


def test_without_a_chosen_resume_the_auto_resume_is_shown(api_client, client, user):
    user.phone = ""
    user.save()
    api_client.patch(URL, {"slug": "ada", "published": True}, format="json")
    html = client.get("/p/ada/").content.decode()
    assert "Ada Lovelace" in html
    assert user.email not in html


def test_unknown_slug_is_a_404_and_mixed_case_redirects(client, publish):
    publish()
    assert client.get("/p/nobody-here/").status_code == 404
    response = client.get("/p/Ada-Lovelace/")
    assert response.status_code == 301 and response["Location"] == "/p/ada-lovelace/"


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        ("ab", "3 to 40"),
        ("a" * 41, "3 to 40"),
        ("ada lovelace", "letters a-z"),
        ("-ada", "letters a-z"),
        ("ada-", "letters a-z"),
        ("ada--lovelace", "letters a-z"),
        ("ad\u0430", "letters a-z"),  # a look-alike: Cyrillic a
        ("admin", "reserved"),
        ("Settings", "reserved"),
    ],
)
def test_slug_validation(api_client, slug, message):
    response = api_client.patch(URL, {"slug": slug}, format="json")
    assert response.status_code == 400
    assert message in response.json()["errors"]["slug"][0]
    assert not PublicProfile.objects.exists()


def test_slug_is_lower_cased_and_unique_ignoring_case(api_client, other_client):
    assert api_client.patch(URL, {"slug": "Ada-Lovelace"}, format="json").json()["slug"] == "ada-lovelace"
    taken = other_client.patch(URL, {"slug": "ADA-lovelace"}, format="json")
    assert taken.status_code == 400 and "taken" in taken.json()["errors"]["slug"][0]
    # Keeping one's own slug is not a clash.
    assert (
        api_client.patch(URL, {"slug": "ada-lovelace", "published": True}, format="json").status_code == 200
    )


def test_database_holds_the_slug_rules(user, other_user):
    PublicProfile.objects.create(user=user, slug="ada")
    with pytest.raises(IntegrityError):
        PublicProfile.objects.create(user=other_user, slug="ADA")


def test_database_refuses_published_without_slug(user):
    with pytest.raises(IntegrityError):
        PublicProfile.objects.create(user=user, published=True)


def test_publishing_needs_a_slug(api_client):
    response = api_client.patch(URL, {"published": True}, format="json")
    assert response.status_code == 400 and "slug" in response.json()["errors"]


def test_another_users_resume_cannot_be_chosen(api_client, other_user):
    theirs = ResumeFactory(user=other_user)
    response = api_client.patch(URL, {"slug": "ada", "resume": theirs.pk}, format="json")
    assert response.status_code == 400 and "resume" in response.json()["errors"]
    assert not PublicProfile.objects.exists()


def test_unknown_section_is_a_400(api_client):
    response = api_client.patch(URL, {"slug": "ada", "sections": ["work", "hobbies"]}, format="json")
    assert response.status_code == 400 and "sections" in response.json()["errors"]


def test_deleting_the_chosen_resume_falls_back_to_the_auto_resume(client, publish, resume):
    publish()
    resume.delete()
    assert PublicProfile.objects.get().resume is None
    assert client.get("/p/ada-lovelace/").status_code == 200


def test_inactive_owner_has_no_public_page(client, user, publish):
    publish()
    user.is_active = False
    user.save()
    assert client.get("/p/ada-lovelace/").status_code == 404


def test_anonymous_api_is_401(anon_client):
    assert anon_client.get(URL).status_code == 401
    assert anon_client.patch(URL, {"published": True}, format="json").status_code == 401


def test_page_is_read_in_a_fixed_number_of_queries(client, publish, django_assert_max_num_queries):
    publish()
    with django_assert_max_num_queries(2):
        assert client.get("/p/ada-lovelace/").status_code == 200


def test_settings_section_publishes_and_shows_errors(client, user, resume):
    client.force_login(user)
    html = client.get("/settings/").content.decode()
    assert "Public profile" in html and 'action="/settings/public-profile/"' in html
    bad = client.post("/settings/public-profile/", {"slug": "admin", "published": "on"})
    assert bad.status_code == 400 and "reserved" in bad.content.decode()
    ok = client.post(
        "/settings/public-profile/",
        {"slug": "ada-l", "published": "on", "resume": resume.pk, "sections": ["work"], "show_phone": "on"},
    )
    assert ok.status_code == 302
    profile = PublicProfile.objects.get(user=user)
    assert (profile.slug, profile.published, profile.resume_id, profile.sections) == (
        "ada-l",
        True,
        resume.pk,
        ["work"],
    )
    assert profile.show_phone and not profile.show_email
    assert "http://testserver/p/ada-l/" in client.get("/settings/").content.decode()


def test_settings_section_through_htmx_swaps_the_section(client, user):
    client.force_login(user)
    response = client.post("/settings/public-profile/", {"slug": "a"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="public-profile"' in html and "<html" not in html and "3 to 40" in html
