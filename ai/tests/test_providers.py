"""Gemini through the real google-genai SDK and OpenRouter through httpx, against local servers
speaking their wire formats: success, retry after 429, circuit breaker, timeout, fallback."""

import json
import time

import pytest
from werkzeug import Response

from ai.models import AIRequest
from conftest import client_for

from .conftest import GEMINI_PATH, OPENROUTER_PATH, gemini_answer, gemini_error, openrouter_answer

pytestmark = pytest.mark.django_db

QUESTIONS = {
    "technical": [{"question": "How did you scale the reporting API?", "hint": "Acme Analytics caching."}],
    "behavioural": [{"question": "Tell me about a deadline.", "hint": "The dashboard launch."}],
    "company": [{"question": "Why Fjord?", "hint": "Logistics at scale."}],
}
JOB = {"job_description": "Python and Django backend work.", "company_name": "Fjord"}


def ask(client, model, **extra):
    return client.post("/api/v1/ai/interview-questions/", {"model": model, **JOB, **extra})


def test_gemini_success_through_the_sdk(record, gemini, httpserver):
    gemini.fallback = None
    gemini.save()
    httpserver.expect_oneshot_request(GEMINI_PATH, method="POST").respond_with_json(
        gemini_answer(json.dumps(QUESTIONS), 321, 123)
    )
    response = ask(client_for(record), "Gemini")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["technical"] == QUESTIONS["technical"]
    assert (body["model"], body["cached"], body["remaining_today"]) == ("Gemini", False, 4)

    request, _ = httpserver.log[0]
    assert request.headers["x-goog-api-key"] == "test-gemini-key"
    sent = request.get_json()
    assert "Acme Analytics" in sent["contents"][0]["parts"][0]["text"]
    assert "never invent an employer" in sent["systemInstruction"]["parts"][0]["text"]
    assert sent["generationConfig"]["responseMimeType"] == "application/json"

    row = AIRequest.objects.get()
    assert (row.status, row.prompt_tokens, row.completion_tokens, row.total_tokens) == (
        "success",
        321,
        123,
        444,
    )
    assert (row.user, row.model, row.attempts, row.is_fallback) == (record, gemini, 1, False)


def test_gemini_429_is_retried_with_backoff_then_succeeds(record, gemini, httpserver):
    httpserver.expect_ordered_request(GEMINI_PATH).respond_with_json(
        gemini_error(429, "RESOURCE_EXHAUSTED"), 429
    )
    httpserver.expect_ordered_request(GEMINI_PATH).respond_with_json(gemini_answer(json.dumps(QUESTIONS)))
    response = ask(client_for(record), "Gemini")
    assert response.status_code == 200
    assert response.json()["model"] == "Gemini"
    assert len(httpserver.log) == 2
    row = AIRequest.objects.get()
    assert (row.status, row.attempts) == ("success", 2)


def test_gemini_500_opens_the_circuit_and_then_is_not_called(record, gemini, httpserver, settings):
    settings.AI_MAX_RETRIES = 1
    settings.AI_BREAKER_FAILURES = 2
    gemini.fallback = None
    gemini.save()
    httpserver.expect_request(GEMINI_PATH).respond_with_json(gemini_error(500, "INTERNAL"), 500)
    client = client_for(record)
    for _ in range(2):
        response = ask(client, "Gemini")
        assert response.status_code == 503
        assert response.json()["code"] == "ai_unavailable"
    assert len(httpserver.log) == 4  # two calls, one retry each

    response = ask(client, "Gemini")
    assert response.status_code == 503
    assert len(httpserver.log) == 4  # open: no call reached the provider
    assert list(AIRequest.objects.order_by("id").values_list("status", "error")) == [
        ("error", "HTTP 500: fake INTERNAL"),
        ("error", "HTTP 500: fake INTERNAL"),
        ("unavailable", "circuit open"),
    ]
    # Failed requests are not counted against the daily limit.
    assert response.json()["attempted"] == ["Gemini"]
    assert ask(client, "Offline").status_code == 200


def test_open_circuit_half_opens_after_the_cool_down_and_closes_on_success(
    record, gemini, httpserver, settings
):
    settings.AI_MAX_RETRIES = 0
    settings.AI_BREAKER_FAILURES = 1
    settings.AI_BREAKER_COOLDOWN_SECONDS = 0  # the probe is allowed at once
    gemini.fallback = None
    gemini.save()
    httpserver.expect_ordered_request(GEMINI_PATH).respond_with_json(gemini_error(503, "UNAVAILABLE"), 503)
    httpserver.expect_ordered_request(GEMINI_PATH).respond_with_json(gemini_answer(json.dumps(QUESTIONS)))
    client = client_for(record)
    assert ask(client, "Gemini").status_code == 503
    answer = ask(client, "Gemini")
    assert answer.status_code == 200
    assert answer.json()["remaining_today"] == 4  # the failed request was given back
    assert list(AIRequest.objects.order_by("id").values_list("status", flat=True)) == ["error", "success"]


def test_timeout_answers_503_json_within_the_deadline(record, gemini, httpserver, settings):
    settings.AI_REQUEST_TIMEOUT_SECONDS = 0.3
    settings.AI_TOTAL_TIMEOUT_SECONDS = 1.0
    gemini.fallback = None
    gemini.save()

    def slow(request):
        time.sleep(1.5)
        return Response(json.dumps(gemini_answer("late")), content_type="application/json")

    httpserver.expect_request(GEMINI_PATH).respond_with_handler(slow)
    started = time.monotonic()
    response = ask(client_for(record), "Gemini")
    elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.json()["code"] == "ai_unavailable"
    assert response["Retry-After"] == "30"
    assert elapsed < 15  # the contract: a 503 well inside 15 seconds, never a hung request
    row = AIRequest.objects.get()
    assert row.status == "timeout" and "timed out" in row.error


def test_fallback_model_answers_when_gemini_fails(record, gemini, offline, httpserver, settings):
    settings.AI_MAX_RETRIES = 0
    httpserver.expect_request(GEMINI_PATH).respond_with_json(gemini_error(500, "INTERNAL"), 500)
    response = ask(client_for(record), "Gemini")
    assert response.status_code == 200
    body = response.json()
    assert (body["model"], body["requested_model"]) == ("Offline", "Gemini")
    assert body["technical"][0]["hint"].startswith(
        "Talk about your work as Backend Developer at Acme Analytics"
    )
    rows = list(AIRequest.objects.order_by("id").values_list("model_display_name", "status", "is_fallback"))
    assert rows == [("Gemini", "error", False), ("Offline", "success", True)]


def test_unusable_answer_falls_back(record, gemini, httpserver):
    httpserver.expect_request(GEMINI_PATH).respond_with_json(gemini_answer("Sorry, I cannot help with that."))
    response = ask(client_for(record), "Gemini")
    assert response.status_code == 200 and response.json()["model"] == "Offline"
    assert AIRequest.objects.filter(status="error", error__startswith="unusable answer").count() == 1


def test_model_without_its_key_is_unavailable(record, settings, httpserver, offline):
    from ai.models import AIModel

    gemini = AIModel.objects.get(display_name="Gemini")
    listed = {m["display_name"]: m for m in client_for(record).get("/api/v1/ai/models/").json()}
    assert listed["Gemini"]["is_available"] is False and listed["Offline"]["is_available"] is True
    gemini.fallback = None
    gemini.save()
    response = ask(client_for(record), "Gemini")
    assert response.status_code == 503
    assert AIRequest.objects.get().error == "GEMINI_API_KEY is not set"
    assert not httpserver.log


def test_openrouter_success_over_httpx(anon_client, deepseek, httpserver):
    httpserver.expect_oneshot_request(OPENROUTER_PATH, method="POST").respond_with_json(
        openrouter_answer("```json\n" + json.dumps(QUESTIONS) + "\n```", 77, 33)
    )
    response = ask(anon_client, "DeepSeek")
    assert response.status_code == 200, response.content
    assert response.json()["company"] == QUESTIONS["company"]
    assert response.json()["remaining_today"] == 19

    request, _ = httpserver.log[0]
    assert request.headers["Authorization"] == "Bearer test-openrouter-key"
    sent = request.get_json()
    assert sent["model"] == "deepseek/deepseek-chat"
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]
    assert sent["response_format"] == {"type": "json_object"}
    row = AIRequest.objects.get()
    assert (row.user, row.prompt_tokens, row.completion_tokens, row.client_ip) == (None, 77, 33, "127.0.0.1")


def test_openrouter_429_then_success(anon_client, deepseek, httpserver):
    httpserver.expect_ordered_request(OPENROUTER_PATH).respond_with_json(
        {"error": {"code": 429, "message": "Rate limit exceeded"}}, 429, headers={"Retry-After": "0"}
    )
    httpserver.expect_ordered_request(OPENROUTER_PATH).respond_with_json(
        openrouter_answer(json.dumps(QUESTIONS))
    )
    response = ask(anon_client, "DeepSeek")
    assert response.status_code == 200 and response.json()["model"] == "DeepSeek"
    assert AIRequest.objects.get().attempts == 2


def test_openrouter_error_in_a_200_body_counts_as_a_failure(anon_client, deepseek, httpserver, settings):
    settings.AI_MAX_RETRIES = 0
    httpserver.expect_request(OPENROUTER_PATH).respond_with_json(
        {"error": {"code": 502, "message": "upstream provider error"}}
    )
    response = ask(anon_client, "DeepSeek")
    assert response.json()["model"] == "Offline"  # the seeded fallback
    assert (
        AIRequest.objects.filter(model__display_name="DeepSeek").get().error
        == "HTTP 502: upstream provider error"
    )


def test_openrouter_timeout_falls_back_in_time(anon_client, deepseek, httpserver, settings):
    settings.AI_REQUEST_TIMEOUT_SECONDS = 0.2
    settings.AI_TOTAL_TIMEOUT_SECONDS = 1.0
    settings.AI_MAX_RETRIES = 5

    def slow(request):
        time.sleep(1)
        return Response(json.dumps(openrouter_answer("late")), content_type="application/json")

    httpserver.expect_request(OPENROUTER_PATH).respond_with_handler(slow)
    response = ask(anon_client, "DeepSeek")
    assert response.status_code == 200 and response.json()["model"] == "Offline"
    assert AIRequest.objects.get(model__display_name="DeepSeek").status == "timeout"


def test_tailoring_through_a_remote_model_drops_invented_facts(record, resume, gemini, httpserver):
    invented = {
        "basics": {
            "label": "Principal Kubernetes Architect",
            "summary": "Python expert. Ran Kubernetes at scale.",
        },
        "work": [
            {
                "name": "Google",
                "position": "Staff Engineer",
                "startDate": "2015-01-01",
                "highlights": ["Ran Borg"],
            },
            {
                "name": "Acme Analytics",
                "position": "Backend Developer",
                "startDate": "2019-01-01",
                "highlights": [
                    "Built Django APIs on PostgreSQL",
                    "Deployed everything with Kubernetes and Terraform",
                ],
            },
        ],
        "skills": [{"name": "Core", "keywords": ["Python", "Kubernetes", "Django", "AWS"]}],
    }
    httpserver.expect_request(GEMINI_PATH).respond_with_json(gemini_answer(json.dumps(invented)))
    response = client_for(record).post(
        "/api/v1/ai/tailor/",
        {"model": "Gemini", "resume": resume.pk, "job_description": "Python, Django, Kubernetes, AWS."},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    content = body["content"]
    assert body["model"] == "Gemini"
    assert content["basics"]["label"] == "Backend Developer"
    assert content["basics"]["summary"] == "Python expert."
    assert content["work"] == [
        {
            "name": "Acme Analytics",
            "position": "Backend Developer",
            "startDate": "2021-03-01",  # the record's date, not the model's 2019
            "highlights": ["Built Django APIs on PostgreSQL"],
        }
    ]
    assert content["skills"] == [{"name": "Core", "keywords": ["Python", "Django"]}]
    assert body["missing_keywords"] == ["Kubernetes", "Amazon Web Services"]
    assert content["education"][0]["institution"] == "Universität Wien"


def test_anonymous_generation_keeps_only_what_the_visitor_wrote(anon_client, deepseek, httpserver):
    answer = {
        "basics": {"label": "Data Analyst", "summary": "Analyst fluent in SQL. Certified in Snowflake."},
        "work": [
            {
                "name": "Nordwind Bank",
                "position": "Data Analyst",
                "startDate": "2019-04-01",
                "endDate": "2021-01-01",
            },
            {"name": "Google", "position": "Data Scientist", "startDate": "2021-02-01"},
        ],
        "skills": [{"name": "Data", "keywords": ["SQL", "Tableau", "Snowflake"]}],
    }
    httpserver.expect_request(OPENROUTER_PATH).respond_with_json(openrouter_answer(json.dumps(answer)))
    response = anon_client.post(
        "/api/v1/ai/generate/",
        {
            "model": "DeepSeek",
            "user_input": "Data Analyst at Nordwind Bank since 2019. I use SQL and Tableau.",
        },
    )
    assert response.status_code == 201, response.content
    content = response.json()["content"]
    # The visitor typed the employer, the title and 2019, not 2021: the end date goes.
    assert content["work"] == [
        {"name": "Nordwind Bank", "position": "Data Analyst", "startDate": "2019-04-01", "highlights": []}
    ]
    assert content["basics"]["label"] == "Data Analyst"
    assert content["skills"] == [{"name": "Data", "keywords": ["SQL", "Tableau"]}]
    assert content["basics"]["summary"] == "Analyst fluent in SQL."
    assert response.json()["resume_id"] is None
