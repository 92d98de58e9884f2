"""/metrics: requests, latencies, database and cache, and the business counters; private; alert rules."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from django.core import mail
from django.core.cache import cache
from django.test import Client

from resumes.services import achievement_create, rebuild_resume

pytestmark = pytest.mark.django_db
RULES = Path(__file__).resolve().parents[2] / "monitoring" / "alerts.yml"


def scrape(**extra) -> str:
    response = Client(HTTP_HOST="localhost", REMOTE_ADDR="127.0.0.1").get("/metrics", **extra)
    assert response.status_code == 200
    return response.content.decode()


def value(text: str, name: str, **labels) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="([^"]*)"', line.split(" ")[0]))
            if all(found.get(k) == v for k, v in labels.items()):
                total += float(line.rsplit(" ", 1)[1])
    return total


def test_requests_database_and_cache_are_measured(api_client):
    api_client.get("/api/v1/achievements/")
    text = scrape()
    assert value(text, "django_http_responses_total_by_status_total", status="200") >= 1
    assert "django_http_requests_latency_seconds_by_view_method_bucket" in text
    assert value(text, "django_db_execute_total") >= 1  # the backend is django-prometheus's wrapper
    assert "django_cache_get_total" in text


def test_business_counters_move_with_what_happens(user, settings):
    text_before = scrape()
    achievement_create(user=user, type="job", title="Engineer")
    rebuild_resume(user=user)
    settings.EMAIL_BACKEND = "resumate.mail.CountingEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.send_mail("Hi", "Body", "from@example.com", ["to@example.com"])
    text = scrape()
    assert value(text, "resumate_resume_rebuilds_total") > value(
        text_before, "resumate_resume_rebuilds_total"
    )
    assert (
        value(text, "resumate_emails_total", outcome="sent")
        == value(text_before, "resumate_emails_total", outcome="sent") + 1
    )
    assert len(mail.outbox) == 1  # counted and still delivered by the configured backend


def test_metrics_are_private_unless_internal_or_with_the_token(settings):
    outside = Client(HTTP_HOST="localhost", REMOTE_ADDR="93.184.216.34")
    assert outside.get("/metrics").status_code == 404
    # Through nginx every request carries X-Forwarded-For: public, whatever the peer address.
    assert (
        Client(HTTP_HOST="localhost", REMOTE_ADDR="127.0.0.1")
        .get("/metrics", HTTP_X_FORWARDED_FOR="198.51.100.7")
        .status_code
        == 404
    )
    settings.METRICS_TOKEN = "s3cret-scraper-token"
    assert outside.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert outside.get("/metrics", HTTP_AUTHORIZATION="Bearer s3cret-scraper-token").status_code == 200


def test_every_alert_rule_names_metrics_that_are_exported(api_client, user):
    from ai.models import AIModel
    from ai.services import model_test

    api_client.get("/api/v1/achievements/")
    cache.set("metrics-probe", 1)
    assert cache.get("metrics-probe") == 1  # a hit, so the hit counter exists
    model_test(model=AIModel.objects.get(display_name="Offline"))
    text = scrape()
    exported = {line.split("{")[0].split(" ")[0] for line in text.splitlines() if line and line[0] != "#"}
    rules = yaml.safe_load(RULES.read_text())["groups"][0]["rules"]
    assert {r["alert"] for r in rules} == {
        "ResuMateAPIErrorRate", "ResuMateSlowRequests", "ResuMateAIUnavailable", "ResuMateQueueBacklog",
        "ResuMateCacheHitRate",
    }  # fmt: skip
    for rule in rules:
        assert rule["for"] and rule["labels"]["severity"] and rule["annotations"]["summary"]
        names = set(re.findall(r"\b((?:django|resumate)_[a-z_]+)\b", rule["expr"]))
        assert names and names <= exported, (rule["alert"], names - exported)


@pytest.mark.skipif(not shutil.which("promtool"), reason="promtool is not installed here")
def test_promtool_accepts_the_rules():
    subprocess.run(["promtool", "check", "rules", str(RULES)], check=True)
