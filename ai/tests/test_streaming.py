"""The cover letter as it is written: server-sent events from the offline writer, Gemini's
``streamGenerateContent?alt=sse`` and OpenAI-compatible ``stream: true``, with the gateway's rules."""

import json

import pytest
from django.test import Client
from werkzeug import Response

from ai.models import AIRequest

from .conftest import (
    GEMINI_STREAM_PATH,
    LOCAL_PATH,
    gemini_error,
    gemini_stream_events,
    openai_stream_events,
    sse,
)

pytestmark = pytest.mark.django_db


def client_for(user):
    """A browser session (the page is for signed-in people, not API tokens)."""
    client = Client()
    client.force_login(user)
    return client


LETTER = [
    "Dear Fjord Logistics hiring team,\n\n",
    "I am applying for the Senior Python Engineer position at Fjord Logistics. ",
    "As Backend Developer at Acme Analytics, I cut API latency by 40% by adding Redis caching, ",
    "and I led the move of 12 services to Docker.\n\n",
    "Thank you for your time. I would welcome the chance to talk about how I can help Fjord Logistics.\n\n",
    "Kind regards,\nZoë Brontë",
]


def events_of(response) -> list[tuple[str, dict]]:
    assert response["Content-Type"].startswith("text/event-stream")
    assert response["X-Accel-Buffering"] == "no"
    body = b"".join(response.streaming_content).decode()
    events = []
    for block in body.split("\n\n"):
        if block.strip():
            name, data = block.split("\n", 1)
            events.append((name.removeprefix("event: "), json.loads(data.removeprefix("data: "))))
    return events


def post(client, application, model="Offline"):
    return client.post("/ai/cover-letter/stream/", {"model": model, "application": application.pk})


def test_offline_letter_streams_sentence_by_sentence_and_is_saved_once(record, application, offline):
    offline.daily_limit = 3
    offline.save()
    events = events_of(post(client_for(record), application))
    chunks = [data["text"] for name, data in events if name == "chunk"]
    assert len(chunks) > 5 and all(chunks)
    assert [name for name, _ in events][-1] == "done"

    application.refresh_from_db()
    assert "".join(chunks) == application.cover_letter
    assert application.cover_letter.startswith("Dear Fjord Logistics hiring team,")
    done = events[-1][1]["html"]
    assert "Saved on" in done and "Written by <strong>Offline</strong>" in done and "2 left today" in done
    row = AIRequest.objects.get()
    assert (row.feature, row.status, row.user) == ("cover_letter", "success", record)


def test_a_pasted_job_streams_and_offers_to_save_the_draft(record, application, offline):
    response = client_for(record).post(
        "/ai/cover-letter/stream/",
        {
            "model": "Offline",
            "job_title": "Frontend Dev",
            "company_name": "Nordlicht",
            "job_description": "React.",
        },
    )
    events = events_of(response)
    assert events[-1][0] == "done"
    assert "/ai/drafts/" in events[-1][1]["html"] and 'name="csrfmiddlewaretoken"' in events[-1][1]["html"]
    application.refresh_from_db()
    assert application.cover_letter == ""


def test_gemini_streams_over_sse_through_the_sdk(record, application, gemini, httpserver):
    httpserver.expect_oneshot_request(
        GEMINI_STREAM_PATH, method="POST", query_string="alt=sse"
    ).respond_with_data(sse(gemini_stream_events(LETTER, 70, 55)), content_type="text/event-stream")
    events = events_of(post(client_for(record), application, "Gemini"))
    assert [data["text"] for name, data in events if name == "chunk"] == LETTER
    assert events[-1][0] == "done"
    application.refresh_from_db()
    assert application.cover_letter == "".join(LETTER)
    request, _ = httpserver.log[0]
    assert request.headers["x-goog-api-key"] == "test-gemini-key"
    row = AIRequest.objects.get()
    assert (row.model.display_name, row.status, row.prompt_tokens, row.completion_tokens) == (
        "Gemini",
        "success",
        70,
        55,
    )


def test_openai_compatible_streams_chunks_until_done(record, application, local, httpserver):
    httpserver.expect_oneshot_request(LOCAL_PATH, method="POST").respond_with_data(
        sse(openai_stream_events(LETTER, usage=(40, 12))), content_type="text/event-stream"
    )
    events = events_of(post(client_for(record), application, "Local"))
    assert [data["text"] for name, data in events if name == "chunk"] == LETTER
    sent = httpserver.log[0][0].get_json()
    assert sent["stream"] is True and "response_format" not in sent  # a letter is plain text
    application.refresh_from_db()
    assert application.cover_letter == "".join(LETTER)
    row = AIRequest.objects.get()
    assert (row.model, row.status, row.prompt_tokens, row.completion_tokens) == (local, "success", 40, 12)


def test_a_model_failing_before_its_first_piece_falls_back(record, application, gemini, offline, httpserver):
    httpserver.expect_request(GEMINI_STREAM_PATH).respond_with_json(gemini_error(500, "INTERNAL"), 500)
    events = events_of(post(client_for(record), application, "Gemini"))
    assert events[-1][0] == "done" and "standing in for Gemini" in events[-1][1]["html"]
    statuses = list(AIRequest.objects.order_by("id").values_list("model_display_name", "status", "attempts"))
    assert statuses == [("Gemini", "error", 3), ("Offline", "success", 1)]  # retried, then the fallback


def test_a_stream_breaking_off_keeps_what_was_shown_but_saves_nothing(record, application, local, httpserver):
    local.daily_limit = 2
    local.save()

    def broken(request):
        def body():
            yield sse(openai_stream_events(LETTER[:2], usage=None)[:-2])
            yield 'data: {"error": {"message": "model crashed", "code": 500}}\n\n'

        return Response(body(), content_type="text/event-stream")

    httpserver.expect_request(LOCAL_PATH).respond_with_handler(broken)
    events = events_of(post(client_for(record), application, "Local"))
    assert [data["text"] for name, data in events if name == "chunk"] == LETTER[:2]  # no fallback mid-way
    assert events[-1][0] == "error" and "broke off" in events[-1][1]["html"]
    application.refresh_from_db()
    assert application.cover_letter == ""
    row = AIRequest.objects.get()
    assert row.status == "error" and row.error.startswith("interrupted: HTTP 500: model crashed")
    page = client_for(record).get("/ai/").content.decode()
    assert "2 of 2" in page  # the failed stream was not counted


def test_a_repeated_request_is_streamed_from_the_cache(record, application, offline):
    client = client_for(record)
    first = "".join(d["text"] for n, d in events_of(post(client, application)) if n == "chunk")
    second = events_of(post(client, application))
    assert "".join(d["text"] for n, d in second if n == "chunk") == first
    assert "from cache" in second[-1][1]["html"]
    assert list(AIRequest.objects.order_by("id").values_list("status", flat=True)) == ["success", "cached"]


def test_form_errors_and_the_daily_limit_answer_at_once_without_a_stream(record, application, offline):
    client = client_for(record)
    response = client.post("/ai/cover-letter/stream/", {"model": "Offline"})
    assert response["Content-Type"].startswith("text/html")
    assert "Pick an application or paste a job description." in response.content.decode()

    offline.daily_limit = 1
    offline.save()
    events_of(post(client, application))
    response = post(client, application)
    assert response["Content-Type"].startswith("text/html")
    assert "Daily limit of 1 requests to Offline reached." in response.content.decode()
    assert AIRequest.objects.count() == 1


def test_stream_needs_a_signed_in_post(client, record, application, offline):
    assert client.post("/ai/cover-letter/stream/", {"application": application.pk}).status_code == 302
    client.force_login(record)
    assert client.get("/ai/cover-letter/stream/").status_code == 405


def test_the_cover_letter_page_loads_the_stream_script_and_keeps_a_plain_form(client, record, offline):
    client.force_login(record)
    page = client.get("/ai/cover-letter/").content.decode()
    assert 'data-stream-url="/ai/cover-letter/stream/"' in page and "/static/js/ai-stream" in page
    assert 'action="/ai/cover-letter/"' in page  # without script the form still posts
    assert "ai-stream" not in client.get("/ai/tailor/").content.decode()
