import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

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


# --- The review page (/import/{id}/): the same feature, server-rendered with htmx ---------------------


@pytest.fixture
def page(user):
    client = Client()
    client.force_login(user)
    return client


def _work(draft) -> int:
    return next(i for i, e in enumerate(draft["draft"]["achievements"]) if e["type"] == "job")


def _form(draft, **changes) -> dict:
    """The review form as the page posts it, with ``changes`` typed in (``{"e0-title": ...}``)."""
    form = {}
    for index, entry in enumerate(draft["draft"]["achievements"]):
        form[f"e{index}-include"] = "1"
        form[f"e{index}-type"] = entry["type"]
        for name in ("title", "organization", "location", "start_date", "end_date", "url"):
            form[f"e{index}-{name}"] = entry[name]
        form[f"e{index}-highlights"] = "\n".join(entry["highlights"])
    return {**form, **changes}


def _answer(index, **fields) -> dict:
    return gemini_answer(json.dumps({"entries": [{"index": index, **fields}]}))


def test_review_page_says_improve_is_off_without_a_remote_model(api_client, page):
    draft = _draft(api_client)

    review = page.get(f"/import/{draft['id']}/").content.decode()
    assert "Improve with AI is off: no remote model is configured." in review
    assert "/improve/" not in review

    refused = page.post(f"/import/{draft['id']}/improve/", _form(draft))
    assert refused.status_code == 409
    assert "Improve with AI is off: no remote model is configured." in refused.content.decode()
    assert AIRequest.objects.count() == 0


def test_review_page_improves_with_htmx_and_keeps_what_was_typed(
    api_client, page, gemini, httpserver, django_assert_max_num_queries
):
    draft = _draft(api_client)
    work = _work(draft)
    httpserver.expect_request(GEMINI_PATH, method="POST").respond_with_json(
        _answer(work, location="Lyon", start_date="2015-04")
    )
    # Session, user, draft, the remote-model check: however many entries the draft lists.
    with django_assert_max_num_queries(4):
        review = page.get(f"/import/{draft['id']}/").content.decode()
    assert f'hx-post="/import/{draft["id"]}/improve/"' in review

    response = page.post(
        f"/import/{draft['id']}/improve/",
        _form(draft, **{f"e{work}-title": "Shop manager"}),
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    fragment = response.content.decode()
    assert 'id="import-review"' in fragment
    assert "Gemini filled 1 empty field from your file&#x27;s text; check before" in fragment
    assert "1 suggestion not found in the file was dropped." in fragment  # 2015 is nowhere in it
    assert f'name="e{work}-location" value="Lyon"' in fragment
    assert f'name="e{work}-title" value="Shop manager"' in fragment  # typed before the click: kept
    entry = api_client.get(f"/api/v1/imports/{draft['id']}/").json()["draft"]["achievements"][work]
    assert (entry["title"], entry["location"], entry["start_date"]) == ("Shop manager", "Lyon", "")


def test_review_page_improves_without_javascript_too(api_client, page, gemini, httpserver):
    draft = _draft(api_client)
    httpserver.expect_request(GEMINI_PATH, method="POST").respond_with_json(
        _answer(_work(draft), location="Lyon")
    )

    response = page.post(f"/import/{draft['id']}/improve/", _form(draft), follow=True)

    assert response.redirect_chain == [(f"/import/{draft['id']}/", 302)]
    assert "Gemini filled 1 empty field" in response.content.decode()


def test_review_page_shows_the_daily_limit(api_client, page, gemini, httpserver):
    gemini.daily_limit = 1
    gemini.save()
    draft = _draft(api_client)
    work = _work(draft)
    httpserver.expect_request(GEMINI_PATH, method="POST").respond_with_json(_answer(work, location="Lyon"))
    assert page.post(f"/import/{draft['id']}/improve/", _form(draft)).status_code == 302

    refused = page.post(f"/import/{draft['id']}/improve/", {}, HTTP_HX_REQUEST="true")
    plain = page.post(f"/import/{draft['id']}/improve/", {})

    assert refused.status_code == 200  # htmx swaps only 2xx: the fragment carries the message
    assert "Daily limit of 1 requests to Gemini reached." in refused.content.decode()
    assert plain.status_code == 429
    assert "Daily limit of 1 requests to Gemini reached." in plain.content.decode()
    assert AIRequest.objects.filter(status="success").count() == 1


def test_a_confirmed_draft_is_not_sent_to_the_model(api_client, page, gemini, httpserver):
    draft = _draft(api_client)
    api_client.post(f"/api/v1/imports/{draft['id']}/confirm/", {}, format="json")

    review = page.get(f"/import/{draft['id']}/").content.decode()
    refused = page.post(f"/import/{draft['id']}/improve/", _form(draft))

    assert "Imported." in review and "Improve with AI" not in review
    assert refused.status_code == 409
    assert "This import was confirmed already" in refused.content.decode()
    assert AIRequest.objects.count() == 0 and httpserver.log == []
    api = api_client.post(f"/api/v1/imports/{draft['id']}/improve/", {}, format="json")
    assert api.status_code == 409 and api.json()["code"] == "already_confirmed"


def test_a_bad_edit_is_refused_with_its_field_and_nothing_is_asked(api_client, page, gemini, httpserver):
    draft = _draft(api_client)
    work = _work(draft)

    response = page.post(f"/import/{draft['id']}/improve/", _form(draft, **{f"e{work}-start_date": "soon"}))

    assert response.status_code == 400
    assert f"achievements.{work}.start_date" in response.content.decode()
    assert AIRequest.objects.count() == 0 and httpserver.log == []


def test_another_users_draft_is_404_on_the_page(api_client, other_user, gemini):
    draft = _draft(api_client)
    stranger = Client()
    stranger.force_login(other_user)
    assert stranger.post(f"/import/{draft['id']}/improve/", {}).status_code == 404
    assert stranger.get(f"/import/{draft['id']}/").status_code == 404
