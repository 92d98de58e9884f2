import datetime as dt

import pytest

from resumes.models import Achievement, Resume
from resumes.tests.factories import AchievementFactory, ResumeFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
FORM = {
    "type": "job",
    "title": "Vývojář backendu",
    "organization": "Kiwi.com",
    "location": "Brno",
    "start_date": "2021-03-01",
    "end_date": "",
    "description": "Search APIs.",
    "skills": "python, k8s, Postgres",
    "highlights": "Cut latency by 40%\n\nMentored juniors",
    "url": "",
}


@pytest.fixture
def browser(client, user):
    client.force_login(user)
    return client


def test_pages_need_login(client):
    for path in ("/achievements/", "/resumes/", "/achievements/new/", "/achievements/preview/"):
        assert client.get(path)["Location"].startswith("/login/")


def test_achievements_page_lists_and_filters(browser, user):
    AchievementFactory(user=user, type="job", title="Backend developer")
    AchievementFactory(user=user, type="award", title="Hackathon — 1. místo")
    page = browser.get("/achievements/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Backend developer" in html and "Hackathon — 1. místo" in html
    assert 'hx-trigger="resume-rebuilt from:body"' in html
    filtered = browser.get("/achievements/?type=award").content.decode()
    assert "Hackathon" in filtered and "Backend developer" not in filtered
    assert "Hackathon" not in browser.get("/achievements/?q=backend").content.decode()


def test_htmx_add_edit_delete_round_trip_updates_the_preview(browser, user, commit):
    form = browser.get("/achievements/new/", **HTMX)
    assert form.status_code == 200
    assert 'hx-post="/achievements/new/"' in form.content.decode()
    assert "<html" not in form.content.decode()  # a fragment, swapped in place

    row = commit(browser.post, "/achievements/new/", FORM, **HTMX)
    assert row.status_code == 200
    assert row["HX-Trigger"] == "resume-rebuilt"
    achievement = Achievement.objects.get(user=user)
    html = row.content.decode()
    assert f'id="achievement-{achievement.pk}"' in html and "Vývojář backendu" in html
    assert achievement.skills == ["Python", "Kubernetes", "PostgreSQL"]
    assert achievement.highlights == ["Cut latency by 40%", "Mentored juniors"]

    preview = browser.get("/achievements/preview/", **HTMX).content.decode()
    assert "Vývojář backendu" in preview and "Kubernetes" in preview and "Rebuilt" in preview

    edit = browser.get(f"/achievements/{achievement.pk}/edit/", **HTMX).content.decode()
    assert 'value="Vývojář backendu"' in edit and 'value="Python, Kubernetes, PostgreSQL"' in edit
    row = commit(
        browser.post, f"/achievements/{achievement.pk}/edit/", {**FORM, "title": "Tech lead"}, **HTMX
    )
    assert "Tech lead" in row.content.decode()
    assert "Tech lead" in browser.get("/achievements/preview/").content.decode()

    gone = commit(browser.post, f"/achievements/{achievement.pk}/delete/", **HTMX)
    assert gone.status_code == 200 and gone.content == b""
    assert gone["HX-Trigger"] == "resume-rebuilt"
    assert not Achievement.objects.filter(user=user).exists()
    assert "Tech lead" not in browser.get("/achievements/preview/").content.decode()


def test_htmx_form_shows_server_side_errors_and_writes_nothing(browser, user):
    bad = {**FORM, "start_date": "2022-01-01", "end_date": "2021-01-01", "skills": ", ".join(["x" * 61])}
    response = browser.post("/achievements/new/", bad, **HTMX)
    assert response.status_code == 200  # htmx swaps only 2xx; the form comes back with its errors
    html = response.content.decode()
    assert "The end date cannot be before the start date." in html
    assert "at most 60 characters" in html
    assert 'class="field has-error"' in html
    assert not Achievement.objects.exists()

    response = browser.post("/achievements/new/", {**FORM, "type": "hobby", "title": ""}, **HTMX)
    assert "Select a valid choice" in response.content.decode()
    assert not Achievement.objects.exists()


def test_plain_form_without_htmx_redirects_or_answers_400(browser, user, commit):
    page = browser.get("/achievements/new/")
    assert page.status_code == 200 and "<html" in page.content.decode()
    assert browser.post("/achievements/new/", {**FORM, "end_date": "2000-01-01"}).status_code == 400
    response = commit(browser.post, "/achievements/new/", FORM)
    assert response.status_code == 302 and response["Location"] == "/achievements/"
    assert Achievement.objects.filter(user=user).count() == 1


def test_cancel_returns_the_row_or_nothing(browser, user):
    achievement = AchievementFactory(user=user, title="Keep me")
    assert browser.get("/achievements/new/?cancel=1", **HTMX).content == b""
    assert "Keep me" in browser.get(f"/achievements/{achievement.pk}/", **HTMX).content.decode()


def test_another_users_achievement_pages_are_404(browser, other_user):
    theirs = AchievementFactory(user=other_user)
    for path in (f"/achievements/{theirs.pk}/", f"/achievements/{theirs.pk}/edit/"):
        assert browser.get(path, **HTMX).status_code == 404
    assert browser.post(f"/achievements/{theirs.pk}/edit/", FORM, **HTMX).status_code == 404
    assert browser.post(f"/achievements/{theirs.pk}/delete/", **HTMX).status_code == 404
    resume = ResumeFactory(user=other_user)
    for path in (f"/resumes/{resume.pk}/", f"/resumes/{resume.pk}/edit/"):
        assert browser.get(path).status_code == 404
    assert browser.post(f"/resumes/{resume.pk}/duplicate/").status_code == 404
    assert browser.post(f"/resumes/{resume.pk}/delete/").status_code == 404
    assert Achievement.objects.filter(pk=theirs.pk).exists() and Resume.objects.filter(pk=resume.pk).exists()


def test_resume_list_duplicate_and_manual_editor(browser, user, commit):
    commit(browser.post, "/achievements/new/", FORM)
    page = browser.get("/resumes/")
    assert page.status_code == 200
    auto = Resume.objects.get(user=user, is_auto=True)
    assert auto.title in page.content.decode()
    assert "Vývojář backendu" in browser.get(f"/resumes/{auto.pk}/").content.decode()
    assert browser.get(f"/resumes/{auto.pk}/edit/").status_code == 404  # the auto resume is not hand-edited

    response = browser.post(f"/resumes/{auto.pk}/duplicate/")
    copy = Resume.objects.get(user=user, is_auto=False)
    assert response["Location"] == f"/resumes/{copy.pk}/edit/"
    editor = browser.get(f"/resumes/{copy.pk}/edit/")
    assert editor.status_code == 200 and "Vývojář backendu" in editor.content.decode()

    bad = browser.post(
        f"/resumes/{copy.pk}/edit/", {"title": "Tailored", "template": "modern", "content": '{"hobbies": []}'}
    )
    assert bad.status_code == 400 and "hobbies: unknown section." in bad.content.decode()
    broken = browser.post(f"/resumes/{copy.pk}/edit/", {"title": "T", "template": "modern", "content": "{"})
    assert broken.status_code == 400 and "Not valid JSON" in broken.content.decode()
    copy.refresh_from_db()
    assert copy.title != "Tailored"

    content = '{"basics": {"name": "Zoë Novák", "summary": "Ručně upravený životopis"}}'
    ok = browser.post(
        f"/resumes/{copy.pk}/edit/", {"title": "Tailored", "template": "modern", "content": content}
    )
    assert ok.status_code == 302
    copy.refresh_from_db()
    assert (copy.title, copy.template, copy.content["basics"]["name"]) == ("Tailored", "modern", "Zoë Novák")
    assert "Ručně upravený" in browser.get(f"/resumes/{copy.pk}/").content.decode()

    assert browser.post(f"/resumes/{auto.pk}/delete/").status_code == 404
    assert browser.post(f"/resumes/{copy.pk}/delete/").status_code == 302
    assert not Resume.objects.filter(pk=copy.pk).exists()


def test_dashboard_panel_shows_counts_and_last_rebuild(browser, user, commit):
    commit(browser.post, "/achievements/new/", FORM)
    AchievementFactory(user=user, end_date=dt.date(2024, 1, 1))
    html = browser.get("/dashboard/").content.decode()
    assert "Achievements &amp; resume" in html
    assert "Resume last rebuilt" in html
    assert '<div class="stat">2</div><span class="muted">achievements' in html


def test_navigation_links_appear(browser):
    html = browser.get("/dashboard/").content.decode()
    assert 'href="/achievements/"' in html and 'href="/resumes/"' in html


def test_page_query_counts_do_not_grow_with_rows(browser, user, django_assert_max_num_queries):
    AchievementFactory.create_batch(30, user=user)
    ResumeFactory.create_batch(10, user=user)
    with django_assert_max_num_queries(6):
        assert browser.get("/achievements/").status_code == 200
    with django_assert_max_num_queries(14):  # first visit builds the missing auto resume (6 queries)
        assert browser.get("/resumes/").status_code == 200
    with django_assert_max_num_queries(6):
        assert browser.get("/resumes/").status_code == 200
