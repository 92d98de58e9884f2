"""ResuMate as an MCP server, driven by the SDK's own client over HTTP with personal access tokens."""

import httpx
import pytest

from accounts.tests.factories import UserFactory
from ai.models import AIModel
from job_tracker.models import ApplicationStatus, JobApplication
from job_tracker.tests.factories import make_posting
from resumes.models import Achievement, Resume

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

READ_TOOLS = {
    "list_achievements", "get_resume", "list_resumes", "export_resume", "search_jobs", "score_posting",
    "list_applications", "weekly_report",
}  # fmt: skip
WRITE_TOOLS = {
    "add_achievement", "update_achievement", "create_variant", "tailor_resume", "write_cover_letter",
    "track_application", "move_application",
}  # fmt: skip


def text(result) -> str:
    return " ".join(block.text for block in result.content if getattr(block, "text", None))


def test_a_write_token_lists_every_tool_with_its_schemas(writer):
    async def listing(client):
        return (await client.list_tools()).tools

    tools = {tool.name: tool for tool in writer(listing)}
    assert set(tools) == READ_TOOLS | WRITE_TOOLS
    add = tools["add_achievement"]
    fields = add.inputSchema["$defs"]["AchievementFields"]["properties"]
    assert {"type", "title", "organization", "start_date", "skills", "highlights"} <= set(fields)
    assert "is_verified" not in fields  # read-only in the API, not an argument either
    assert "job" in str(fields["type"])
    assert add.outputSchema["properties"]["id"]["type"] == "integer"
    assert tools["get_resume"].annotations.readOnlyHint is True
    assert tools["add_achievement"].annotations.readOnlyHint is False


def test_a_read_only_token_sees_only_read_tools_and_cannot_write(reader, user, record):
    assert reader.tool_names() == READ_TOOLS
    result = reader.call("add_achievement", {"achievement": {"type": "award", "title": "Hackathon winner"}})
    assert result.isError and "read-only" in text(result)
    assert not Achievement.objects.filter(user=user, title="Hackathon winner").exists()
    listed = reader.call("list_achievements")
    assert not listed.isError and listed.structuredContent["count"] == 2


def test_without_a_valid_token_the_endpoint_answers_401(mcp_url, user):
    for headers in ({}, {"Authorization": "Bearer rmt_nope_nope"}):
        response = httpx.post(
            mcp_url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"}, headers=headers
        )
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_the_career_tools_read_and_write_through_the_services(writer, user, record):
    listed = writer.call("list_achievements", {"type": "job"})
    assert not listed.isError, text(listed)
    listed = listed.structuredContent
    assert [a["title"] for a in listed["items"]] == ["Backend Developer"]

    added = writer.call(
        "add_achievement",
        {"achievement": {"type": "project", "title": "Tram delay predictor", "start_date": "2024-04-01",
                         "skills": ["python", "gtfs"], "highlights": ["Predicted delays from GTFS feeds"]}},
    )  # fmt: skip
    assert not added.isError, text(added)
    project = added.structuredContent
    assert project["skills"][0] == "Python"  # canonicalised as the API does
    assert Achievement.objects.filter(user=user, pk=project["id"]).exists()

    updated = writer.call(
        "update_achievement", {"id": project["id"], "changes": {"title": "Tram delay model"}}
    )
    assert not updated.isError, text(updated)
    assert updated.structuredContent["title"] == "Tram delay model"
    assert updated.structuredContent["skills"] == project["skills"]  # a partial update

    # The rebuild ran (signal on save): the main resume shows the new project.
    resume = writer.ok("get_resume")
    assert resume["basics"]["name"] == "Zoë Brontë"
    assert "Tram delay model" in [p["name"] for p in resume.get("projects", [])]

    variant = writer.ok(
        "create_variant", {"variant": {"title": "Backend", "definition": {"types": ["job", "project"]}}}
    )
    assert variant["kind"] == "variant"
    resumes = writer.ok("list_resumes")["items"]
    assert {r["kind"] for r in resumes} == {"main", "variant"}
    assert Resume.objects.get(pk=variant["id"]).variant_of.is_auto

    variant_json = writer.ok("get_resume", {"id": variant["id"]})
    assert "education" not in variant_json or not variant_json["education"]  # the course is left out


def test_export_gives_a_short_lived_link_that_downloads_the_file(writer, user, record, settings):
    link = writer.ok("export_resume", {"format": "pdf", "template": "ats"})
    response = httpx.get(link["url"])
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert link["expires_in_seconds"] == 900
    docx = httpx.get(writer.ok("export_resume", {"format": "docx"})["url"])
    assert docx.status_code == 200 and docx.content.startswith(b"PK")  # a Word file is a ZIP

    tampered = link["url"].rstrip("/")[:-3] + "abc/"
    assert httpx.get(tampered).status_code == 404
    user.is_active = False
    user.save()
    assert httpx.get(link["url"]).status_code == 404  # the account went: so does the file


def test_the_job_tools_rank_track_and_move(writer, user, record):
    posting = make_posting(
        external_id="k8s", company_name="Fjord Logistics", description="Python, Django and Terraform.",
        skills_required=["Python", "Django", "Terraform"],
    )  # fmt: skip
    found = writer.ok("search_jobs", {"q": "Python"})
    assert [p["id"] for p in found["items"]] == [posting.pk]
    assert "description" not in found["items"][0]

    scored = writer.ok("score_posting", {"id": posting.pk})
    assert scored["matched_skills"] == ["Python", "Django"] and scored["missing_skills"] == ["Terraform"]
    assert scored["match_reason"].startswith("skills 2/3")

    tracked = writer.ok("track_application", {"posting_id": posting.pk})
    assert tracked["created"] is True
    again = writer.ok("track_application", {"posting_id": posting.pk})
    assert again == {**tracked, "created": False}
    application_id = tracked["application"]["id"]

    moved = writer.call(
        "move_application", {"id": application_id, "status": "applied", "note": "Sent via MCP"}
    )
    assert moved.structuredContent["status"] == "applied"
    application = JobApplication.objects.get(pk=application_id)
    assert application.status == ApplicationStatus.APPLIED
    assert application.events.order_by("-id").first().note == "Sent via MCP"

    own = writer.ok(
        "track_application", {"application": {"job_title": "Data engineer", "company_name": "Globex"}}
    )
    listed = writer.ok("list_applications", {"status": "applied"})
    assert [a["id"] for a in listed["items"]] == [application_id]
    assert own["application"]["status"] == "wishlist"

    report = writer.ok("weekly_report")
    assert report["stored"] is False and "applications_sent" in report["report"]


def test_the_ai_tools_tailor_and_write_under_the_same_rules(writer, user, record):
    application = JobApplication.objects.create(
        user=user, job_title="Platform Engineer", company_name="Fjord Logistics",
        original_job_description="We run Python and Django on Kubernetes with Terraform.",
    )  # fmt: skip
    tailored = writer.call("tailor_resume", {"application": application.pk, "title": "Fjord"})
    assert not tailored.isError, text(tailored)
    body = tailored.structuredContent
    assert body["model"] == "Offline" and "Terraform" in body["missing_keywords"]
    assert "Terraform" not in str(body["content"].get("skills"))  # never claimed
    assert Resume.objects.get(pk=body["resume_id"], user=user).title == "Fjord"

    letter = writer.ok("write_cover_letter", {"application": application.pk})
    assert letter["cover_letter"].startswith("Dear Fjord Logistics")
    application.refresh_from_db()
    assert application.cover_letter == letter["cover_letter"]


def test_another_users_ids_are_not_found_and_nothing_changes(writer, user, record):
    stranger = UserFactory()
    theirs = Achievement.objects.create(user=stranger, type="job", title="Their job")
    their_application = JobApplication.objects.create(user=stranger, job_title="Theirs", company_name="X")
    their_resume = Resume.objects.create(user=stranger, title="Theirs")
    for name, arguments in [
        ("update_achievement", {"id": theirs.pk, "changes": {"title": "Mine now"}}),
        ("move_application", {"id": their_application.pk, "status": "offer"}),
        ("get_resume", {"id": their_resume.pk}),
        ("export_resume", {"id": their_resume.pk}),
    ]:
        result = writer.call(name, arguments)
        assert result.isError and "Not found" in text(result), (name, text(result))
    letter = writer.call("write_cover_letter", {"application": their_application.pk})
    assert letter.isError and "application" in text(letter)
    theirs.refresh_from_db()
    their_application.refresh_from_db()
    assert theirs.title == "Their job" and their_application.status == "wishlist"


def test_bad_arguments_are_errors_naming_the_field(writer, user, record):
    cases = [
        ("add_achievement", {"achievement": {"type": "job"}}, "title"),
        ("add_achievement", {"achievement": {"type": "spaceflight", "title": "x"}}, "type"),
        (
            "add_achievement",
            {"achievement": {"type": "job", "title": "x", "end_date": "not a date"}},
            "end_date",
        ),
        ("add_achievement", {"achievement": {"type": "job", "title": "x", "surprise": 1}}, "surprise"),
        ("move_application", {"id": 1, "status": "hired?"}, "status"),
        ("list_achievements", {"limit": 5000}, "limit"),
        ("tailor_resume", {"job_description": ""}, "job_description"),
        ("create_variant", {"variant": {"definition": {"types": ["nonsense"]}}}, "definition.types"),
        ("track_application", {}, "posting_id"),
    ]
    before = Achievement.objects.count(), Resume.objects.count(), JobApplication.objects.count()
    for name, arguments, field in cases:
        result = writer.call(name, arguments)
        assert result.isError and field in text(result), (name, text(result))
    assert (Achievement.objects.count(), Resume.objects.count(), JobApplication.objects.count()) == before


def test_resources_hold_the_resume_and_the_achievements(reader, user, record):
    async def read(client):
        listed = {str(r.uri) for r in (await client.list_resources()).resources}
        resume = await client.read_resource("resumate://resume")
        achievements = await client.read_resource("resumate://achievements")
        return listed, resume.contents[0].text, achievements.contents[0].text

    listed, resume, achievements = reader(read)
    assert listed == {"resumate://resume", "resumate://achievements"}
    assert '"Zoë Brontë"' in resume or "Zo\\u00eb" in resume
    assert "Kubernetes Fundamentals" in achievements


def test_the_ai_daily_limit_applies(writer, user, record):
    AIModel.objects.filter(display_name="Offline").update(daily_limit=1, login_required=False)
    first = writer.call("write_cover_letter", {"job_description": "Python developer at Acme."})
    second = writer.call("write_cover_letter", {"job_description": "Django developer at Globex."})
    assert not first.isError and first.structuredContent["remaining_today"] == 0
    assert second.isError and "limit" in text(second).lower()


def test_a_revoked_token_stops_working_at_once(writer, user, mcp_url):
    from accounts.tokens.services import token_revoke

    assert writer.tool_names() == READ_TOOLS | WRITE_TOOLS
    token_revoke(token=user.personal_access_tokens.get())
    response = httpx.post(
        mcp_url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
        headers={"Authorization": f"Bearer {writer.raw_token}"},
    )  # fmt: skip
    assert response.status_code == 401
