"""Your own model: the OpenAI-compatible provider against a local fake chat-completions server,
with and without ``response_format`` support, keys by name, and the admin's "Test this model"."""

import json

import pytest
from werkzeug import Response

from ai.models import AIModel, AIRequest, is_local_url
from conftest import client_for

from .conftest import LOCAL_PATH, openrouter_answer
from .test_providers import QUESTIONS, ask

pytestmark = pytest.mark.django_db


def chat_answer(text, prompt_tokens=64, completion_tokens=32):
    return {**openrouter_answer(text, prompt_tokens, completion_tokens), "model": "llama3.2"}


def rejecting_json_mode(answer_text):
    """A server like older llama.cpp builds: 400 when response_format is sent, an answer otherwise."""

    def handler(request):
        if "response_format" in request.get_json():
            body = {
                "error": {"message": "Unrecognized request argument supplied: response_format", "code": 400}
            }
            return Response(json.dumps(body), status=400, content_type="application/json")
        return Response(json.dumps(chat_answer(answer_text)), content_type="application/json")

    return handler


def test_local_model_answers_in_json_mode_without_a_key(record, local, httpserver):
    local.fallback = None
    local.save()
    httpserver.expect_oneshot_request(LOCAL_PATH, method="POST").respond_with_json(
        chat_answer(json.dumps(QUESTIONS), 210, 90)
    )
    response = ask(client_for(record), "Local")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["technical"] == QUESTIONS["technical"] and body["model"] == "Local"

    request, _ = httpserver.log[0]
    assert "Authorization" not in request.headers  # a local server needs no key
    sent = request.get_json()
    assert sent["model"] == "llama3.2" and "stream" not in sent
    assert sent["response_format"] == {"type": "json_object"}
    assert "Acme Analytics" in sent["messages"][1]["content"]
    row = AIRequest.objects.get()
    assert (row.model, row.status, row.prompt_tokens, row.completion_tokens) == (local, "success", 210, 90)


def test_a_server_rejecting_response_format_is_asked_again_without_it_and_remembered(
    record, local, httpserver
):
    chatty = (
        "Sure! Here are the questions:\n```json\n" + json.dumps(QUESTIONS) + "\n```\nGood luck {candidate}!"
    )
    httpserver.expect_request(LOCAL_PATH, method="POST").respond_with_handler(rejecting_json_mode(chatty))

    first = ask(client_for(record), "Local")
    assert first.status_code == 200, first.content
    assert first.json()["model"] == "Local" and first.json()["company"] == QUESTIONS["company"]
    sent = [request.get_json() for request, _ in httpserver.log]
    assert ["response_format" in body for body in sent] == [True, False]
    # The JSON instruction stays in the prompt when JSON mode is off.
    assert "Answer with one JSON object" in sent[1]["messages"][1]["content"]
    assert AIRequest.objects.get().attempts == 1  # the repeat without JSON mode is not a retry

    second = ask(client_for(record), "Local", job_description="Go and Kubernetes backend work.")
    assert second.status_code == 200 and second.json()["model"] == "Local"
    assert len(httpserver.log) == 3 and "response_format" not in httpserver.log[2][0].get_json()


def test_json_mode_off_in_the_model_settings_is_never_sent(record, local, httpserver):
    local.supports_response_format = False
    local.save()
    httpserver.expect_request(LOCAL_PATH, method="POST").respond_with_handler(
        rejecting_json_mode("Answer: " + json.dumps(QUESTIONS))
    )
    response = ask(client_for(record), "Local")
    assert response.status_code == 200 and response.json()["model"] == "Local"
    assert len(httpserver.log) == 1 and "response_format" not in httpserver.log[0][0].get_json()


def test_an_answer_that_is_not_json_is_refused_and_the_fallback_answers(record, local, httpserver):
    httpserver.expect_request(LOCAL_PATH, method="POST").respond_with_handler(
        rejecting_json_mode("I would ask about Python {and Django} but I cannot format that.")
    )
    response = ask(client_for(record), "Local")
    assert response.status_code == 200 and response.json()["model"] == "Offline"
    failed = AIRequest.objects.get(model=local)
    assert failed.status == "error" and failed.error.startswith("unusable answer: invalid JSON")


def test_ollama_style_error_body_is_reported(record, local, httpserver, settings):
    settings.AI_MAX_RETRIES = 0
    httpserver.expect_request(LOCAL_PATH).respond_with_json({"error": "model 'llama3.2' not found"}, 404)
    response = ask(client_for(record), "Local")
    assert response.json()["model"] == "Offline"
    assert AIRequest.objects.get(model=local).error == "HTTP 404: model 'llama3.2' not found"


def test_a_remote_base_url_needs_the_key_named_on_the_model(record, local, httpserver, settings, monkeypatch):
    # Same fake server, reached by a public-looking name: now a key is required.
    local.base_url = httpserver.url_for("/v1").replace("localhost", "llm.example.com")
    local.api_key_name = "LOCAL_LLM_API_KEY"
    local.save()
    assert not local.is_available
    response = ask(client_for(record), "Local")
    assert response.json()["model"] == "Offline"
    assert AIRequest.objects.get(model=local).error == "LOCAL_LLM_API_KEY is not set"

    monkeypatch.setenv("LOCAL_LLM_API_KEY", "sk-own-server")
    local.base_url = httpserver.url_for("/v1")
    local.save()
    httpserver.expect_request(LOCAL_PATH).respond_with_json(chat_answer(json.dumps(QUESTIONS)))
    response = ask(client_for(record), "Local", job_description="Django work.")
    assert response.json()["model"] == "Local"
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer sk-own-server"


def test_only_settings_named_like_api_keys_are_read(db, settings):
    settings.SECRET_KEY = "do-not-leak"
    model = AIModel(display_name="X", model_name="m", api_provider="openai", base_url="https://x.example/v1")
    model.api_key_name = "SECRET_KEY"
    assert model.api_key == "" and not model.configured
    with pytest.raises(Exception) as caught:
        model.full_clean()
    assert "api_key_name" in caught.value.message_dict


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("http://127.0.0.1:11434/v1", True),
        ("http://localhost:1234/v1", True),
        ("http://[::1]:8080/v1", True),
        ("http://192.168.1.20:8000/v1", True),
        ("http://10.0.0.7/v1", True),
        ("http://host.docker.internal:11434/v1", True),
        ("http://ollama:11434/v1", True),
        ("https://api.together.xyz/v1", False),
        ("https://8.8.8.8/v1", False),
        ("", False),
    ],
)
def test_what_counts_as_a_local_server(url, local):
    assert is_local_url(url) is local


def test_seeded_local_model_is_inactive_and_points_at_ollama(db):
    model = AIModel.objects.get(display_name="Local")
    assert (model.api_provider, model.base_url, model.is_active) == (
        "openai",
        "http://127.0.0.1:11434/v1",
        False,
    )
    assert model.configured and not model.needs_key and model.fallback.display_name == "Offline"


def test_admin_test_this_model_shows_latency_even_while_inactive(admin_client, local, httpserver):
    local.is_active = False
    local.save()
    httpserver.expect_oneshot_request(LOCAL_PATH).respond_with_json(chat_answer("OK"))
    page = admin_client.get(f"/admin/ai/aimodel/{local.pk}/change/").content.decode()
    assert f'action="/admin/ai/aimodel/{local.pk}/test/"' in page and "Test this model" in page

    response = admin_client.post(f"/admin/ai/aimodel/{local.pk}/test/", follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and messages[0].startswith("Local answered in ") and "ms: “OK”" in messages[0]
    sent = httpserver.log[0][0].get_json()
    assert (
        sent["messages"][1]["content"] == "Reply with the single word OK." and "response_format" not in sent
    )
    row = AIRequest.objects.get()
    assert (row.feature, row.status, row.model) == ("model_test", "success", local)


def test_admin_test_this_model_shows_the_error_and_does_not_fall_back(
    admin_client, local, httpserver, settings
):
    settings.AI_MAX_RETRIES = 0
    httpserver.expect_request(LOCAL_PATH).respond_with_json({"error": "model 'llama3.2' not found"}, 404)
    response = admin_client.post(f"/admin/ai/aimodel/{local.pk}/test/", follow=True)
    messages = [(m.level_tag, str(m)) for m in response.context["messages"]]
    assert messages == [("error", "Local did not answer: HTTP 404: model 'llama3.2' not found")]
    assert list(AIRequest.objects.values_list("model_display_name", flat=True)) == ["Local"]


def test_admin_test_action_for_several_models(admin_client, offline, settings):
    gemini = AIModel.objects.get(display_name="Gemini")  # no key in tests
    response = admin_client.post(
        "/admin/ai/aimodel/",
        {"action": "test_models", "_selected_action": [offline.pk, gemini.pk]},
        follow=True,
    )
    messages = sorted(str(m) for m in response.context["messages"])
    assert messages[0] == "Gemini did not answer: GEMINI_API_KEY is not set"
    assert messages[1].startswith("Offline answered in ") and messages[1].endswith("“OK”")


def test_test_this_model_is_post_only_and_staff_only(client, admin_client, local, user):
    assert admin_client.get(f"/admin/ai/aimodel/{local.pk}/test/").status_code == 405
    client.force_login(user)
    response = client.post(f"/admin/ai/aimodel/{local.pk}/test/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert AIRequest.objects.count() == 0
