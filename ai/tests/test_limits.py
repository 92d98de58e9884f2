"""Access and limits: daily quotas shared across clients, login_required, the cached models list."""

import json

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from rest_framework.test import APIClient

from ai.models import AIModel, AIQuotaUsage, AIRequest
from conftest import client_for

from .conftest import GEMINI_PATH, gemini_answer

pytestmark = pytest.mark.django_db

JOB = {"job_description": "Python and Django backend work.", "company_name": "Fjord"}
QUESTIONS = {"technical": [{"question": "Q?", "hint": "H."}], "behavioural": [], "company": []}


def ask(client, model, **extra):
    return client.post("/api/v1/ai/interview-questions/", {"model": model, **JOB, **extra})


def test_daily_limit_is_shared_by_two_clients_of_the_same_user(record, offline):
    offline.daily_limit = 3
    offline.save()
    laptop, phone = client_for(record), client_for(record)  # two tokens, two sessions
    remaining = [ask(c, "Offline").json()["remaining_today"] for c in (laptop, phone, laptop)]
    assert remaining == [2, 1, 0]

    response = ask(phone, "Offline")
    assert response.status_code == 429
    body = response.json()
    assert body["code"] == "ai_daily_limit"
    assert (body["limit"], body["remaining"], body["model"]) == (3, 0, "Offline")
    assert 0 < int(response["Retry-After"]) <= 24 * 3600
    assert AIRequest.objects.count() == 3  # the refused request reached no model


def test_daily_limit_per_client_address_for_anonymous_use(db, offline):
    offline.daily_limit = 2
    offline.save()
    first, second = APIClient(), APIClient()
    other_address = APIClient(REMOTE_ADDR="10.1.2.3")
    assert ask(first, "Offline").status_code == 200
    assert ask(second, "Offline").status_code == 200
    assert ask(first, "Offline").status_code == 429
    assert ask(second, "Offline").status_code == 429
    assert ask(other_address, "Offline").status_code == 200


def test_users_have_their_own_quota(record, other_client, offline):
    offline.daily_limit = 1
    offline.save()
    assert ask(client_for(record), "Offline").status_code == 200
    assert ask(client_for(record), "Offline").status_code == 429
    assert ask(other_client, "Offline").status_code == 200


def test_login_required_model_answers_401_to_anonymous_use(anon_client, gemini, httpserver):
    response = ask(anon_client, "Gemini")
    assert response.status_code == 401
    assert "signed-in users only" in response.json()["detail"]
    assert AIRequest.objects.count() == 0 and not httpserver.log


def test_identical_requests_are_answered_from_the_cache(record, gemini, httpserver):
    httpserver.expect_oneshot_request(GEMINI_PATH).respond_with_json(gemini_answer(json.dumps(QUESTIONS)))
    client = client_for(record)
    first, second = ask(client, "Gemini").json(), ask(client, "Gemini").json()
    assert first["cached"] is False and second["cached"] is True
    assert second["technical"] == first["technical"]
    assert len(httpserver.log) == 1
    assert list(AIRequest.objects.order_by("id").values_list("status", flat=True)) == ["success", "cached"]
    assert second["remaining_today"] == 3  # a cached answer still counts as a request


def test_models_list_is_public_cached_and_refreshed_on_change(
    anon_client, django_capture_on_commit_callbacks
):
    first = anon_client.get("/api/v1/ai/models/")
    assert first.status_code == 200 and first["X-Cache-Status"] == "MISS"
    names = [m["display_name"] for m in first.json()]
    assert names == ["DeepSeek", "Gemini", "Offline"]
    gemini = next(m for m in first.json() if m["display_name"] == "Gemini")
    assert (gemini["login_required"], gemini["daily_limit"], gemini["fallback"]) == (True, 5, "Offline")

    second = anon_client.get("/api/v1/ai/models/")
    assert second["X-Cache-Status"] == "HIT" and second.json() == first.json()

    with django_capture_on_commit_callbacks(execute=True):
        AIModel.objects.filter(display_name="DeepSeek").get().delete()
    third = anon_client.get("/api/v1/ai/models/")
    assert third["X-Cache-Status"] == "MISS"
    assert [m["display_name"] for m in third.json()] == ["Gemini", "Offline"]


def test_models_list_query_count(anon_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        assert anon_client.get("/api/v1/ai/models/").status_code == 200


def test_inactive_model_is_refused_as_bad_input(api_client, offline):
    offline.is_active = False
    offline.save()
    response = ask(api_client, "Offline")
    assert response.status_code == 400 and "model" in response.json()["errors"]


def test_a_forged_forwarded_address_never_breaks_the_usage_log(db, offline, settings):
    settings.PROXY_COUNT = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    client = APIClient(HTTP_X_FORWARDED_FOR="not-an-address")
    assert ask(client, "Offline").status_code == 200
    assert AIRequest.objects.get().client_ip is None


def test_limits_hold_when_the_cache_is_down_or_evicts_everything(api_client, offline, settings):
    """Deliberately changed: quotas live in the database, so a cache outage or eviction resets nothing."""
    offline.daily_limit = 2
    offline.save()
    assert ask(api_client, "Offline").status_code == 200
    cache.clear()  # what an LRU eviction of the counter did before
    assert ask(api_client, "Offline").status_code == 200
    # A Redis outage with IGNORE_EXCEPTIONS turns every cache call into a no-op answering None.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = ask(api_client, "Offline")
    assert response.status_code == 429 and response.json()["code"] == "ai_daily_limit"


def test_anonymous_ipv6_clients_share_a_quota_per_64_network(db, offline):
    offline.daily_limit = 1
    offline.save()
    assert ask(APIClient(REMOTE_ADDR="2001:db8:1:2::10"), "Offline").status_code == 200
    # Another address in the same /64: the same person rotating addresses.
    assert ask(APIClient(REMOTE_ADDR="2001:db8:1:2:ffff::99"), "Offline").status_code == 429
    assert ask(APIClient(REMOTE_ADDR="2001:db8:1:3::10"), "Offline").status_code == 200


def test_a_models_global_daily_budget_stops_everyone_and_refunds_the_users_quota(record, offline, db):
    offline.daily_limit = 5
    offline.global_daily_limit = 2
    offline.save()
    assert ask(client_for(record), "Offline").status_code == 200
    assert ask(APIClient(REMOTE_ADDR="10.9.9.9"), "Offline").status_code == 200
    refused = ask(APIClient(REMOTE_ADDR="10.9.9.10"), "Offline")
    assert refused.status_code == 429
    assert refused.json()["code"] == "ai_model_budget" and refused.json()["global_limit"] == 2
    assert int(refused["Retry-After"]) > 0
    assert AIRequest.objects.count() == 2
    # The refused request did not spend the user's (or address's) own quota.
    assert AIQuotaUsage.objects.get(model=offline, subject="ip:10.9.9.10").used == 0


def test_api_key_name_may_only_name_ai_key_settings(db, offline, settings):
    settings.SECRET_KEY_FOR_TEST = "should-never-leak"
    offline.api_key_name = "SECRET_KEY"
    with pytest.raises(ValidationError, match="ending in _API_KEY"):
        offline.full_clean()
    # Even a row written past validation never reads the setting.
    AIModel.objects.filter(pk=offline.pk).update(api_provider="google", api_key_name="SECRET_KEY")
    offline.refresh_from_db()
    assert offline.api_key == "" and not offline.is_available
