"""Job board pages, the dashboard panel and the admin for sources and postings."""

import re

import pytest
from django.urls import reverse

from accounts.tests.factories import UserFactory
from conftest import client_for
from job_tracker.jobs.semantic.tasks import refit_semantic_index
from job_tracker.models import JobApplication, JobPosting
from job_tracker.tests.factories import JobPostingFactory, JobSourceFactory
from job_tracker.tests.jobs.evalset import load_postings, profile_user
from job_tracker.tests.jobs.test_matching import python_resume

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, user):
    client.force_login(user)
    python_resume(user)
    return client


@pytest.fixture
def django_job():
    remotive = JobSourceFactory(kind="remotive", identifier="all", name="Remotive")
    return JobPostingFactory(
        source=remotive,
        title="Django Developer",
        company_name="Kraków Labs",
        location="Europe",
        remote="remote",
        description="Build our booking platform.\n\nPython and PostgreSQL.",
        skills_required=["Python", "Django", "Kubernetes"],
        url="https://remotive.com/remote-jobs/software-dev/django-developer-1",
    )


def test_job_board_shows_scores_skills_and_track_buttons(
    signed_in, django_job, django_assert_max_num_queries
):
    JobPostingFactory(title="Registered Nurse", skills_required=["Patient Care"])
    for _ in range(10):
        JobPostingFactory()

    with django_assert_max_num_queries(12):
        response = signed_in.get(reverse("job_tracker:jobs"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "12 postings" in html
    assert "Django Developer" in html and "Kraków Labs" in html
    assert "✓ Python" in html and "✓ Django" in html
    assert 'class="badge skill-missing" title="Not on your resume yet">Kubernetes' in html
    assert 'aria-label="Match score' in html
    assert f'hx-post="/jobs/{django_job.pk}/track/"' in html
    assert "view this job on Remotive" in html


def test_job_board_search_and_bad_filter(signed_in, django_job):
    JobPostingFactory(title="Registered Nurse", description="Cardiology ward.")

    found = signed_in.get(reverse("job_tracker:jobs"), {"q": "Django"}).content.decode()
    assert "Django Developer" in found and "Registered Nurse" not in found

    bad = signed_in.get(reverse("job_tracker:jobs"), {"remote": "mars"})
    assert bad.status_code == 200
    assert "Select a valid choice" in bad.content.decode()


def test_detail_page_credits_remotive_and_shows_the_description(signed_in, django_job):
    html = signed_in.get(reverse("job_tracker:job", args=[django_job.pk])).content.decode()

    assert "<p>Python and PostgreSQL.</p>" in html
    assert 'href="https://remotive.com/remote-jobs/software-dev/django-developer-1"' in html
    assert "view this job on Remotive" in html


def test_track_button_with_htmx_swaps_in_a_link_and_is_idempotent(signed_in, user, django_job):
    url = reverse("job_tracker:job-track", args=[django_job.pk])

    first = signed_in.post(url, HTTP_HX_REQUEST="true")
    second = signed_in.post(url, HTTP_HX_REQUEST="true")

    application = JobApplication.objects.get(user=user)
    assert application.status == "wishlist" and application.job_posting == django_job
    assert "Added to wishlist ✓" in first.content.decode()
    assert f"/applications/{application.pk}/" in second.content.decode()
    board = signed_in.get(reverse("job_tracker:jobs")).content.decode()
    assert "Tracked ✓" in board


def test_track_without_htmx_redirects_with_a_message(signed_in, django_job):
    response = signed_in.post(reverse("job_tracker:job-track", args=[django_job.pk]), follow=True)

    assert response.redirect_chain[-1][0] == reverse("job_tracker:job", args=[django_job.pk])
    assert "added to your wishlist" in response.content.decode()
    assert signed_in.get(reverse("job_tracker:job-track", args=[django_job.pk])).status_code == 405


def test_pages_need_login(client, django_job):
    assert client.get(reverse("job_tracker:jobs")).status_code == 302
    assert client.post(reverse("job_tracker:job-track", args=[django_job.pk])).status_code == 302
    assert JobApplication.objects.count() == 0


def test_dashboard_recommends_jobs(signed_in, django_job):
    html = signed_in.get(reverse("accounts:dashboard")).content.decode()

    assert "Recommended jobs" in html
    assert "Django Developer" in html


def test_admin_scrape_now_runs_the_source_and_reports(client, httpserver, settings):
    settings.JOB_SCRAPE_REQUEST_DELAY = 0
    settings.JOB_SCRAPE_MAX_RETRIES = 0
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_json(
        {"jobs": [{"id": 7, "title": "Go Developer", "absolute_url": "https://example.com/7", "content": ""}]}
    )
    httpserver.expect_request("/v0/postings/broken").respond_with_data("down", status=404)
    good = JobSourceFactory(identifier="acme", base_url=httpserver.url_for("/"))
    bad = JobSourceFactory(kind="lever", identifier="broken", base_url=httpserver.url_for("/"))

    response = client.post(
        reverse("admin:job_tracker_jobsource_changelist"),
        {"action": "scrape_now", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "fetched 1, created 1" in html
    assert "failed: HTTP 404" in html
    assert JobPosting.objects.get(source=good).title == "Go Developer"
    listing = client.get(reverse("admin:job_tracker_jobsource_changelist")).content.decode()
    assert "failed" in listing
    postings = client.get(reverse("admin:job_tracker_jobposting_changelist"), {"is_active__exact": "1"})
    assert "Go Developer" in postings.content.decode()


def test_demo_seed_is_idempotent_and_searchable(user):
    from io import StringIO

    from job_tracker.jobs import demo as demo_jobs
    from job_tracker.models import JobSource

    staff = UserFactory(is_staff=True)
    demo_jobs.seed(staff=staff, demo=user, stdout=StringIO())
    demo_jobs.seed(staff=staff, demo=user, stdout=StringIO())

    assert JobPosting.objects.filter(is_active=True).count() == 10
    assert JobPosting.objects.get(external_id="sre-1").company_name == "Þróun ehf."
    assert "Django" in JobPosting.objects.get(external_id="py-1").skills_required
    # Real boards arrive switched off: a fresh clone makes no network calls.
    assert not JobSource.objects.filter(is_active=True).exists()
    assert JobSource.objects.get(kind="remotive").min_interval_hours == 6


def test_dashboard_panel_is_cached_until_a_scrape_changes_postings(
    signed_in, django_job, django_capture_on_commit_callbacks
):
    from job_tracker.jobs.scraping import NormalizedPosting
    from job_tracker.jobs.services import ingest_postings

    signed_in.get(reverse("accounts:dashboard"))
    JobPostingFactory(title="Python Developer", skills_required=["Python", "Django", "Celery"])
    assert "Python Developer" not in signed_in.get(reverse("accounts:dashboard")).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        ingest_postings(
            source=django_job.source,
            postings=[
                NormalizedPosting(external_id="x", title="Senior Django Engineer", description="Python")
            ],
            complete=False,
        )

    html = signed_in.get(reverse("accounts:dashboard")).content.decode()
    assert "Python Developer" in html and "Senior Django Engineer" in html


SCORE = re.compile(
    r'id="job-(\d+)".*?job-score-value">(\d+)%.*?job-score-reason muted">([^<]+)</small>', re.S
)


@pytest.fixture
def ranked_devops(client):
    """The labelled postings with a fitted semantic index, and a DevOps engineer signed in."""
    load_postings()
    refit_semantic_index.delay()
    user, _ = profile_user("devops-sre")
    client.force_login(user)
    api = {r["id"]: r for r in client_for(user).get("/api/v1/jobs/recommendations/?limit=100").json()}
    return client, api


def test_job_board_shows_the_blended_score_and_says_why(ranked_devops, django_assert_max_num_queries):
    client, api = ranked_devops
    user = client.get(reverse("job_tracker:jobs")).wsgi_request.user  # loads the index into this process

    with django_assert_max_num_queries(12):
        html = client.get(reverse("job_tracker:jobs")).content.decode()

    cards = SCORE.findall(html)
    assert len(cards) == 20
    for pk, score, reason in cards:
        assert (int(score), reason) == (api[int(pk)]["match_score"], api[int(pk)]["match_reason"])
        assert " · similar wording " in reason
    # The blend, not the skill score alone (what a posting's own API answer gives), is what the page shows.
    skills_only = client_for(user)
    assert any(
        int(score) != skills_only.get(f"/api/v1/jobs/{pk}/").json()["match_score"] for pk, score, _ in cards
    )


def test_job_detail_shows_the_blended_score_and_says_why(ranked_devops):
    client, api = ranked_devops
    pk, top = next(iter(api.items()))

    html = client.get(reverse("job_tracker:job", args=[pk])).content.decode()

    assert f'job-score-value">{top["match_score"]}%' in html
    assert f'job-score-reason muted">{top["match_reason"]}</small>' in html


def test_dashboard_ranks_and_explains_as_the_api_does(ranked_devops):
    client, api = ranked_devops
    top5 = list(api.values())[:5]

    for _ in range(2):  # computed, then from the cache
        html = client.get(reverse("accounts:dashboard")).content.decode()
        for row in top5:
            assert row["title"] in html
            assert f'job-score-value">{row["match_score"]}%' in html
            assert f'job-score-reason muted">{row["match_reason"]}</small>' in html
    assert html.index(top5[0]["title"]) < html.index(top5[-1]["title"])


def test_a_refit_index_refreshes_the_cached_dashboard(signed_in, django_job):
    signed_in.get(reverse("accounts:dashboard"))
    assert "similar wording" not in signed_in.get(reverse("accounts:dashboard")).content.decode()
    load_postings()
    refit_semantic_index.delay()

    assert "similar wording" in signed_in.get(reverse("accounts:dashboard")).content.decode()
