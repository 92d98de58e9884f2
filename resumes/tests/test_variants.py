"""Variants through the API: rules over the same achievements, rebuilt with the main resume."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from conftest import client_for
from resumes import services
from resumes.models import Achievement, AchievementType, Resume
from resumes.tests.factories import AchievementFactory, ResumeFactory

pytestmark = pytest.mark.django_db


def _main(user):
    return services.get_auto_resume(user=user)


def _positions(resume):
    resume.refresh_from_db()
    return [w["position"] for w in resume.content.get("work", [])]


def _create(client, main, **body):
    response = client.post(f"/api/v1/resumes/{main.pk}/variants/", body, format="json")
    assert response.status_code == 201, response.content
    return Resume.objects.get(pk=response.json()["id"])


@pytest.fixture
def record(user, commit):
    """Backend and teaching work across the years, tagged; rebuilt once."""

    def add(**fields):
        return commit(services.achievement_create, user=user, **fields)

    rows = {
        "api": add(
            type="job",
            title="Backend Developer",
            organization="Kiwi.com",
            location="Brno",
            start_date="2021-03-01",
            skills=["Python", "Django", "PostgreSQL"],
            tags=["Backend", " backend "],
            highlights=["Cut p95 latency by 40%", "Moved 12 services to Docker"],
            description="Own the booking API at Kiwi.com.",
        ),
        "old": add(
            type="job",
            title="PHP Developer",
            organization="Webnode",
            start_date="2010-01-01",
            end_date="2013-06-30",
            skills=["PHP"],
            tags=["backend"],
        ),
        "teach": add(
            type="job",
            title="Python Lecturer",
            organization="Czechitas",
            start_date="2019-09-01",
            end_date="2020-06-30",
            skills=["Python", "Teaching"],
            tags=["teaching"],
        ),
        "degree": add(
            type="degree",
            title="Computer Science",
            organization="ČVUT",
            start_date="2014-09-01",
            end_date="2018-06-30",
        ),
    }
    return rows


def test_achievement_tags_are_normalised_validated_and_filterable(api_client, record):
    assert record["api"].tags == ["backend"]
    response = api_client.get("/api/v1/achievements/?tag=Backend")
    assert {a["title"] for a in response.json()["results"]} == {"Backend Developer", "PHP Developer"}
    assert api_client.get("/api/v1/achievements/?tag=teaching").json()["count"] == 1
    assert api_client.get("/api/v1/achievements/?tag=back").json()["count"] == 0

    bad = api_client.patch(f"/api/v1/achievements/{record['api'].pk}/", {"tags": ['say "hi"']}, format="json")
    assert bad.status_code == 400 and "tags" in bad.json()["errors"]
    bad = api_client.patch(f"/api/v1/achievements/{record['api'].pk}/", {"tags": "backend"}, format="json")
    assert bad.status_code == 400 and "tags" in bad.json()["errors"]
    record["api"].refresh_from_db()
    assert record["api"].tags == ["backend"]


def test_a_variant_selects_by_tag_and_date_window_and_orders_pinned_first(api_client, user, record):
    main = _main(user)
    backend = _create(api_client, main, title="Backend", definition={"include_tags": ["backend"]})
    assert _positions(backend) == ["Backend Developer", "PHP Developer"]
    assert backend.content["education"] == []  # the degree carries no tag

    recent = _create(
        api_client,
        main,
        definition={"date_from": "2015-01", "types": ["job", "degree"], "sections": ["work", "education"]},
    )
    assert _positions(recent) == ["Backend Developer", "Python Lecturer"]
    assert [e["institution"] for e in recent.content["education"]] == ["ČVUT"]  # ends 2018, after 2015
    assert "skills" not in recent.content and recent.content["meta"]["sections"] == ["work", "education"]

    until = _create(api_client, main, definition={"date_to": "2012-12-31"})
    assert _positions(until) == ["PHP Developer"]

    pinned = _create(
        api_client, main, definition={"include_ids": [record["teach"].pk], "exclude_ids": [record["old"].pk]}
    )
    assert _positions(pinned) == ["Python Lecturer", "Backend Developer"]
    meta = pinned.content["meta"]["variant"]
    assert record["old"].pk in meta["excluded"] and record["teach"].pk in meta["included"]


def test_a_new_achievement_appears_in_every_variant_that_admits_it_and_no_other(
    api_client, user, record, commit
):
    main = _main(user)
    backend = _create(api_client, main, definition={"include_tags": ["backend"]})
    jobs = _create(api_client, main, definition={"types": ["job"]})
    teaching = _create(api_client, main, definition={"include_tags": ["teaching"]})
    no_backend = _create(api_client, main, definition={"exclude_tags": ["backend"]})
    old_only = _create(api_client, main, definition={"date_to": "2014-01-01"})
    manual = ResumeFactory(user=user, content={"basics": {"name": "As written"}})

    response = commit(
        api_client.post,
        "/api/v1/achievements/",
        {
            "type": "job",
            "title": "Platform Engineer",
            "organization": "Rohlik",
            "start_date": "2024-01-01",
            "tags": ["backend"],
            "skills": ["Go"],
        },
        format="json",
    )
    assert response.status_code == 201

    for variant in (backend, jobs):
        assert "Platform Engineer" in _positions(variant), variant.definition
        assert "Go" in {k for g in variant.content["skills"] for k in g["keywords"]}
    for variant in (teaching, no_backend, old_only):
        assert "Platform Engineer" not in _positions(variant), variant.definition
    assert "Go" not in {k for g in teaching.content["skills"] for k in g["keywords"]}
    manual.refresh_from_db()
    assert manual.content == {"basics": {"name": "As written"}}


def test_definition_controls_skills_label_summary_language_template_and_paper(api_client, user, record):
    main = _main(user)
    variant = _create(
        api_client,
        main,
        title="Data",
        template="modern",
        paper="letter",
        definition={
            "skills_first": ["postgres"],
            "skills_exclude": ["PHP", "soft_skill"],
            "max_skills": 2,
            "label": "Data Engineer",
            "summary": "I move data.",
            "language": "de",
        },
    )
    keywords = [k for g in variant.content["skills"] for k in g["keywords"]]
    assert keywords == ["PostgreSQL", "Python"]
    assert variant.content["skills"][0]["name"] == "Datenbanken"  # the German resume names its groups
    assert variant.content["basics"]["label"] == "Data Engineer"
    assert variant.content["basics"]["summary"] == "I move data."
    assert variant.content["meta"]["language"] == "de"
    assert (variant.template, variant.paper, variant.title) == ("modern", "letter", "Data")
    assert variant.definition["skills_first"] == ["PostgreSQL"]  # canonicalised


def test_anonymized_variant_hides_employers_also_inside_texts(api_client, user, record, commit):
    commit(services.achievement_update, achievement=record["teach"], anonymized_name="A coding school")
    variant = _create(api_client, _main(user), definition={"anonymize": True, "types": ["job"]})
    work = {w["position"]: w for w in variant.content["work"]}
    assert work["Backend Developer"]["name"] == "A company in Brno"
    assert work["Backend Developer"]["summary"] == "Own the booking API at A company in Brno."
    assert work["Python Lecturer"]["name"] == "A coding school"
    assert work["PHP Developer"]["name"] == "A company"
    assert "Kiwi.com" not in str(variant.content) and "Czechitas" not in str(variant.content)


def test_bad_definitions_are_400_naming_the_field_and_write_nothing(api_client, other_user, user, record):
    main = _main(user)
    foreign = AchievementFactory(user=other_user)
    url = f"/api/v1/resumes/{main.pk}/variants/"
    cases = [
        ({"types": ["job", "hobby"]}, "definition.types"),
        ({"sections": ["work", "hobbies"]}, "definition.sections"),
        ({"include_ids": [foreign.pk]}, "definition.include_ids"),
        ({"exclude_ids": [foreign.pk]}, "definition.exclude_ids"),
        ({"include_tags": ["nothing-has-this"]}, "definition.include_tags"),
        ({"types": ["award"]}, "definition.types"),
        ({"date_from": "2030-01-01"}, "definition.date_from"),
        ({"date_from": "2020-01-01", "date_to": "2019-01-01"}, "definition.date_to"),
        ({"language": "xx"}, "definition.language"),
        ({"max_skills": 0}, "definition.max_skills"),
        ({"colour": "red"}, "definition.colour"),
    ]
    for definition, field in cases:
        response = api_client.post(url, {"definition": definition}, format="json")
        assert response.status_code == 400, definition
        assert field in response.json()["errors"], (definition, response.json())
    response = api_client.post(
        url, {"overrides": [{"achievement": foreign.pk, "field": "title", "text": "Mine"}]}, format="json"
    )
    assert response.status_code == 400 and "overrides[0].achievement" in response.json()["errors"]
    assert Resume.objects.filter(variant_of__isnull=False).count() == 0


def test_variants_belong_to_the_main_resume_and_their_owner(api_client, other_client, user, record):
    main = _main(user)
    manual = ResumeFactory(user=user)
    assert other_client.get(f"/api/v1/resumes/{main.pk}/variants/").status_code == 404
    assert other_client.post(f"/api/v1/resumes/{main.pk}/variants/", {}, format="json").status_code == 404
    response = api_client.post(f"/api/v1/resumes/{manual.pk}/variants/", {}, format="json")
    assert response.status_code == 400 and "variant_of" in response.json()["errors"]
    variant = _create(api_client, main, definition={"types": ["job"]})
    assert other_client.get(f"/api/v1/resumes/{variant.pk}/").status_code == 404
    assert (
        other_client.patch(f"/api/v1/resumes/{variant.pk}/", {"title": "x"}, format="json").status_code == 404
    )
    assert other_client.delete(f"/api/v1/resumes/{variant.pk}/").status_code == 404
    body = api_client.get(f"/api/v1/resumes/{variant.pk}/").json()
    assert body["kind"] == "variant" and body["variant_of"] == main.pk
    assert body["definition"] == {"types": ["job"]}
    # Manual and main resumes have no definition to set.
    response = api_client.patch(f"/api/v1/resumes/{manual.pk}/", {"definition": {}}, format="json")
    assert response.status_code == 400 and "definition" in response.json()["errors"]
    response = api_client.patch(f"/api/v1/resumes/{variant.pk}/", {"content": {}}, format="json")
    assert response.status_code == 400 and "content" in response.json()["errors"]


def test_patch_rebuilds_and_delete_removes_a_variant(api_client, user, record):
    variant = _create(api_client, _main(user), definition={"types": ["job"]})
    response = api_client.patch(
        f"/api/v1/resumes/{variant.pk}/",
        {"definition": {"types": ["degree"]}, "title": "Studies"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["content"]["work"] == [] and response.json()["title"] == "Studies"
    assert [e["institution"] for e in response.json()["content"]["education"]] == ["ČVUT"]
    response = api_client.patch(
        f"/api/v1/resumes/{variant.pk}/", {"definition": {"types": ["award"]}}, format="json"
    )
    assert response.status_code == 400 and "definition.types" in response.json()["errors"]
    variant.refresh_from_db()
    assert variant.definition == {"types": ["degree"]}
    assert api_client.delete(f"/api/v1/resumes/{variant.pk}/").status_code == 204
    assert not Resume.objects.filter(pk=variant.pk).exists()


def test_overrides_survive_rebuilds_and_are_flagged_when_their_source_changes(
    api_client, user, record, commit
):
    api = record["api"]
    variant = _create(
        api_client,
        _main(user),
        definition={"types": ["job"]},
        overrides=[
            {"achievement": api.pk, "field": "highlights", "index": 1, "text": "Containerised 12 services"},
            {"achievement": api.pk, "field": "summary", "text": "Ran the booking API."},
            {"achievement": record["teach"].pk, "field": "title", "text": "Lecturer"},
        ],
    )
    work = {w["name"]: w for w in variant.content["work"]}
    assert work["Kiwi.com"]["highlights"] == ["Cut p95 latency by 40%", "Containerised 12 services"]
    assert work["Kiwi.com"]["summary"] == "Ran the booking API."
    assert work["Czechitas"]["position"] == "Lecturer"

    # An unrelated change rebuilds: the overrides stand, nothing flagged.
    commit(services.achievement_update, achievement=record["old"], title="PHP Engineer")
    body = api_client.get(f"/api/v1/resumes/{variant.pk}/").json()
    assert [o["source_changed"] for o in body["overrides"]] == [False, False, False]
    assert "source_hash" not in body["overrides"][0]
    assert "Containerised 12 services" in body["content"]["work"][0]["highlights"]

    # The reworded highlight changes at its source: still shown, now flagged.
    commit(
        services.achievement_update,
        achievement=api,
        highlights=["Cut p95 latency by 40%", "Moved 14 services to Docker"],
    )
    body = api_client.get(f"/api/v1/resumes/{variant.pk}/").json()
    assert [o["source_changed"] for o in body["overrides"]] == [True, False, False]
    assert "Containerised 12 services" in body["content"]["work"][0]["highlights"]

    # Sent back unchanged the flag stays; reworded it is taken against today's source.
    unchanged = body["overrides"]
    body = api_client.patch(f"/api/v1/resumes/{variant.pk}/", {"overrides": unchanged}, format="json").json()
    assert [o["source_changed"] for o in body["overrides"]] == [True, False, False]
    unchanged[0]["text"] = "Containerised 14 services"
    body = api_client.patch(f"/api/v1/resumes/{variant.pk}/", {"overrides": unchanged}, format="json").json()
    assert [o["source_changed"] for o in body["overrides"]] == [False, False, False]

    # The achievement goes: its override is flagged, its id leaves the definition.
    commit(services.achievement_delete, achievement=record["teach"])
    body = api_client.get(f"/api/v1/resumes/{variant.pk}/").json()
    assert body["overrides"][2]["source_changed"] is True


def test_deleted_achievement_leaves_definitions(api_client, user, record, commit):
    variant = _create(
        api_client, _main(user), definition={"include_ids": [record["teach"].pk, record["api"].pk]}
    )
    commit(services.achievement_delete, achievement=record["teach"])
    variant.refresh_from_db()
    assert variant.definition["include_ids"] == [record["api"].pk]
    response = api_client.patch(f"/api/v1/resumes/{variant.pk}/", {"title": "Still fine"}, format="json")
    assert response.status_code == 200


def _bulk(user, count):
    types = [AchievementType.JOB, AchievementType.PROJECT, AchievementType.COURSE, AchievementType.AWARD]
    skills = ["Python", "Django", "PostgreSQL", "Go", "k8s", "Docker", "React", "AWS"]
    Achievement.objects.bulk_create(
        Achievement(
            user=user,
            type=types[i % 4],
            title=f"Thing {i}",
            organization=f"Org {i}",
            start_date=dt.date(2000 + i % 24, 1 + i % 12, 1),
            end_date=None if i % 7 == 0 else dt.date(2025, 1, 1),
            skills=[skills[i % 8], skills[(i + 3) % 8]],
            highlights=[f"Highlight {i}"],
            tags=["backend"] if i % 2 else ["data"],
        )
        for i in range(count)
    )


@pytest.mark.parametrize("variants", [1, 10])
def test_whole_rebuild_with_variants_runs_a_fixed_number_of_queries(
    user, variants, django_assert_max_num_queries
):
    _bulk(user, 50)
    main = services.rebuild_resume(user=user)
    ids = list(Achievement.objects.filter(user=user).values_list("id", flat=True))
    client = client_for(user)
    for n in range(variants):
        definition = [
            {"include_tags": ["backend"]},
            {"types": ["job", "project"], "max_skills": 3},
            {"date_from": "2010-01-01", "anonymize": True},
            {"exclude_ids": ids[:5], "sections": ["work", "skills"]},
        ][n % 4]
        overrides = [{"achievement": ids[n], "field": "title", "text": f"Renamed {n}"}]
        _create(client, main, definition=definition, overrides=overrides)
    job = Achievement.objects.filter(user=user, type="job").first()
    from job_tracker.models import JobApplication

    JobApplication.objects.create(user=user, job_title="Go developer", company_name="X", resume_used=main)
    Achievement.objects.filter(pk=ids[1]).update(skills=["Rust"])
    with django_assert_max_num_queries(8):
        services.rebuild_resume(user=user)
    assert all(
        r.last_generated_at == main.__class__.objects.get(pk=main.pk).last_generated_at
        for r in Resume.objects.filter(variant_of=main)
    )
    job.refresh_from_db()
    assert Resume.objects.filter(variant_of=main).count() == variants


@pytest.mark.parametrize("variants", [1, 10])
def test_variants_list_query_count(user, variants, django_assert_max_num_queries):
    _bulk(user, 10)
    main = services.rebuild_resume(user=user)
    client = client_for(user)
    for n in range(variants):
        _create(client, main, definition={"types": ["job"]}, title=f"V{n}")
    with django_assert_max_num_queries(4):
        response = client.get(f"/api/v1/resumes/{main.pk}/variants/")
    assert response.status_code == 200 and response.json()["count"] == variants
    assert {v["title"] for v in response.json()["results"]} == {f"V{n}" for n in range(variants)}


def test_exports_follow_the_variants_sections_template_and_paper(api_client, user, record):
    variant = _create(
        api_client, _main(user), template="ats", paper="letter", definition={"sections": ["skills", "work"]}
    )
    text = api_client.get(f"/api/v1/resumes/{variant.pk}/markdown/").content.decode()
    assert text.index("Skills") < text.index("Experience") and "Education" not in text
    pdf = api_client.get(f"/api/v1/resumes/{variant.pk}/pdf/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(pdf.content)).pages[0]
    assert (round(page.mediabox.width), round(page.mediabox.height)) == (612, 792)  # its own paper: Letter


def test_a_variants_language_is_its_definitions_and_reaches_its_headings(api_client, user, record):
    variant = _create(api_client, _main(user), definition={"types": ["job"], "language": "ru"})
    body = api_client.get(f"/api/v1/resumes/{variant.pk}/").json()
    assert body["language"] == "ru" and body["content"]["meta"]["language"] == "ru"
    text = api_client.get(f"/api/v1/resumes/{variant.pk}/markdown/").content.decode()
    assert "Опыт работы" in text and "Experience" not in text
    body = api_client.patch(f"/api/v1/resumes/{variant.pk}/", {"language": "de"}, format="json").json()
    assert body["definition"] == {"types": ["job"], "language": "de"} and body["language"] == "de"
    response = api_client.patch(f"/api/v1/resumes/{variant.pk}/", {"language": "xx"}, format="json")
    assert response.status_code == 400 and "language" in response.json()["errors"]
