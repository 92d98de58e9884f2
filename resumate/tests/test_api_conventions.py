import json
import logging

import pytest

pytestmark = pytest.mark.django_db


def test_unknown_api_url_is_a_json_404(api_client):
    response = api_client.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_api_errors_keep_their_shape_and_code_in_russian(api_client, user):
    # Only the words change with Accept-Language; clients branch on the codes.
    missing = api_client.get("/api/v1/no-such-thing/", HTTP_ACCEPT_LANGUAGE="ru")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    assert missing.json()["detail"] == "Не найдено."  # noqa: RUF001
    api_client.force_authenticate(user)
    body = {"job_title": "Dev", "company_name": "Initech", "status": "nope"}
    invalid = api_client.post("/api/v1/applications/", body, format="json", HTTP_ACCEPT_LANGUAGE="ru")
    assert invalid.status_code == 400 and invalid.json()["code"] == "invalid_choice"
    assert set(invalid.json()) == {"detail", "code", "errors"} and list(invalid.json()["errors"]) == [
        "status"
    ]
    assert invalid.json()["detail"] == "Некорректные данные."


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing/", "/api/nothing", "/api/v1/resumes/99999999/"])
def test_unknown_api_url_is_a_json_404_with_debug_on_too(api_client, settings, path):
    settings.DEBUG = True
    response = api_client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "not_found"


def test_unknown_page_outside_the_api_is_html(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_wrong_method_is_a_json_405(api_client):
    response = api_client.delete("/api/v1/auth/register/")
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"


def test_oversize_body_is_a_json_413_and_nothing_is_created(anon_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    payload = {"username": "big", "email": "big@example.com", "password": "x" * 5000}
    response = anon_client.post("/api/v1/auth/register/", payload, format="json")
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    from accounts.models import User

    assert not User.objects.filter(username="big").exists()


def test_overlong_query_string_is_a_json_414(api_client, client):
    query = "search=" + "x" * 9000
    response = api_client.get(f"/api/v1/achievements/?{query}")
    assert (response.status_code, response.json()["code"]) == (414, "uri_too_long")
    assert api_client.get(f"/api/v1/achievements/?search={'x' * 4000}").status_code == 200


def test_malformed_json_is_a_400_not_a_500(anon_client):
    response = anon_client.post("/api/v1/auth/register/", data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "parse_error"


def test_unhandled_error_under_api_is_a_json_500(rf):
    from resumate.errors import server_error

    response = server_error(rf.get("/api/v1/anything/"))
    assert response.status_code == 500
    assert json.loads(response.content)["code"] == "server_error"


def test_request_id_is_echoed_or_generated(client):
    echoed = client.get("/health/live/", headers={"X-Request-ID": "abc-123"})
    assert echoed["X-Request-ID"] == "abc-123"
    generated = client.get("/health/live/", headers={"X-Request-ID": "bad id with spaces"})
    assert len(generated["X-Request-ID"]) == 32
    assert generated["X-Request-ID"] != "bad id with spaces"


def test_one_structured_log_line_per_request(api_client, user, caplog):
    from resumate.log_format import JsonFormatter

    with caplog.at_level(logging.INFO, logger="resumate.request"):
        api_client.get("/api/v1/auth/me/", headers={"X-Request-ID": "req-42"})
    records = [r for r in caplog.records if r.name == "resumate.request"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["request_id"] == "req-42"
    assert line["user_id"] == user.pk
    assert (line["method"], line["path"], line["status"]) == ("GET", "/api/v1/auth/me/", 200)
    assert line["duration_ms"] >= 0


def test_openapi_schema_and_docs_are_served(client):
    schema = client.get("/api/schema/", headers={"Accept": "application/json"})
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert "/api/v1/auth/token/" in paths
    token_response = paths["/api/v1/auth/token/"]["post"]["responses"]["200"]
    assert token_response["content"]["application/json"]["schema"]
    assert client.get("/api/docs/").status_code == 200


def test_list_pagination_defaults(settings):
    assert settings.REST_FRAMEWORK["PAGE_SIZE"] == 20
    from resumate.api import StandardPagination

    assert StandardPagination.max_page_size == 100
