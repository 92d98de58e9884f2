"""The shared page at /s/<token>/: noindex, counts, expiry, password, private fields, comments."""

import datetime as dt
import io

import docx
import pytest
from django.utils import timezone
from pypdf import PdfReader

from resumes.sharing.models import ShareComment, ShareLink, ShareLinkDailyCount

from .conftest import PRIVATE

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)


def docx_text(response) -> str:
    document = docx.Document(io.BytesIO(response.content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def counts(link_id):
    row = ShareLinkDailyCount.objects.get(link_id=link_id, date=timezone.localdate())
    return row.views, row.downloads


def test_page_shows_the_resume_read_only_and_is_noindex(client, create_link):
    link = create_link()
    response = client.get(link["path"])
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex' in html
    assert "no-store" in response["Cache-Control"]
    assert "Ada Lovelace" in html and "Backend Developer" in html and "Cut p95 latency by 40%" in html
    assert link["path"] + "download/pdf/" in html
    assert "/edit/" not in html and "Revoke" not in html


def test_views_and_downloads_are_counted_per_visitor_per_day(client, create_link):
    link = create_link()
    client.get(link["path"], REMOTE_ADDR="203.0.113.5")
    client.get(link["path"], REMOTE_ADDR="203.0.113.5")  # a reload is the same visitor
    client.get(link["path"], REMOTE_ADDR="198.51.100.7")
    assert counts(link["id"]) == (2, 0)
    pdf = client.get(link["path"] + "download/pdf/", REMOTE_ADDR="198.51.100.7")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf["X-Robots-Tag"].startswith("noindex")
    assert counts(link["id"]) == (2, 1)
    # No visitor data reaches the database: the row holds the date and the figures only.
    row = ShareLinkDailyCount.objects.get(link_id=link["id"])
    assert {f.name for f in row._meta.fields} == {"id", "link", "date", "views", "downloads"}


def test_counts_are_in_the_api(api_client, client, create_link):
    link = create_link()
    client.get(link["path"], REMOTE_ADDR="203.0.113.5")
    client.get(link["path"] + "download/pdf/", REMOTE_ADDR="203.0.113.5")
    body = api_client.get(f"/api/v1/share-links/{link['id']}/").json()
    assert (body["views"], body["downloads"]) == (1, 1)
    assert body["daily"][0]["date"] == timezone.localdate().isoformat()


def test_the_owner_looking_at_their_own_link_is_not_counted(client, user, create_link):
    link = create_link()
    client.force_login(user)
    assert client.get(link["path"]).status_code == 200
    assert not ShareLinkDailyCount.objects.exists()


def test_expired_link_is_a_404_at_once(client, create_link):
    link = create_link(expires_at=(timezone.now() + dt.timedelta(hours=1)).isoformat())
    assert client.get(link["path"]).status_code == 200
    # As if created two hours ago with a one-hour expiry.
    now = timezone.now()
    ShareLink.objects.filter(pk=link["id"]).update(
        created_at=now - dt.timedelta(hours=2), expires_at=now - dt.timedelta(seconds=1)
    )
    assert client.get(link["path"]).status_code == 404
    assert client.get(link["path"] + "download/pdf/").status_code == 404


def test_unknown_or_mangled_token_is_a_404(client, create_link):
    link = create_link()
    assert client.get(link["path"][:-3] + "xyz/").status_code == 404
    assert client.get("/s/" + "a" * 300 + "/").status_code == 404


def test_password_protected_link(client, create_link):
    link = create_link(password="open sesame")
    form = client.get(link["path"])
    assert form.status_code == 200 and 'type="password"' in form.content.decode()
    assert "Ada Lovelace" not in form.content.decode()
    assert form["X-Robots-Tag"].startswith("noindex")
    # The download is closed too until the password is given.
    assert client.get(link["path"] + "download/pdf/").status_code == 302
    wrong = client.post(link["path"], {"password": "open sesame!"})
    assert wrong.status_code == 400 and "not the password" in wrong.content.decode()
    assert not ShareLinkDailyCount.objects.exists()
    right = client.post(link["path"], {"password": "open sesame"})
    assert right.status_code == 302
    page = client.get(link["path"])
    assert "Ada Lovelace" in page.content.decode()
    assert client.get(link["path"] + "download/pdf/")["Content-Type"] == "application/pdf"


def test_password_guessing_is_throttled(client, create_link):
    link = create_link(password="open sesame")
    for _ in range(10):
        assert client.post(link["path"], {"password": "guess"}).status_code == 400
    blocked = client.post(link["path"], {"password": "open sesame"})
    assert blocked.status_code == 429
    assert "Too many attempts" in blocked.content.decode()
    # Another visitor is not locked out by the first one's guesses.
    other = client.post(link["path"], {"password": "open sesame"}, REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_private_fields_are_absent_unless_switched_on(client, create_link):
    hidden = create_link()
    html = client.get(hidden["path"]).content.decode()
    text = pdf_text(client.get(hidden["path"] + "download/pdf/"))
    for value in PRIVATE.values():
        assert value not in html
        assert value not in text
    assert "Ada Lovelace" in text

    shown = create_link(show_email=True, show_phone=True, show_location=True)
    html = client.get(shown["path"]).content.decode()
    text = pdf_text(client.get(shown["path"] + "download/pdf/"))
    for value in PRIVATE.values():
        assert value in html
        assert value in text


def test_each_private_field_is_switched_on_alone(client, create_link):
    link = create_link(show_phone=True)
    html = client.get(link["path"]).content.decode()
    assert PRIVATE["phone"] in html
    assert PRIVATE["email"] not in html and PRIVATE["city"] not in html


def test_comments_anchored_to_a_section_reach_the_owners_resume_page(client, user, resume, create_link):
    link = create_link(allow_comments=True)
    page = client.get(link["path"]).content.decode()
    assert 'name="section"' in page and 'value="work"' in page
    comment = {"section": "work", "author_name": "Mari", "body": "Lovely <b>results</b>"}
    response = client.post(link["path"] + "comments/", comment)
    assert response.status_code == 200 and "your comment was sent" in response.content.decode()
    comment = ShareComment.objects.get()
    assert (comment.section, comment.author_name, comment.link_id) == ("work", "Mari", link["id"])

    client.force_login(user)
    owner_page = client.get(f"/resumes/{resume.pk}/").content.decode()
    assert "Mari" in owner_page and "Experience" in owner_page
    assert "Lovely &lt;b&gt;results&lt;/b&gt;" in owner_page  # escaped


def test_bad_comments_are_refused(client, create_link):
    link = create_link(allow_comments=True)
    path = link["path"] + "comments/"
    assert client.post(path, {"section": "publications", "author_name": "M", "body": "x"}).status_code == 400
    assert client.post(path, {"section": "work", "author_name": "", "body": "x"}).status_code == 400
    assert client.post(path, {"section": "work", "author_name": "M", "body": "x" * 2001}).status_code == 400
    assert not ShareComment.objects.exists()


def test_comments_are_throttled(client, create_link):
    link = create_link(allow_comments=True)
    path = link["path"] + "comments/"
    for n in range(5):
        assert client.post(path, {"section": "work", "author_name": "M", "body": f"c{n}"}).status_code == 200
    assert client.post(path, {"section": "work", "author_name": "M", "body": "one more"}).status_code == 429
    assert ShareComment.objects.count() == 5


def test_comments_off_means_no_form_and_no_comment(client, create_link):
    link = create_link()
    assert 'name="author_name"' not in client.get(link["path"]).content.decode()
    response = client.post(link["path"] + "comments/", {"section": "work", "author_name": "M", "body": "x"})
    assert response.status_code == 404
    assert not ShareComment.objects.exists()


def test_unknown_download_format_is_a_404(client, create_link):
    link = create_link()
    assert client.get(link["path"] + "download/exe/").status_code == 404


def test_referrer_stays_same_origin_so_the_token_does_not_leak(client, create_link):
    # "no-referrer" would make browsers send Origin: null and break the forms' CSRF check.
    assert client.get(create_link()["path"])["Referrer-Policy"] == "same-origin"


def test_docx_download_holds_only_what_the_link_shows_and_is_counted(client, create_link):
    link = create_link(show_phone=True)
    html = client.get(link["path"]).content.decode()
    assert link["path"] + "download/docx/" in html
    response = client.get(link["path"] + "download/docx/", REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    assert response["X-Robots-Tag"].startswith("noindex")
    text = docx_text(response)
    assert "Ada Lovelace" in text and PRIVATE["phone"] in text
    assert PRIVATE["email"] not in text and PRIVATE["city"] not in text
    assert counts(link["id"])[1] == 1


def test_the_resume_language_survives_the_privacy_filter(client, resume, create_link):
    resume.content = {**resume.content, "meta": {"language": "ru", "statistics": {"achievements": 3}}}
    resume.save()
    link = create_link()
    html = client.get(link["path"]).content.decode()
    assert "Опыт работы" in html
    assert "Опыт работы" in pdf_text(client.get(link["path"] + "download/pdf/"))
