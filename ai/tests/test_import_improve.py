import json

from django.core.files.uploadedfile import SimpleUploadedFile

from ai.models import AIRequest
from resumes.tests.importing import files

from .conftest import GEMINI_PATH, gemini_answer

# The date sits on a line of its own under a company name the reader cannot tell from a title.
TEXT = ["Experience", "Zephyr Widgets", "Somewhere in Lyon since spring", "Grew the shop"]


def _draft(api_client):
    response = api_client.post(
        "/api/v1/imports/",
        {"file": SimpleUploadedFile("cv.docx", files.docx_bytes(*TEXT, "Education", "Lycée Lumière 2009"))},
        format="multipart",
    )
    assert response.status_code == 201, response.content
    return response.json()


def test_off_without_a_remote_model(api_client, user):
    draft = _draft(api_client)

    response = api_client.post(f"/api/v1/imports/{draft['id']}/improve/", {}, format="json")

    assert response.status_code == 409 and response.json()["code"] == "ai_not_configured"
    assert AIRequest.objects.count() == 0


def test_fills_gaps_only_from_the_files_text(api_client, user, gemini, httpserver):
    draft = _draft(api_client)
    entries = draft["draft"]["achievements"]
    work = next(i for i, e in enumerate(entries) if e["type"] == "job")
    answer = {
        "entries": [
            {"index": work, "location": "Lyon", "organization": "Acme Global", "start_date": "2015-04"}
        ]
    }
    httpserver.expect_request(GEMINI_PATH, method="POST").respond_with_json(gemini_answer(json.dumps(answer)))

    response = api_client.post(f"/api/v1/imports/{draft['id']}/improve/", {}, format="json")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["filled"] == [f"achievements.{work}.location"]
    # 2015 is nowhere in the file: dropped. A field the rules already filled is not the model's to change.
    assert [d.split(" ")[0] for d in body["dropped"]] == [f"achievements.{work}.start_date"]
    after = api_client.get(f"/api/v1/imports/{draft['id']}/").json()["draft"]["achievements"][work]
    assert after["location"] == "Lyon" and after["confidence"]["location"] == 0.5
    assert after["organization"] == entries[work]["organization"] and after["start_date"] == ""
    assert AIRequest.objects.get().feature == "import_improve"


def test_another_users_draft_is_404(api_client, other_client, user, gemini):
    draft = _draft(api_client)
    assert other_client.post(f"/api/v1/imports/{draft['id']}/improve/", {}, format="json").status_code == 404
