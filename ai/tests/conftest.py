"""AI test fixtures: a user with a real record, the seeded models, and fake Gemini / OpenRouter servers."""

import json
from datetime import date

import pytest

from ai.models import AIModel
from job_tracker.models import JobApplication
from resumes.models import Achievement, Resume, Skill

GEMINI_PATH = "/v1beta/models/gemini-2.5-flash:generateContent"
OPENROUTER_PATH = "/api/v1/chat/completions"
LOCAL_PATH = "/v1/chat/completions"
GEMINI_STREAM_PATH = "/v1beta/models/gemini-2.5-flash:streamGenerateContent"


def gemini_answer(text, prompt_tokens=120, completion_tokens=80):
    """generateContent's response body."""
    return {
        "candidates": [
            {"content": {"role": "model", "parts": [{"text": text}]}, "finishReason": "STOP", "index": 0}
        ],
        "usageMetadata": {
            "promptTokenCount": prompt_tokens,
            "candidatesTokenCount": completion_tokens,
            "totalTokenCount": prompt_tokens + completion_tokens,
        },
        "modelVersion": "gemini-2.5-flash",
    }


def gemini_error(code, status):
    return {"error": {"code": code, "message": f"fake {status}", "status": status}}


def openrouter_answer(text, prompt_tokens=90, completion_tokens=60):
    """An OpenAI-style chat completion as OpenRouter returns it."""
    return {
        "id": "gen-123",
        "object": "chat.completion",
        "created": 1_763_000_000,
        "model": "deepseek/deepseek-chat",
        "provider": "DeepSeek",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
                "native_finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def sse(events) -> str:
    """A server-sent events body: one ``data:`` line per event, a blank line after each."""
    return "".join(
        f"data: {e if isinstance(e, str) else json.dumps(e, ensure_ascii=False)}\n\n" for e in events
    )


def openai_stream_events(pieces, *, usage=(40, 12)):
    """chat.completion.chunk objects as OpenAI-compatible servers stream them, ending in [DONE]."""
    head = {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1_763_000_000,
        "model": "llama3.2",
    }
    events = [{**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}}]}]
    events += [
        {**head, "choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]} for p in pieces
    ]
    events.append({**head, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
    if usage:
        events.append(
            {**head, "choices": [], "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1]}}
        )
    return [*events, "[DONE]"]


def gemini_stream_events(pieces, prompt_tokens=50, completion_tokens=20):
    """streamGenerateContent?alt=sse events: partial candidates, usage on the last one."""
    events = []
    for index, piece in enumerate(pieces):
        event = {
            "candidates": [{"content": {"role": "model", "parts": [{"text": piece}]}, "index": 0}],
            "modelVersion": "gemini-2.5-flash",
        }
        if index == len(pieces) - 1:
            event["candidates"][0]["finishReason"] = "STOP"
            event["usageMetadata"] = {
                "promptTokenCount": prompt_tokens,
                "candidatesTokenCount": completion_tokens,
                "totalTokenCount": prompt_tokens + completion_tokens,
            }
        events.append(event)
    return events


@pytest.fixture(autouse=True)
def fast_ai(settings):
    """Tiny back-off and timeouts so retry and breaker tests stay fast."""
    settings.AI_BACKOFF_SECONDS = 0.01
    settings.AI_REQUEST_TIMEOUT_SECONDS = 2.0
    settings.AI_TOTAL_TIMEOUT_SECONDS = 5.0
    settings.AI_MAX_RETRIES = 2
    settings.AI_BREAKER_FAILURES = 3
    settings.AI_BREAKER_COOLDOWN_SECONDS = 60
    settings.GEMINI_API_KEY = ""
    settings.OPENROUTER_API_KEY = ""


@pytest.fixture
def offline(db):
    return AIModel.objects.get(display_name="Offline")


@pytest.fixture
def gemini(db, settings, httpserver):
    settings.GEMINI_API_KEY = "test-gemini-key"
    settings.GEMINI_BASE_URL = httpserver.url_for("/")
    return AIModel.objects.get(display_name="Gemini")


@pytest.fixture
def deepseek(db, settings, httpserver):
    settings.OPENROUTER_API_KEY = "test-openrouter-key"
    settings.OPENROUTER_BASE_URL = httpserver.url_for("/api/v1")
    return AIModel.objects.get(display_name="DeepSeek")


@pytest.fixture
def local(db, httpserver):
    """The seeded "Local" model, activated and pointed at a fake OpenAI-compatible server."""
    model = AIModel.objects.get(display_name="Local")
    model.base_url = httpserver.url_for("/v1")
    model.is_active = True
    model.save()
    return model


@pytest.fixture
def record(user):
    """A realistic record: two jobs (one in a German company), a degree, a project, skill rows."""
    user.first_name, user.last_name, user.headline = "Zoë", "Brontë", "Backend Developer"
    user.save()
    Achievement.objects.create(
        user=user,
        type="job",
        title="Backend Developer",
        organization="Acme Analytics",
        start_date=date(2021, 3, 1),
        description="Own the reporting API and its data pipeline.",
        skills=["Python", "Django", "PostgreSQL"],
        highlights=[
            "Cut API latency by 40% by adding Redis caching",
            "Led the move of 12 services to Docker",
        ],
    )
    Achievement.objects.create(
        user=user,
        type="job",
        title="Junior Developer",
        organization="Müller & Söhne GmbH",
        start_date=date(2018, 6, 1),
        end_date=date(2021, 2, 28),
        description="Front-end work on the customer portal.",
        skills=["JavaScript", "React"],
        highlights=["Built a customer dashboard used by 3,000 people"],
    )
    Achievement.objects.create(
        user=user,
        type="degree",
        title="BSc Computer Science",
        organization="Universität Wien",
        start_date=date(2014, 10, 1),
        end_date=date(2018, 6, 30),
    )
    Achievement.objects.create(
        user=user,
        type="project",
        title="csv2sql",
        organization="",
        skills=["Python"],
        description="Command-line tool that loads CSV files into SQL databases.",
        highlights=["200 stars on GitHub"],
        start_date=date(2020, 1, 1),
    )
    for name, category in [
        ("Python", "programming_language"),
        ("JavaScript", "programming_language"),
        ("Django", "framework"),
        ("React", "framework"),
        ("PostgreSQL", "database"),
        ("Docker", "cloud_devops"),
    ]:
        Skill.objects.create(user=user, name=name, category=category)
    return user


@pytest.fixture
def resume(record):
    """A manual resume with the user's real history (as the auto builder would write it)."""
    content = {
        "basics": {"name": "Zoë Brontë", "label": "Backend Developer", "summary": "Backend developer."},
        "work": [
            {
                "name": "Acme Analytics",
                "position": "Backend Developer",
                "startDate": "2021-03-01",
                "endDate": "",
                "highlights": [
                    "Led the move of 12 services to Docker",
                    "Cut API latency by 40% by adding Redis caching",
                ],
            },
            {
                "name": "Müller & Söhne GmbH",
                "position": "Junior Developer",
                "startDate": "2018-06-01",
                "endDate": "2021-02-28",
                "highlights": ["Built a customer dashboard used by 3,000 people"],
            },
        ],
        "education": [
            {
                "institution": "Universität Wien",
                "area": "BSc Computer Science",
                "studyType": "Degree",
                "startDate": "2014-10-01",
                "endDate": "2018-06-30",
            },
        ],
        "skills": [
            {"name": "Languages", "keywords": ["Python", "JavaScript"]},
            {"name": "Web", "keywords": ["React"]},
        ],
    }
    return Resume.objects.create(user=record, title="My resume", content=content)


@pytest.fixture
def application(record):
    return JobApplication.objects.create(
        user=record,
        job_title="Senior Python Engineer",
        company_name="Fjord Logistics",
        original_job_description=(
            "You will build our shipment tracking platform with Python, Django and PostgreSQL. "
            "Experience with Kubernetes and AWS is required. We value clear communication."
        ),
    )


def as_json(value) -> str:
    return json.dumps(value, ensure_ascii=False)
