"""hh.ru, Ashby, Workable, SmartRecruiters and Arbeitnow against local servers speaking their real formats."""

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from werkzeug import Response

from job_tracker.jobs.scraping import ScrapeError, adapter_for
from job_tracker.jobs.scraping.hh import HHClient
from job_tracker.jobs.services import EMPTY_BOARD_NOTE, source_scrape
from job_tracker.models import JobPosting
from job_tracker.tests.factories import JobPostingFactory, JobSourceFactory

from .test_scraping import Sleeps, fast_client, fetch, fixture

pytestmark = pytest.mark.django_db

MSK = timezone(timedelta(hours=3))
HH_SEARCH = "text=python&area=1&schedule=remote"


def hh_fake(httpserver, *, user_agent="ResuMate-Test/1.0 (ops@example.com)"):
    headers = {"HH-User-Agent": user_agent}
    for page in (0, 1):
        httpserver.expect_request(
            "/vacancies",
            query_string={
                "text": "python",
                "area": "1",
                "schedule": "remote",
                "page": str(page),
                "per_page": "2",
            },
            headers=headers,
        ).respond_with_data(fixture(f"hh_vacancies_page{page}.json"), content_type="application/json")
    for vacancy in ("93353083", "93412277", "93500011"):
        httpserver.expect_request(f"/vacancies/{vacancy}", headers=headers).respond_with_data(
            fixture(f"hh_vacancy_{vacancy}.json"), content_type="application/json"
        )


@pytest.fixture
def hh_settings(settings):
    settings.HH_USER_AGENT = "ResuMate-Test/1.0 (ops@example.com)"
    settings.HH_DAILY_REQUEST_CAP = 100
    return settings


def hh_client(**options):
    return HHClient(
        **{"timeout": 2.0, "max_retries": 2, "backoff": 0.5, "delay": 0, "sleep": Sleeps(), **options}
    )


def hh_adapter(source, **client_options):
    adapter = adapter_for(source, client=hh_client(**client_options))
    adapter.per_page = 2
    return adapter


def test_hh_pages_the_search_and_reads_each_vacancy_detail(httpserver, hh_settings):
    hh_fake(httpserver)
    source = JobSourceFactory(kind="hh", identifier=HH_SEARCH, base_url=httpserver.url_for("/"))

    result = hh_adapter(source).fetch_all()

    assert result.complete is True
    assert result.skipped == 1  # the item without an id
    assert result.requests == 2 + 3
    python, devops, analyst = result.postings
    assert python.external_id == "93353083"
    assert python.title == "Python-разработчик (Django)"
    assert python.company_name == "Сбер"  # noqa: RUF001 (Cyrillic on purpose)
    assert python.location == "Москва"
    assert python.remote == "remote"
    assert (python.salary_min, python.salary_max, python.currency) == (250000, 350000, "RUB")
    assert python.url == "https://hh.ru/vacancy/93353083"
    assert python.published_at == datetime(2026, 11, 20, 10, 15, tzinfo=MSK)
    assert "• Разрабатывать API на Django и PostgreSQL" in python.description
    assert python.description.endswith("Key skills: Python, Django Framework, PostgreSQL, Docker")
    assert python.skills_hint == ["Python", "Django Framework", "PostgreSQL", "Docker"]
    assert (devops.salary_min, devops.salary_max, devops.currency, devops.remote) == (
        4000,
        None,
        "USD",
        "onsite",
    )
    assert analyst.remote == "hybrid"  # work_format wins over the schedule


def test_hh_sends_its_user_agent_from_settings(httpserver, hh_settings):
    hh_settings.HH_USER_AGENT = "Other/2.0 (x@example.com)"
    hh_fake(httpserver)  # expects the configured test agent only
    source = JobSourceFactory(kind="hh", identifier=HH_SEARCH, base_url=httpserver.url_for("/"))

    with pytest.raises(ScrapeError, match="HTTP 500"):
        hh_adapter(source, max_retries=0).fetch_all()


def test_hh_reuses_stored_details_for_unchanged_vacancies(httpserver, hh_settings):
    hh_fake(httpserver)
    source = JobSourceFactory(kind="hh", identifier=HH_SEARCH, base_url=httpserver.url_for("/"))
    JobPostingFactory(
        source=source,
        external_id="93353083",
        description="Stored text. Key skills: Python",
        published_at=datetime(2026, 11, 20, 7, 15, tzinfo=UTC),
    )

    result = hh_adapter(source).fetch_all()

    assert result.requests == 2 + 2  # no detail call for the unchanged vacancy
    assert result.postings[0].description == "Stored text. Key skills: Python"


def test_hh_stops_at_the_2000_result_window_and_marks_the_listing_incomplete(httpserver, hh_settings):
    page = json.loads(fixture("hh_vacancies_page0.json"))
    page.update(found=50000, pages=2000, per_page=1000)
    httpserver.expect_request("/vacancies").respond_with_json(page)
    for vacancy in ("93353083", "93412277"):
        httpserver.expect_request(f"/vacancies/{vacancy}").respond_with_data(
            fixture(f"hh_vacancy_{vacancy}.json"), content_type="application/json"
        )
    source = JobSourceFactory(kind="hh", identifier="text=python", base_url=httpserver.url_for("/"))
    adapter = adapter_for(source, client=hh_client())
    adapter.per_page = 1000  # window = 2 pages

    result = adapter.fetch_all()

    searches = [r for r, _ in httpserver.log if r.path == "/vacancies"]
    assert [r.args["page"] for r in searches] == ["0", "1"]
    assert result.complete is False


def test_hh_daily_cap_keeps_what_was_fetched_and_deactivates_nothing(httpserver, hh_settings):
    hh_settings.HH_DAILY_REQUEST_CAP = 2  # the search page and one detail
    page = json.loads(fixture("hh_vacancies_page0.json"))
    page.update(pages=1, per_page=100)
    httpserver.expect_request("/vacancies").respond_with_json(page)
    httpserver.expect_request("/vacancies/93353083").respond_with_data(
        fixture("hh_vacancy_93353083.json"), content_type="application/json"
    )
    source = JobSourceFactory(kind="hh", identifier=HH_SEARCH, base_url=httpserver.url_for("/"))
    old = JobPostingFactory(source=source, external_id="1")

    summary = source_scrape(source=source, force=True, client=hh_client())

    assert summary.status == "ok" and summary.created == 1
    old.refresh_from_db()
    assert old.is_active is True


def test_hh_rejects_unknown_search_parameters(hh_settings):
    source = JobSourceFactory(kind="hh", identifier="text=python&pagesize=5")
    with pytest.raises(ScrapeError, match="pagesize"):
        adapter_for(source).fetch_all()


def test_hh_429_waits_for_retry_after(httpserver, hh_settings):
    httpserver.expect_ordered_request("/vacancies").respond_with_response(
        Response('{"errors":[{"type":"too_many_requests"}]}', status=429, headers={"Retry-After": "7"})
    )
    httpserver.expect_ordered_request("/vacancies").respond_with_json(
        {"items": [], "found": 0, "pages": 0, "page": 0, "per_page": 100}
    )
    source = JobSourceFactory(kind="hh", identifier="text=python", base_url=httpserver.url_for("/"))
    sleeps = Sleeps()

    result = adapter_for(source, client=hh_client(sleep=sleeps)).fetch_all()

    assert result.postings == [] and sleeps == [7.0]


def test_ashby_keeps_listed_jobs_with_compensation(httpserver):
    httpserver.expect_request(
        "/posting-api/job-board/lumen", query_string="includeCompensation=true"
    ).respond_with_data(fixture("ashby_board.json"), content_type="application/json")
    source = JobSourceFactory(
        kind="ashby", identifier="lumen", name="Lumen", base_url=httpserver.url_for("/")
    )

    result = fetch(source)

    assert result.skipped == 1
    backend, designer = result.postings  # the unlisted job is left out
    assert backend.title == "Senior Software Engineer, Backend"
    assert (backend.salary_min, backend.salary_max, backend.currency) == (80000, 100000, "EUR")
    assert backend.remote == "hybrid" and backend.employment_type == "Full-time"
    assert backend.url.startswith("https://jobs.ashbyhq.com/lumen/")
    assert backend.company_name == "Lumen"
    assert "Kubernetes" in backend.description
    assert designer.remote == "remote" and designer.salary_min is None and designer.currency == ""


def test_ashby_unknown_board_is_a_failure(httpserver):
    httpserver.expect_request("/posting-api/job-board/nope").respond_with_data("Not Found", status=404)
    source = JobSourceFactory(kind="ashby", identifier="nope", base_url=httpserver.url_for("/"))
    with pytest.raises(ScrapeError, match="HTTP 404"):
        fetch(source)


def test_workable_merges_one_job_listed_per_location(httpserver):
    httpserver.expect_request(
        "/api/v1/widget/accounts/nordwind", query_string="details=true"
    ).respond_with_data(fixture("workable_account.json"), content_type="application/json")
    source = JobSourceFactory(kind="workable", identifier="nordwind", base_url=httpserver.url_for("/"))

    result = fetch(source)

    assert result.skipped == 1
    backend, support = result.postings
    assert backend.external_id == "A1B2C3D4E5"
    assert backend.location == "Warsaw, Masovia, Poland / Prague, Czech Republic"
    assert backend.company_name == "Nordwind Logistics"
    assert backend.remote == "onsite"
    assert backend.published_at == datetime(2026, 11, 14, tzinfo=UTC)
    assert support.remote == "remote" and support.employment_type == "Part-time"


def smartrecruiters_fake(httpserver, company="BoschGroup"):
    for offset, name in ((0, "page1"), (2, "page2")):
        httpserver.expect_request(
            f"/v1/companies/{company}/postings", query_string={"limit": "2", "offset": str(offset)}
        ).respond_with_data(fixture(f"smartrecruiters_{name}.json"), content_type="application/json")
    for posting_id in ("744000012345671", "744000012345672", "744000012345673"):
        httpserver.expect_request(f"/v1/companies/{company}/postings/{posting_id}").respond_with_data(
            fixture(f"smartrecruiters_posting_{posting_id}.json"), content_type="application/json"
        )


def test_smartrecruiters_pages_with_offset_and_reads_details(httpserver):
    smartrecruiters_fake(httpserver)
    source = JobSourceFactory(
        kind="smartrecruiters", identifier="BoschGroup", base_url=httpserver.url_for("/")
    )
    adapter = adapter_for(source, client=fast_client())
    adapter.page_size = 2

    result = adapter.fetch_all()

    assert result.requests == 2 + 3
    data, student, sre = result.postings
    assert data.title == "Data Engineer" and data.company_name == "Bosch Group"
    assert data.location == "Stuttgart, BW, Germany" and data.remote == "hybrid"
    assert data.url == "https://jobs.smartrecruiters.com/BoschGroup/744000012345671-posting"
    assert "Build pipelines with Python, Spark and Airflow" in data.description
    assert student.location == "Berlin, DE" and student.remote == "onsite"
    assert sre.remote == "remote"


def test_smartrecruiters_unknown_company_answers_empty_and_deactivates_nothing(httpserver):
    httpserver.expect_request("/v1/companies/NoSuchCo/postings").respond_with_data(
        fixture("smartrecruiters_empty.json"), content_type="application/json"
    )
    source = JobSourceFactory(kind="smartrecruiters", identifier="NoSuchCo", base_url=httpserver.url_for("/"))
    posting = JobPostingFactory(source=source)

    summary = source_scrape(source=source, force=True, client=fast_client())

    assert summary.status == "ok" and summary.deactivated == 0
    posting.refresh_from_db()
    source.refresh_from_db()
    assert posting.is_active is True
    assert source.last_error == EMPTY_BOARD_NOTE


def test_arbeitnow_follows_links_next_and_reads_epoch_seconds(httpserver):
    for page in (1, 2):
        httpserver.expect_request("/api/job-board-api", query_string=f"page={page}").respond_with_data(
            fixture(f"arbeitnow_page{page}.json"), content_type="application/json"
        )
    source = JobSourceFactory(kind="arbeitnow", identifier="all", base_url=httpserver.url_for("/"))

    result = fetch(source)

    assert result.skipped == 1
    python, warehouse, frontend = result.postings
    assert python.remote == "remote" and python.company_name == "Kiezware GmbH"
    assert python.published_at == datetime.fromtimestamp(1763640000, tz=UTC)
    assert python.skills_hint == ["Python", "Django", "Software Development"]
    assert warehouse.remote == "onsite" and warehouse.employment_type == "part time, student"
    assert frontend.remote == "hybrid"


def test_arbeitnow_remote_only(httpserver):
    for page in (1, 2):
        httpserver.expect_request("/api/job-board-api", query_string=f"page={page}").respond_with_data(
            fixture(f"arbeitnow_page{page}.json"), content_type="application/json"
        )
    source = JobSourceFactory(kind="arbeitnow", identifier="remote", base_url=httpserver.url_for("/"))
    assert [p.external_id for p in fetch(source).postings] == ["senior-python-developer-berlin-123456"]


@pytest.mark.parametrize(
    ("kind", "identifier", "path"),
    [
        ("hh", "text=python", "/vacancies"),
        ("ashby", "lumen", "/posting-api/job-board/lumen"),
        ("workable", "nordwind", "/api/v1/widget/accounts/nordwind"),
        ("smartrecruiters", "BoschGroup", "/v1/companies/BoschGroup/postings"),
        ("arbeitnow", "all", "/api/job-board-api"),
    ],
)
def test_malformed_json_fails_and_leaves_postings_alone(httpserver, hh_settings, kind, identifier, path):
    httpserver.expect_request(path).respond_with_data('{"jobs": [', content_type="application/json")
    source = JobSourceFactory(kind=kind, identifier=identifier, base_url=httpserver.url_for("/"))
    posting = JobPostingFactory(source=source)

    summary = source_scrape(source=source, force=True, client=fast_client())

    assert summary.status == "failed" and "Malformed JSON" in summary.errors[0]
    posting.refresh_from_db()
    assert posting.is_active is True
    assert JobPosting.objects.filter(source=source).count() == 1


@pytest.mark.parametrize(
    ("kind", "identifier", "path", "body"),
    [
        ("hh", "text=python", "/vacancies", {"items": [], "found": 0, "pages": 0}),
        ("ashby", "lumen", "/posting-api/job-board/lumen", {"apiVersion": "1", "jobs": []}),
        ("workable", "nordwind", "/api/v1/widget/accounts/nordwind", {"name": "N", "jobs": []}),
        ("arbeitnow", "all", "/api/job-board-api", {"data": [], "links": {"next": None}, "meta": {}}),
    ],
)
def test_an_empty_board_never_deactivates(httpserver, hh_settings, kind, identifier, path, body):
    httpserver.expect_request(path).respond_with_json(body)
    source = JobSourceFactory(kind=kind, identifier=identifier, base_url=httpserver.url_for("/"))
    posting = JobPostingFactory(source=source)

    summary = source_scrape(source=source, force=True, client=fast_client())

    assert summary.status == "ok" and summary.fetched == 0 and summary.deactivated == 0
    posting.refresh_from_db()
    assert posting.is_active is True


@pytest.mark.parametrize(
    ("kind", "identifier", "path", "body"),
    [
        ("ashby", "lumen", "/posting-api/job-board/lumen", {"apiVersion": "1", "jobs": []}),
        ("workable", "nordwind", "/api/v1/widget/accounts/nordwind", {"name": "N", "jobs": []}),
        ("smartrecruiters", "NoSuchCo", "/v1/companies/NoSuchCo/postings",
         json.loads(fixture("smartrecruiters_empty.json"))),
        ("arbeitnow", "all", "/api/job-board-api", {"data": [], "links": {"next": None}, "meta": {}}),
    ],
)  # fmt: skip
def test_every_new_board_waits_for_retry_after_on_429(httpserver, kind, identifier, path, body):
    httpserver.expect_ordered_request(path).respond_with_response(
        Response("slow down", status=429, headers={"Retry-After": "7"})
    )
    httpserver.expect_ordered_request(path).respond_with_json(body)
    source = JobSourceFactory(kind=kind, identifier=identifier, base_url=httpserver.url_for("/"))
    sleeps = Sleeps()

    result = fetch(source, sleep=sleeps)

    assert result.postings == [] and result.requests == 2
    assert sleeps == [7.0]
