"""Business counters for /metrics, beside django-prometheus's requests, latencies, database and cache.

Each counter is bumped where the event happens, by the service that makes it happen. With several
gunicorn workers, set PROMETHEUS_MULTIPROC_DIR (an empty folder) so /metrics adds up every worker.
"""

import ipaddress
import secrets

from django.conf import settings
from django.http import HttpResponseNotFound
from django_prometheus.exports import ExportToDjangoView
from prometheus_client import Counter, Gauge

SCRAPES = Counter(
    "resumate_scrapes_total", "Job-board scrapes by source kind and outcome.", ["kind", "outcome"]
)
POSTINGS_INGESTED = Counter("resumate_postings_ingested_total", "Postings created or updated by scrapes.")
WEBHOOK_DELIVERIES = Counter(
    "resumate_webhook_deliveries_total", "Webhook deliveries by outcome (received, ignored, duplicate, "
    "or the refusal's code).", ["outcome"],
)  # fmt: skip
AI_REQUESTS = Counter("resumate_ai_requests_total", "AI calls by model and status.", ["model", "status"])
EMAILS = Counter("resumate_emails_total", "E-mails handed to the mail server, by outcome.", ["outcome"])
REBUILDS = Counter(
    "resumate_resume_rebuilds_total", "Resume rebuilds (a user's main resume and its variants)."
)
QUEUE_BACKLOG = Gauge(
    "resumate_queue_backlog", "Tasks waiting in the Celery queue when /metrics was read (NaN: unknown).",
    multiprocess_mode="max",
)  # fmt: skip


def queue_length() -> float:
    from resumate.celery import app

    try:
        with app.connection_for_read() as connection:
            connection.ensure_connection(max_retries=1, timeout=1)
            queue = app.conf.task_default_queue
            return connection.default_channel.queue_declare(queue=queue, passive=True).message_count
    except Exception:  # a broker that is down or cannot count: unknown, never a failed scrape
        return float("nan")


def _internal(request) -> bool:
    # Straight from the internal network: nginx (public traffic) always adds X-Forwarded-For.
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return address.is_loopback or address.is_private


def metrics_view(request):
    """Prometheus text format, for a scraper on the internal network or one holding METRICS_TOKEN."""
    token = settings.METRICS_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    allowed = secrets.compare_digest(given, token) if token and given else _internal(request)
    if not allowed:
        return HttpResponseNotFound()  # nothing to see from outside, not even that it exists
    QUEUE_BACKLOG.set(queue_length())
    return ExportToDjangoView(request)
