"""The assistant pages: what a visitor and a signed-in user see, htmx partials, saving results."""

import pytest

from ai.models import AIRequest
from resumes.models import Resume

pytestmark = pytest.mark.django_db

HX = {"HTTP_HX_REQUEST": "true"}


def test_assistant_page_lists_features_and_models_with_quota(client, record, offline):
    client.force_login(record)
    page = client.get("/ai/").content.decode()
    for text in [
        "Write a resume",
        "Cover letter",
        "Tailor a resume",
        "Interview prep",
        "Offline",
        "Unlimited",
    ]:
        assert text in page
    assert "Unavailable" in page  # Gemini and DeepSeek have no key in tests
    assert "0 of 5" not in page and "5 of 5" in page


def test_generate_page_in_progress_indicator_and_htmx_result(client, record, offline):
    client.force_login(record)
    page = client.get("/ai/generate/").content.decode()
    assert 'hx-post="/ai/generate/"' in page and 'class="htmx-indicator' in page
    assert "Offline (unlimited)" in page and "Gemini" not in page.split("<select")[1].split("</select>")[0]

    response = client.post(
        "/ai/generate/", {"model": "Offline", "title": "Für Berlin", "user_input": "Stress Django."}, **HX
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Saved as the resume “Für Berlin”" in html
    assert "Müller &amp; Söhne GmbH" in html
    assert Resume.objects.filter(user=record, title="Für Berlin").exists()


def test_feature_page_shows_form_errors(client, record, offline):
    client.force_login(record)
    response = client.post("/ai/interview/", {"model": "Offline"})
    assert response.status_code == 400
    assert "Pick an application or paste a job description." in response.content.decode()
    assert AIRequest.objects.count() == 0


def test_tailor_result_can_be_saved_as_a_variant(client, record, resume, offline):
    client.force_login(record)
    html = client.post(
        "/ai/tailor/",
        {"model": "Offline", "resume": resume.pk, "job_description": "Django and Kubernetes."},
        **HX,
    ).content.decode()
    assert "Missing from your record (not added)" in html and "Kubernetes" in html
    token = html.split('action="/ai/drafts/')[1].split("/save/")[0]
    saved = client.post(f"/ai/drafts/{token}/save/", {"title": "Tailored for Fjord"}, **HX)
    assert "Saved as the variant “Tailored for Fjord”" in saved.content.decode()
    variant = Resume.objects.get(title="Tailored for Fjord")
    assert variant.variant_of == Resume.objects.get(user=record, is_auto=True)
    assert variant.content["skills"][0]["keywords"][0] == "Django"
    # A draft is saved once.
    assert "expired" in client.post(f"/ai/drafts/{token}/save/", {"title": "Again"}, **HX).content.decode()


def test_interview_questions_can_be_saved_to_an_application(client, record, application, offline):
    client.force_login(record)
    html = client.post(
        "/ai/interview/", {"model": "Offline", "application": application.pk}, **HX
    ).content.decode()
    assert "About the company" in html and "Why do you want to work at Fjord Logistics?" in html
    token = html.split('action="/ai/drafts/')[1].split("/save/")[0]
    client.post(f"/ai/drafts/{token}/save/", {"application": application.pk}, **HX)
    application.refresh_from_db()
    assert application.notes.startswith("Technical questions:")


def test_another_users_draft_is_not_found(client, record, other_user, resume, offline):
    client.force_login(record)
    html = client.post(
        "/ai/tailor/", {"model": "Offline", "resume": resume.pk, "job_description": "Django."}, **HX
    ).content.decode()
    token = html.split('action="/ai/drafts/')[1].split("/save/")[0]
    client.force_login(other_user)
    response = client.post(f"/ai/drafts/{token}/save/", {"title": "Stolen"})
    assert response.status_code == 302
    assert not Resume.objects.filter(title="Stolen").exists()


def test_login_only_features_redirect_visitors_and_limit_errors_show(client, offline):
    assert client.get("/ai/tailor/")["Location"].startswith("/login/")
    assert client.get("/ai/unknown/").status_code == 404
    offline.daily_limit = 1
    offline.save()
    data = {"model": "Offline", "job_description": "Python work.", "company_name": "Fjord"}
    assert client.post("/ai/interview/", data).status_code == 200
    response = client.post("/ai/interview/", data)
    assert response.status_code == 429
    assert "Daily limit: 1 request." in response.content.decode()


def test_dashboard_panel_shows_usage_and_quota(client, record, offline):
    client.force_login(record)
    client.post("/ai/interview/", {"model": "Offline", "job_description": "Python work."})
    page = client.get("/dashboard/").content.decode()
    assert "AI requests in the last 7 days" in page
    assert "Offline: unlimited" in page
