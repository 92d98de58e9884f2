"""The admin checks a source's identifier by fetching one page from the board (through its base URL)."""

import pytest

from job_tracker.models import JobSource

from .test_scraping import fixture

pytestmark = pytest.mark.django_db
ADD_URL = "/admin/job_tracker/jobsource/add/"


def form(httpserver, **fields):
    data = {
        "kind": "ashby",
        "identifier": "lumen",
        "name": "",
        "base_url": httpserver.url_for("/"),
        "is_active": "on",
    }
    return {**data, **fields}


def test_a_board_that_lists_jobs_is_saved(admin_client, httpserver):
    httpserver.expect_request("/posting-api/job-board/lumen").respond_with_data(
        fixture("ashby_board.json"), content_type="application/json"
    )

    response = admin_client.post(ADD_URL, form(httpserver))

    assert response.status_code == 302
    assert JobSource.objects.filter(kind="ashby", identifier="lumen").exists()
    assert len(httpserver.log) == 1  # one page, nothing scraped


def test_an_unknown_board_is_refused_with_the_reason(admin_client, httpserver):
    httpserver.expect_request("/posting-api/job-board/nope").respond_with_data("Not Found", status=404)

    response = admin_client.post(ADD_URL, form(httpserver, identifier="nope"))

    assert response.status_code == 200
    assert "The board did not answer with a listing: HTTP 404" in response.content.decode()
    assert not JobSource.objects.exists()


def test_an_empty_answer_is_refused_because_unknown_ids_look_the_same(admin_client, httpserver):
    httpserver.expect_request("/v1/companies/NoSuchCo/postings").respond_with_data(
        fixture("smartrecruiters_empty.json"), content_type="application/json"
    )

    response = admin_client.post(ADD_URL, form(httpserver, kind="smartrecruiters", identifier="NoSuchCo"))

    assert "answered with no postings" in response.content.decode()
    assert not JobSource.objects.exists()


def test_hh_probe_fetches_only_the_first_search_page(admin_client, httpserver, settings):
    settings.HH_USER_AGENT = "ResuMate-Test/1.0 (ops@example.com)"
    httpserver.expect_request(
        "/vacancies", headers={"HH-User-Agent": settings.HH_USER_AGENT}
    ).respond_with_data(fixture("hh_vacancies_page0.json"), content_type="application/json")

    response = admin_client.post(ADD_URL, form(httpserver, kind="hh", identifier="text=python&area=1"))

    assert response.status_code == 302
    assert [r.path for r, _ in httpserver.log] == ["/vacancies"]  # no vacancy details


def test_an_unsupported_hh_parameter_is_named(admin_client, httpserver):
    response = admin_client.post(ADD_URL, form(httpserver, kind="hh", identifier="txt=python"))
    assert "not supported: txt" in response.content.decode()
    assert httpserver.log == []
