"""What the response cache saves: an AI call through the full service (limits, breaker, usage row)
answered from the cache, against the same call reaching a local fake speaking Gemini's wire format
through the real google-genai SDK."""

from django.core.cache import cache
from django.test import override_settings
from pytest_httpserver import HTTPServer

from resumate.bench import Result, timed

from . import gateway, prompts
from .models import AIModel

CALLS = 40
ANSWER = {
    "candidates": [
        {"content": {"role": "model", "parts": [{"text": "Ready."}]}, "finishReason": "STOP", "index": 0}
    ],
    "usageMetadata": {"promptTokenCount": 50, "candidatesTokenCount": 2, "totalTokenCount": 52},
}


def run():
    server = HTTPServer()
    server.start()
    server.expect_request("/v1beta/models/bench-model:generateContent").respond_with_json(ANSWER)
    model = AIModel.objects.create(
        display_name="Bench Gemini",
        model_name="bench-model",
        api_provider="google",
        api_key_name="GEMINI_API_KEY",
    )
    prompt = prompts.Prompt("interview", prompts.SYSTEM, "Say ready.")
    try:
        with override_settings(GEMINI_API_KEY="bench-key", GEMINI_BASE_URL=server.url_for("/")):
            gateway.complete(model=model, prompt=prompt)  # warm the SDK client

            def uncached():
                for _ in range(CALLS):
                    cache.clear()
                    gateway.complete(model=model, prompt=prompt)

            def cached():
                for _ in range(CALLS):
                    gateway.complete(model=model, prompt=prompt)

            uncached_ms = timed(uncached, repeat=3) / CALLS * 1000
            cache.clear()
            gateway.complete(model=model, prompt=prompt)
            cached_ms = timed(cached, repeat=3) / CALLS * 1000
    finally:
        server.clear()
        server.stop()
    return [
        Result(
            "gateway.complete() answered from the 24 h response cache",
            cached_ms,
            "ms/call",
            "same call to a local Gemini fake through google-genai",
            uncached_ms,
            f"{CALLS} calls x 3, median; both write an AIRequest row; "
            "a real Gemini call adds 1-10 s of model time",
        )
    ]
