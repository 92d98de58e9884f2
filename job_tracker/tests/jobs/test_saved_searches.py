"""Saved searches: the API, the page beside the board, alert e-mails after scrapes (once, grouped, capped)."""

import re

import pytest
from django_celery_beat.models import PeriodicTask

from accounts.services import user_deactivate
from accounts.tests.factories import UserFactory
from job_tracker.jobs.alerts.tasks import send_saved_search_digests
from job_tracker.jobs.services import source_scrape
from job_tracker.models import SavedSearch, SavedSearchMatch
from job_tracker.tests.factories import JobSourceFactory
from resumate.celery import app as celery_app

from .test_matching import python_resume
from .test_scraping import fast_client, fixture

pytestmark = pytest.mark.django_db
API = "/api/v1/saved-searches/"


def make_search(user, **fields):
    return SavedSearch.objects.create(user=user, **{"name": "Python", "q": "", "min_score": 0, **fields})


@pytest.fixture
def board(httpserver):
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data(
        fixture("greenhouse_jobs.json"), content_type="application/json"
    )
    return JobSourceFactory(
        kind="greenhouse", identifier="acme", name="Acme", base_url=httpserver.url_for("/")
    )


def scrape(source, capture):
    with capture(execute=True):
        return source_scrape(source=source, force=True, client=fast_client())


# --- API ---------------------------------------------------------------------


def test_create_list_and_delete(api_client, user, board):
    response = api_client.post(
        API, {"q": "python", "remote": "remote", "source": board.pk, "min_score": 60, "frequency": "instant"}
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["name"] == "python"  # named after the query when no name is given
    assert (body["source_name"], body["announced_count"], body["alerts_enabled"]) == ("Acme", 0, True)
    listed = api_client.get(API).json()
    assert listed["count"] == 1 and listed["results"][0]["id"] == body["id"]

    assert api_client.delete(f"{API}{body['id']}/").status_code == 204
    assert not SavedSearch.objects.exists()


def test_bad_input_is_a_field_error_and_nothing_is_written(api_client):
    response = api_client.post(
        API, {"min_score": 101, "frequency": "hourly", "source": 999, "remote": "moon"}
    )

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"min_score", "frequency", "source", "remote"}
    assert not SavedSearch.objects.exists()


def test_another_users_search_is_a_404(api_client, other_user):
    theirs = make_search(other_user)

    assert api_client.get(f"{API}{theirs.pk}/").status_code == 404
    assert api_client.delete(f"{API}{theirs.pk}/").status_code == 404
    assert api_client.get(API).json()["count"] == 0
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()


@pytest.mark.parametrize("count", [1, 50])
def test_list_queries_do_not_grow_with_rows(api_client, user, count, django_assert_max_num_queries):
    source = JobSourceFactory()
    for i in range(count):
        make_search(user, name=f"search {i}", source=source)

    with django_assert_max_num_queries(4):
        response = api_client.get(API)

    assert response.status_code == 200 and response.json()["count"] == count


# --- alerts --------------------------------------------------------------------


def test_instant_alert_is_sent_once_with_scores(user, board, mailoutbox, django_capture_on_commit_callbacks):
    python_resume(user)
    search = make_search(user, q="python", frequency="instant")

    scrape(board, django_capture_on_commit_callbacks)

    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [user.email]
    assert mail.subject == "1 new job for “Python”"
    assert "Senior Backend Engineer (Python/Django)" in mail.body
    assert "Product Designer" not in mail.body  # not matching the query
    assert re.search(r"Match \d+% · skills \d+/\d+", mail.body)
    assert SavedSearchMatch.objects.get(saved_search=search).state == "sent"

    # The same postings scraped again are not new, and a redelivered send finds nothing pending.
    scrape(board, django_capture_on_commit_callbacks)
    celery_app.tasks["job_tracker.tasks.send_saved_search_alert"].delay(search.pk)
    assert len(mailoutbox) == 1


def test_a_posting_is_announced_once_per_search(user, board, mailoutbox, django_capture_on_commit_callbacks):
    python_resume(user)
    search = make_search(user, frequency="daily")
    scrape(board, django_capture_on_commit_callbacks)
    collect = celery_app.tasks["job_tracker.tasks.collect_saved_search_matches"]
    seen_at = board.postings.first().first_seen_at.isoformat()

    collect.delay(board.pk, seen_at)  # a redelivered collection

    assert SavedSearchMatch.objects.filter(saved_search=search).count() == 2


def test_daily_digest_groups_postings_in_one_email(
    user, board, mailoutbox, django_capture_on_commit_callbacks
):
    python_resume(user)
    make_search(user, name="Everything", frequency="daily")
    make_search(user, name="Weekly one", frequency="weekly")
    scrape(board, django_capture_on_commit_callbacks)
    assert mailoutbox == []  # digests wait for their schedule

    send_saved_search_digests.delay("daily")

    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "2 new jobs for “Everything”"
    body = mailoutbox[0].body
    assert body.index("Senior Backend Engineer") < body.index("Product Designer")  # best match first
    send_saved_search_digests.delay("daily")
    assert len(mailoutbox) == 1
    send_saved_search_digests.delay("weekly")
    assert [m.subject for m in mailoutbox][1] == "2 new jobs for “Weekly one”"


def test_matches_waiting_for_a_digest_are_never_mailed_to_a_deleted_account(
    user, board, mailoutbox, django_capture_on_commit_callbacks
):
    python_resume(user)
    make_search(user, name="Everything", frequency="daily")
    scrape(board, django_capture_on_commit_callbacks)
    assert SavedSearchMatch.objects.filter(state=SavedSearchMatch.State.PENDING).exists()
    user_deactivate(user=user)

    send_saved_search_digests.delay("daily")

    assert mailoutbox == []


def test_min_score_keeps_weak_matches_out(user, board, mailoutbox, django_capture_on_commit_callbacks):
    python_resume(user)
    search = make_search(user, frequency="instant", min_score=100)
    scrape(board, django_capture_on_commit_callbacks)
    assert mailoutbox == [] and not search.matches.exists()


def test_weekly_limit_caps_what_is_sent_and_drops_the_rest(
    user, board, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.SAVED_SEARCH_WEEKLY_LIMIT = 1
    python_resume(user)
    search = make_search(user, frequency="daily")
    scrape(board, django_capture_on_commit_callbacks)

    send_saved_search_digests.delay("daily")

    assert mailoutbox[0].subject == "1 new job for “Python”"
    assert sorted(search.matches.values_list("state", flat=True)) == ["dropped", "sent"]
    send_saved_search_digests.delay("daily")
    assert len(mailoutbox) == 1


def test_one_click_unsubscribe_stops_that_search_only(
    client, user, board, mailoutbox, django_capture_on_commit_callbacks
):
    python_resume(user)
    stopped = make_search(user, q="python", frequency="instant")
    kept = make_search(user, name="Other", q="designer", frequency="instant")
    scrape(board, django_capture_on_commit_callbacks)
    mail = next(m for m in mailoutbox if "Python" in m.subject)
    link = re.search(r"<(http://[^>]+)>", mail.extra_headers["List-Unsubscribe"]).group(1)
    path = link.replace("http://127.0.0.1:8000", "")
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert path in mail.body

    assert "Stop e-mails for “Python”?" in client.get(path).content.decode()
    response = client.post(path)  # what a mail client's one-click sends, signed token only

    assert response.status_code == 200 and "Unsubscribed" in response.content.decode()
    stopped.refresh_from_db()
    kept.refresh_from_db()
    assert (stopped.alerts_enabled, kept.alerts_enabled) == (False, True)
    assert client.get(path[:-5] + "xxxx/").status_code == 404


def test_digest_schedule_rows_exist_with_an_explicit_time_zone(settings):
    rows = {
        t.name: t for t in PeriodicTask.objects.filter(task="job_tracker.tasks.send_saved_search_digests")
    }
    assert set(rows) == {"Saved-search daily digest", "Saved-search weekly digest"}
    assert rows["Saved-search weekly digest"].crontab.day_of_week == "1"
    assert all(str(t.crontab.timezone) == settings.TIME_ZONE for t in rows.values())
    assert "job_tracker.tasks.send_saved_search_digests" in celery_app.tasks


# --- pages ---------------------------------------------------------------------


def test_save_this_search_from_the_board(client, user):
    client.force_login(user)
    board = client.get("/jobs/?q=django&location=Berlin").content.decode()
    assert "Save this search" in board and 'value="django"' in board

    response = client.post(
        "/jobs/saved-searches/",
        {
            "name": "Django in Berlin",
            "q": "django",
            "location": "Berlin",
            "min_score": 40,
            "frequency": "weekly",
        },
    )

    assert response.status_code == 302
    search = SavedSearch.objects.get(user=user)
    assert (search.q, search.location, search.frequency) == ("django", "Berlin", "weekly")
    page = client.get("/jobs/saved-searches/").content.decode()
    assert "Django in Berlin" in page and "Weekly digest" in page


def test_deleting_another_users_search_on_the_page_is_a_404(client, user, other_user):
    theirs = make_search(other_user)
    client.force_login(user)
    assert client.post(f"/jobs/saved-searches/{theirs.pk}/delete/").status_code == 404
    assert SavedSearch.objects.filter(pk=theirs.pk).exists()


def test_every_users_searches_are_matched_after_one_scrape(
    board, mailoutbox, django_capture_on_commit_callbacks
):
    users = UserFactory.create_batch(3)
    for user in users:
        python_resume(user)
        make_search(user, frequency="instant")

    scrape(board, django_capture_on_commit_callbacks)

    assert SavedSearchMatch.objects.filter(state="sent").count() == 6
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in users)


def _collect_queries(board, users, searches_each):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from job_tracker.jobs.alerts.services import collect_new_matches

    SavedSearchMatch.objects.all().delete()
    SavedSearch.objects.all().delete()
    for user in users:
        for n in range(searches_each):
            make_search(user, name=f"Search {n}", frequency="daily")
    seen_at = board.postings.order_by("first_seen_at").values_list("first_seen_at", flat=True).first()
    with CaptureQueriesContext(connection) as captured:
        added = collect_new_matches(source_id=board.pk, seen_at=seen_at)
    return len(captured), added


def test_matching_after_a_scrape_costs_one_query_per_search_and_none_per_user_or_posting(
    board, django_capture_on_commit_callbacks
):
    users = UserFactory.create_batch(6)
    for user in users:
        python_resume(user)
    scrape(board, django_capture_on_commit_callbacks)

    small, added_small = _collect_queries(board, users[:2], searches_each=1)
    large, added_large = _collect_queries(board, users, searches_each=3)

    assert len(added_small) == 2 and len(added_large) == 18  # every search found its postings
    assert large - small == 18 - 2  # 4 more users, 16 more searches: one query each search
