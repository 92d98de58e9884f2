"""Each board adapter against a local server speaking the board's real format."""

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from werkzeug import Response

from job_tracker.jobs.scraping import BoardClient, ScrapeError, adapter_for
from job_tracker.tests.factories import JobSourceFactory

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.django_db


def fixture(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


class Sleeps(list):
    """Records the waits a client asks for instead of spending them."""

    def __call__(self, seconds):
        self.append(seconds)


def fast_client(**kwargs):
    options = {"timeout": 2.0, "max_retries": 2, "backoff": 0.5, "delay": 0, "sleep": Sleeps()}
    options.update(kwargs)
    return BoardClient(**options)


def fetch(source, **client_options):
    return adapter_for(source, client=fast_client(**client_options)).fetch_all()


def test_greenhouse_unescapes_and_strips_content(httpserver):
    httpserver.expect_request("/v1/boards/acmeanalytics/jobs", query_string="content=true").respond_with_data(
        fixture("greenhouse_jobs.json"), content_type="application/json"
    )
    source = JobSourceFactory(kind="greenhouse", identifier="acmeanalytics", base_url=httpserver.url_for("/"))

    result = fetch(source)

    assert result.skipped == 1
    first, second = result.postings
    assert first.external_id == "4012345006"
    assert first.title == "Senior Backend Engineer (Python/Django)"
    assert first.company_name == "Acme Analytics"
    assert first.url == "https://job-boards.greenhouse.io/acmeanalytics/jobs/4012345006"
    assert first.remote == "remote"
    assert first.location == "Remote - Europe"
    assert first.description_html.startswith('<div class="content-intro"><p>Acme Analytics')
    assert "What you'll do" in first.description
    assert "• Build APIs with Python, Django and PostgreSQL" in first.description
    assert "<" not in first.description and "track()" not in first.description
    assert first.published_at == datetime(2026, 11, 2, 14, 15, tzinfo=UTC)
    assert second.location == "München, Germany"
    assert second.remote == "onsite"


def test_lever_pages_with_skip_and_limit_until_a_short_page(httpserver):
    page1, page2 = json.loads(fixture("lever_page1.json")), json.loads(fixture("lever_page2.json"))
    # Lever answers an empty array past the end; a full page means "ask again".
    for skip, body in ((0, page1), (2, page2), (4, [])):
        httpserver.expect_request(
            "/v0/postings/ztorm", query_string={"mode": "json", "skip": str(skip), "limit": "2"}
        ).respond_with_json(body)
    source = JobSourceFactory(
        kind="lever", identifier="ztorm", name="Ztorm", base_url=httpserver.url_for("/")
    )
    adapter = adapter_for(source, client=fast_client())
    adapter.page_size = 2

    result = adapter.fetch_all()

    assert result.requests == 3
    assert [p.title for p in result.postings] == [
        "Platform Engineer",
        "Frontend Engineer",
        "Data Analyst Intern",
    ]
    assert result.skipped == 1
    platform = result.postings[0]
    assert platform.company_name == "Ztorm"  # Lever does not name the company
    assert platform.remote == "hybrid"
    assert (platform.salary_min, platform.salary_max, platform.currency) == (70000, 90000, "EUR")
    assert platform.employment_type == "Full-time"
    assert "Requirements" in platform.description and "• 5+ years of Go" in platform.description
    assert platform.published_at == datetime.fromtimestamp(1763370000, tz=UTC)
    assert result.postings[2].remote == "onsite"


def test_remotive_maps_fields_and_keeps_the_link_back(httpserver):
    httpserver.expect_request("/api/remote-jobs", query_string="category=software-dev").respond_with_data(
        fixture("remotive_jobs.json"), content_type="application/json"
    )
    source = JobSourceFactory(kind="remotive", identifier="software-dev", base_url=httpserver.url_for("/"))

    result = fetch(source)

    assert result.skipped == 1  # no url: cannot credit Remotive, so not shown
    django, marketing = result.postings
    assert django.url == "https://remotive.com/remote-jobs/software-dev/django-developer-1934567"
    assert django.company_name == "Kraków Labs"
    assert (django.salary_min, django.salary_max, django.currency) == (60000, 80000, "USD")
    assert django.employment_type == "Full-time"
    assert django.remote == "remote"
    assert django.location == "Europe"
    assert django.skills_hint == ["python", "django", "postgres", "aws"]
    assert marketing.company_name == "Señal"
    assert marketing.salary_min is None


def test_rss_feed_items_become_postings(httpserver):
    httpserver.expect_request("/categories/remote-programming-jobs.rss").respond_with_data(
        fixture("feed.rss"), content_type="application/rss+xml"
    )
    source = JobSourceFactory(
        kind="rss", identifier=httpserver.url_for("/categories/remote-programming-jobs.rss"), name=""
    )

    result = fetch(source)

    assert result.skipped == 1
    python, rust = result.postings
    assert python.title == "Senior Python Engineer"
    assert python.company_name == "Nordlys AS"
    assert python.remote == "remote"
    assert python.external_id == "https://weworkremotely.com/remote-jobs/nordlys-as-senior-python-engineer"
    assert "Headquarters: Tromsø" in python.description
    assert python.published_at == datetime(2026, 11, 19, 10, 0, tzinfo=UTC)
    assert rust.company_name == "Café Ops"
    assert rust.employment_type == "Contract"


def test_atom_feed_entries_become_postings(httpserver):
    httpserver.expect_request("/careers.atom").respond_with_data(
        fixture("feed.atom"), content_type="application/atom+xml"
    )
    source = JobSourceFactory(
        kind="rss", identifier="careers.atom", name="", base_url=httpserver.url_for("/")
    )

    (entry,) = fetch(source).postings

    assert entry.title == "Remote Kubernetes SRE"
    assert entry.company_name == "Þróun ehf."
    assert entry.url == "https://careers.throun.example/jobs/sre"
    assert entry.remote == "remote"
    assert entry.description == "Keep our Kubernetes clusters and Terraform modules healthy."


def test_retry_after_is_honoured_on_429(httpserver):
    httpserver.expect_ordered_request("/v1/boards/acme/jobs").respond_with_response(
        Response("slow down", status=429, headers={"Retry-After": "7"})
    )
    httpserver.expect_ordered_request("/v1/boards/acme/jobs").respond_with_response(
        Response("busy", status=503)
    )
    httpserver.expect_ordered_request("/v1/boards/acme/jobs").respond_with_json(
        {"jobs": [], "meta": {"total": 0}}
    )
    source = JobSourceFactory(identifier="acme", base_url=httpserver.url_for("/"))
    sleeps = Sleeps()

    result = fetch(source, sleep=sleeps)

    assert result.requests == 3
    # Retry-After's 7 s first, then exponential backoff (0.5 * 2**1) for the 503.
    assert sleeps == [7.0, 1.0]


def test_gives_up_after_the_retries_with_the_last_error(httpserver):
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_data("oops", status=500)
    source = JobSourceFactory(identifier="acme", base_url=httpserver.url_for("/"))

    with pytest.raises(ScrapeError, match=r"HTTP 500 .* \(gave up after 3 attempts\)"):
        fetch(source)


def test_timeout_is_an_error_not_a_hang(httpserver):
    def slow(request):
        time.sleep(0.6)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_handler(slow)
    source = JobSourceFactory(identifier="acme", base_url=httpserver.url_for("/"))

    with pytest.raises(ScrapeError, match="Timeout"):
        fetch(source, timeout=0.2, max_retries=0)


@pytest.mark.parametrize(
    ("body", "content_type", "status", "message"),
    [
        ('{"jobs": [', "application/json", 200, "Malformed JSON"),
        ("<html>Welcome to our careers site</html>", "text/html", 200, "Expected JSON"),
        ('{"error": "board not found"}', "application/json", 200, "no 'jobs' list"),
        ("", "text/html", 302, "redirect"),
        ('{"status": 404}', "application/json", 404, "HTTP 404"),
    ],
)
def test_wrong_answers_are_failures_not_empty_boards(httpserver, body, content_type, status, message):
    headers = {"Location": "https://www.example.com/careers"} if status == 302 else {}
    httpserver.expect_request("/v1/boards/acme/jobs").respond_with_response(
        Response(body, status=status, content_type=content_type, headers=headers)
    )
    source = JobSourceFactory(identifier="acme", base_url=httpserver.url_for("/"))

    with pytest.raises(ScrapeError, match=message):
        fetch(source)


def test_an_html_page_is_not_a_feed(httpserver):
    httpserver.expect_request("/feed").respond_with_data(
        "<html><body>Hi</body></html>", content_type="text/html"
    )
    source = JobSourceFactory(kind="rss", identifier=httpserver.url_for("/feed"))

    with pytest.raises(ScrapeError, match=r"Not an RSS 2\.0 or Atom feed"):
        fetch(source)
