"""PDF renders cannot occupy every worker: caps on text, on the resume, on pages; a lock; throttles."""

import pytest
from django.core.cache import cache
from rest_framework.throttling import SimpleRateThrottle

from resumes.models import Resume

from .export_data import UNICODE_RESUME
from .test_export_pdf import pdf_pages, pdf_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def resume(user):
    return Resume.objects.create(user=user, title="CV", content=UNICODE_RESUME)


def page_pdf(resume):
    return f"/resumes/{resume.pk}/export/?template=classic&paper=a4&format=pdf"


def test_the_page_download_shares_the_apis_per_user_pdf_rate(client, api_client, user, resume, monkeypatch):
    # DRF reads the rates once, into the throttle class.
    monkeypatch.setitem(SimpleRateThrottle.THROTTLE_RATES, "resume_pdf", "2/minute")
    client.force_login(user)
    assert client.get(page_pdf(resume)).status_code == 200
    assert api_client.get(pdf_url(resume)).status_code == 200
    limited = client.get(page_pdf(resume))
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert api_client.get(pdf_url(resume)).status_code == 429


def test_one_render_per_user_at_a_time(api_client, user, resume):
    cache.add(f"resume-pdf:rendering:{user.pk}", 1, timeout=30)  # a render of theirs is running
    response = api_client.get(pdf_url(resume))
    assert response.status_code == 429
    assert response.json()["code"] == "render_in_progress" and response["Retry-After"] == "5"
    cache.delete(f"resume-pdf:rendering:{user.pk}")
    assert api_client.get(pdf_url(resume)).status_code == 200


def test_each_text_field_is_capped_and_an_oversize_resume_is_refused(api_client, user, settings):
    settings.PDF_MAX_FIELD_CHARS = 300
    long_summary = "Wordy " * 2000
    resume = Resume.objects.create(
        user=user,
        title="CV",
        content={**UNICODE_RESUME, "basics": {**UNICODE_RESUME["basics"], "summary": long_summary}},
    )
    response = api_client.get(pdf_url(resume))
    assert response.status_code == 200
    text = " ".join(pdf_pages(response.content))
    assert text.count("Wordy") < 60  # ~300 characters of it, not 12,000

    settings.PDF_MAX_CONTENT_BYTES = 5_000
    cache.clear()  # what was rendered before stays servable; a fresh render is what is refused
    refused = api_client.get(pdf_url(resume))
    assert refused.status_code == 413 and refused.json()["code"] == "resume_too_large"


def test_a_resume_rendering_past_the_page_cap_is_refused_and_not_rendered_again(
    api_client, user, resume, settings, monkeypatch
):
    settings.PDF_MAX_PAGES = 0
    first = api_client.get(pdf_url(resume))
    assert first.status_code == 413 and "pages" in first.json()["detail"]

    from resumes.exporters import pdf as pdf_module

    def must_not_render(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(pdf_module, "render_pdf", must_not_render)
    assert api_client.get(pdf_url(resume)).status_code == 413


def test_the_export_pages_ats_panel_waits_for_a_running_render(client, user, resume):
    # The page's one-page preview and ATS panel load together and render the same resume.
    client.force_login(user)
    cache.add(f"resume-pdf:rendering:{user.pk}", 1, timeout=30)
    busy = client.get(f"/resumes/{resume.pk}/export/ats/?template=ats")
    assert busy.status_code == 200
    assert (
        "trying again in a moment" in busy.content.decode()
        and 'hx-trigger="load delay:3s"' in busy.content.decode()
    )
    cache.delete(f"resume-pdf:rendering:{user.pk}")
    assert "Content checks" in client.get(f"/resumes/{resume.pk}/export/ats/?template=ats").content.decode()
