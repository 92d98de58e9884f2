"""The owner's Share panel on the resume page: create, copy, revoke, counts."""

import pytest
from django.utils import timezone

from resumes.sharing.models import ShareLink, ShareLinkDailyCount
from resumes.tests.factories import ResumeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner(client, user):
    client.force_login(user)
    return client


def test_resume_page_has_the_share_panel(owner, resume):
    html = owner.get(f"/resumes/{resume.pk}/").content.decode()
    assert 'id="share-panel"' in html and "Create link" in html and "No links yet" in html


def test_create_through_htmx_shows_the_new_url(owner, resume):
    response = owner.post(
        f"/resumes/{resume.pk}/share/",
        {"expires_in": "7", "password": "", "show_email": "on"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    link = ShareLink.objects.get()
    assert link.show_email and not link.show_phone and link.expires_at is not None
    html = response.content.decode()
    assert "New link" in html and "http://testserver/s/" in html and 'data-copy="share-url-' in html


def test_create_without_htmx_redirects_and_bad_input_is_a_400(owner, resume):
    assert owner.post(f"/resumes/{resume.pk}/share/", {"expires_in": ""}).status_code == 302
    bad = owner.post(f"/resumes/{resume.pk}/share/", {"expires_in": "3650"})
    assert bad.status_code == 400
    assert ShareLink.objects.count() == 1


def test_panel_shows_counts_and_revoke_works(owner, resume, create_link, client):
    body = create_link()
    ShareLinkDailyCount.objects.create(link_id=body["id"], date="2026-03-02", views=7, downloads=3)
    html = owner.get(f"/resumes/{resume.pk}/").content.decode()
    assert ">7 <" in html or ">7<" in html
    response = owner.post(f"/resumes/{resume.pk}/share/{body['id']}/revoke/", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "revoked" in response.content.decode()
    assert ShareLink.objects.get().revoked_at is not None
    assert client.get(body["path"]).status_code == 404


def test_another_users_resume_and_links_are_404(client, other_user, resume, create_link):
    body = create_link()
    client.force_login(other_user)
    assert client.get(f"/resumes/{resume.pk}/share/").status_code == 404
    assert client.post(f"/resumes/{resume.pk}/share/", {}).status_code == 404
    assert client.post(f"/resumes/{resume.pk}/share/{body['id']}/revoke/").status_code == 404
    mine = ResumeFactory(user=other_user)
    assert client.post(f"/resumes/{mine.pk}/share/{body['id']}/revoke/").status_code == 404
    assert ShareLink.objects.get().revoked_at is None


def test_panel_is_read_in_a_fixed_number_of_queries(
    owner, resume, create_link, django_assert_max_num_queries
):
    create_link()
    # Session, user, resume, links with their counts, the chart's days, comments.
    with django_assert_max_num_queries(6):
        owner.get(f"/resumes/{resume.pk}/share/")
    for _ in range(49):
        create_link(allow_comments=True)
    with django_assert_max_num_queries(6):
        html = owner.get(f"/resumes/{resume.pk}/share/").content.decode()
    assert html.count("http://testserver/s/") == 50


def test_panel_charts_the_last_30_days_of_views(owner, resume, create_link):
    body = create_link()
    today = timezone.localdate()
    ShareLinkDailyCount.objects.create(link_id=body["id"], date=today, views=4)
    ShareLinkDailyCount.objects.create(link_id=body["id"], date=today.replace(year=today.year - 1), views=9)
    html = owner.get(f"/resumes/{resume.pk}/share/").content.decode()
    assert 'aria-label="4 views in the last 30 days"' in html
    # The busiest day of the window fills the chart's height; days without views draw nothing.
    assert '<rect x="116" y="0" width="3" height="20"' in html and html.count("<rect") == 1
