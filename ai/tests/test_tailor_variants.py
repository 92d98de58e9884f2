"""Tailoring saves a variant: rules over the achievements, so later achievements still reach it."""

import pytest

from conftest import client_for
from job_tracker.models import JobApplication
from resumes import services as resume_services
from resumes.models import Resume

pytestmark = pytest.mark.django_db


def _work(resume):
    resume.refresh_from_db()
    return {(w["name"], w["position"]): w for w in resume.content["work"]}


def test_tailor_for_an_application_saves_a_variant_that_follows_later_achievements(
    record, resume, application, offline, django_capture_on_commit_callbacks
):
    client = client_for(record)
    response = client.post("/api/v1/ai/tailor/", {"resume": resume.pk, "application": application.pk})
    assert response.status_code == 201, response.content
    body = response.json()
    variant = Resume.objects.get(pk=body["resume_id"])
    main = Resume.objects.get(user=record, is_auto=True)
    assert (
        variant.variant_of == main
        and variant.title == "Tailored for Senior Python Engineer at Fjord Logistics"
    )
    assert body["application_id"] == application.pk and body["content"] == variant.content

    # The tailoring's order, summary and rewordings are the variant's definition and overrides.
    acme = next(a for a in record.achievements.all() if a.organization == "Acme Analytics")
    assert variant.definition["include_ids"][0] == acme.pk
    assert variant.definition["skills_first"][:3] == ["Python", "Django", "PostgreSQL"]
    summary = {
        o["text"] for o in variant.overrides if o["achievement"] == acme.pk and o["field"] == "summary"
    }
    assert summary and all("Python, Django, PostgreSQL" in text for text in summary)
    assert variant.content["work"][0]["name"] == "Acme Analytics"
    assert variant.content["work"][0]["summary"] == next(iter(summary))

    # The application records the variant it goes out with, and how well it fits.
    application.refresh_from_db()
    assert application.resume_used == variant
    assert application.resume_score is not None and application.resume_score_sent is None
    response = client.patch(f"/api/v1/applications/{application.pk}/", {"status": "applied"}, format="json")
    assert response.status_code == 200
    sent = response.json()["resume_score_sent"]
    assert sent == response.json()["resume_score"] == application.resume_score

    # A later achievement lands in the variant; the wording stays; the fit is recomputed.
    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            "/api/v1/achievements/",
            {
                "type": "job", "title": "Platform Engineer", "organization": "Nordlicht",
                "start_date": "2024-05-01", "skills": ["Kubernetes", "AWS", "Python"],
            },
            format="json",
        )  # fmt: skip
    assert created.status_code == 201
    work = _work(variant)
    assert ("Nordlicht", "Platform Engineer") in work
    assert work[("Acme Analytics", "Backend Developer")]["summary"] == next(iter(summary))
    application.refresh_from_db()
    assert application.resume_score > sent and application.resume_score_sent == sent


def test_tailor_with_a_title_saves_a_variant_and_an_unsaved_one_saves_nothing(record, resume, offline):
    client = client_for(record)
    body = client.post(
        "/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": "Django and React work."}
    ).json()
    assert body["resume_id"] is None and not Resume.objects.filter(variant_of__isnull=False).exists()
    body = client.post(
        "/api/v1/ai/tailor/", {"resume": resume.pk, "job_description": "React work.", "title": "Frontend"}
    ).json()
    variant = Resume.objects.get(pk=body["resume_id"])
    assert variant.title == "Frontend" and variant.kind == "variant"
    assert variant.content["work"][0]["name"] == "Müller & Söhne GmbH"  # the React job leads


def test_tailor_does_not_rewrite_what_a_sent_application_went_out_with(record, resume, application, offline):
    application.resume_used, application.status = resume, "applied"
    application.save()
    body = (
        client_for(record)
        .post("/api/v1/ai/tailor/", {"resume": resume.pk, "application": application.pk})
        .json()
    )
    application.refresh_from_db()
    assert body["resume_id"] and application.resume_used == resume


def test_tailor_for_another_users_application_is_refused(record, resume, other_user, offline):
    theirs = JobApplication.objects.create(user=other_user, job_title="X", company_name="Y")
    response = client_for(record).post("/api/v1/ai/tailor/", {"resume": resume.pk, "application": theirs.pk})
    assert response.status_code == 400 and "application" in response.json()["errors"]
    assert not Resume.objects.filter(variant_of__isnull=False).exists()


def test_rebuild_rescores_only_applications_of_rebuilt_resumes(record, resume, application, offline):
    main = resume_services.rebuild_resume(user=record)
    application.resume_used = main
    application.save()
    other = JobApplication.objects.create(user=record, job_title="Z", company_name="Q", resume_used=resume)
    resume_services.rebuild_resume(user=record)
    application.refresh_from_db()
    other.refresh_from_db()
    assert application.resume_score is not None and other.resume_score is None
