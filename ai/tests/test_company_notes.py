"""Interview preparation reads the user's notes on the employer and the tracked posting."""

import json

import pytest

from conftest import client_for
from job_tracker.contacts.services import company_ensure, company_update
from job_tracker.tests.factories import make_posting

from .conftest import GEMINI_PATH, gemini_answer

pytestmark = pytest.mark.django_db
QUESTIONS = {"technical": [{"question": "Q?", "hint": "H"}], "behavioural": [], "company": []}


@pytest.fixture
def notes(record):
    company = company_ensure(user=record, name="fjord logistics")
    return company_update(
        company=company, notes="Ships salmon to 40 countries. Moving to event sourcing this year", size="450"
    )


def test_offline_company_questions_use_the_notes(record, application, offline, notes):
    response = client_for(record).post("/api/v1/ai/interview-questions/", {"application": application.pk})
    assert response.status_code == 200, response.content
    hints = " ".join(q["hint"] for q in response.json()["company"])
    # Quoted as the user wrote them (the writer's no-break space keeps the two sentences one quote).
    assert (
        "From your notes: “Ships salmon to 40 countries.\u00a0Moving to event sourcing this year”." in hints
    )
    assert "Size: 450." in hints


def test_without_notes_the_generic_hint_stays(record, application, offline):
    response = client_for(record).post("/api/v1/ai/interview-questions/", {"application": application.pk})
    hints = " ".join(q["hint"] for q in response.json()["company"])
    assert "Read the website and recent news" in hints


def test_a_remote_model_gets_the_notes_and_the_posting(record, application, gemini, notes, httpserver):
    gemini.fallback = None
    gemini.save()
    application.job_posting = make_posting(
        company_name="Fjord Logistics", url="https://jobs.example.com/fjord/7"
    )
    application.save()
    httpserver.expect_request(GEMINI_PATH, method="POST").respond_with_json(
        gemini_answer(json.dumps(QUESTIONS))
    )
    response = client_for(record).post(
        "/api/v1/ai/interview-questions/", {"model": "Gemini", "application": application.pk}
    )
    assert response.status_code == 200, response.content
    sent = json.dumps(httpserver.log[0][0].get_json(), ensure_ascii=False)
    assert "The candidate's own notes on the company" in sent
    assert "Ships salmon to 40 countries" in sent
    assert "https://jobs.example.com/fjord/7" in sent
