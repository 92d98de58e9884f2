"""Integration writes and the webhook pipeline: accept (in the request), process (in the task).

Callers may rely on: a delivery is stored at most once per (integration, delivery id);
nothing is stored for an unknown hook, a bad signature, an oversize or malformed body;
processing goes through ``resumes.services.achievement_create/achievement_update``.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from urllib.parse import parse_qs

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as KombuOperationalError
from rest_framework.exceptions import ValidationError

from resumate.exceptions import ApplicationError
from resumes.models import Achievement

from . import signatures
from .models import DeliveryStatus, Integration, Platform, WebhookLog
from .platforms import Change, PayloadError, get_platform
from .tasks import process_webhook

logger = logging.getLogger(__name__)

DEFAULT_MAX_BODY_BYTES = 256 * 1024
MAX_SKILLS = 50
MAX_HIGHLIGHTS = 20


def max_body_bytes() -> int:
    """The hook-specific body cap, below the global request limit."""
    return getattr(settings, "WEBHOOK_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES)


class DeliveryRejected(ApplicationError):
    """A delivery refused before anything is stored; ``status`` is the HTTP answer."""

    def __init__(self, status: int, code: str, detail: str):
        super().__init__(detail, code, status)


@dataclass(frozen=True)
class Accepted:
    outcome: str  # received, ignored or duplicate
    log: WebhookLog | None
    delivery_id: str


# --- Integrations ---------------------------------------------------------------


def integration_create(*, user, platform: str, name: str, is_active: bool = True) -> tuple[Integration, str]:
    """Create an integration; returns it with its secret, which is never readable again."""
    secret = signatures.generate_secret()
    integration = Integration.objects.create(
        user=user,
        platform=platform,
        name=name,
        is_active=is_active,
        secret_encrypted=signatures.encrypt_secret(secret),
    )
    logger.info("Integration %s (%s) created for user %s", integration.pk, platform, user.pk)
    return integration, secret


def integration_update(*, integration: Integration, **fields) -> Integration:
    allowed = {k: v for k, v in fields.items() if k in ("name", "is_active")}
    for key, value in allowed.items():
        setattr(integration, key, value)
    integration.save(update_fields=list(allowed) or None)
    return integration


def integration_rotate_secret(*, integration: Integration) -> str:
    """Replace the secret; the old one stops verifying at once. Returns the new secret."""
    secret = signatures.generate_secret()
    integration.secret_encrypted = signatures.encrypt_secret(secret)
    integration.secret_rotated_at = timezone.now()
    integration.save(update_fields=["secret_encrypted", "secret_rotated_at"])
    logger.info("Integration %s secret rotated", integration.pk)
    return secret


def integration_delete(*, integration: Integration) -> None:
    """Delete the integration and its logs; its achievements stay, without a source."""
    integration.delete()


# --- Accepting a delivery (inside the request) -------------------------------------


# Refused deliveries per client a minute before that client is throttled: traffic without a
# valid signature is stopped per sender, before it can spend the hook's own budget.
REJECTED_PER_CLIENT_PER_MINUTE = 30


def _rejected_key(client: str) -> str:
    return f"integrations:rejected-count:{client}"


def rejected_budget_spent(*, client: str) -> bool:
    return int(cache.get(_rejected_key(client)) or 0) >= REJECTED_PER_CLIENT_PER_MINUTE


def count_rejection(*, client: str) -> None:
    key = _rejected_key(client)
    cache.add(key, 0, timeout=60)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=60)


def log_rejection(reason: str, *, hook_id, client: str) -> None:
    """At most one log line per reason and client a minute: rejected deliveries store nothing."""
    if cache.add(f"integrations:rejected:{reason}:{client}", 1, timeout=60):
        logger.warning("Webhook delivery rejected (%s) for hook %s from %s", reason, hook_id, client)


def _decode(body: bytes, content_type: str) -> dict:
    try:
        if content_type.startswith("application/x-www-form-urlencoded"):
            # GitHub's optional form encoding: the JSON document is the ``payload`` field.
            text = parse_qs(body.decode(), strict_parsing=True).get("payload", [""])[0]
        else:
            text = body.decode()
        payload = json.loads(text)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DeliveryRejected(400, "malformed_payload", "The body is not valid JSON.") from exc
    if not isinstance(payload, dict):
        raise DeliveryRejected(400, "malformed_payload", "The body must be a JSON object.")
    return payload


def delivery_accept(
    *, integration: Integration, body: bytes, headers, content_type: str = "", is_test: bool = False
) -> Accepted:
    """Verify, log and queue one delivery. Raises ``DeliveryRejected`` having stored nothing."""
    platform = get_platform(integration.platform)
    if len(body) > max_body_bytes():
        raise DeliveryRejected(413, "payload_too_large", f"Body too large (limit {max_body_bytes()} bytes).")
    try:
        secret = signatures.decrypt_secret(integration.secret_encrypted)
    except signatures.SecretUnavailable:
        # SECRET_KEY changed since the secret was stored: nothing can verify until it is rotated.
        logger.error("Integration %s secret cannot be decrypted; the user must rotate it", integration.pk)
        secret = None
    header = headers.get(platform.SIGNATURE_HEADER)
    if platform.SIGNS_TIMESTAMP:
        digest = signatures.verify_timestamped(secret, body, header) if secret is not None else None
        if digest is None:
            raise DeliveryRejected(
                401, "bad_signature", "Missing, invalid or expired signature (t=<unix time>,v1=<hex>)."
            )
        # Within the window a captured delivery would verify again: each signature counts once,
        # whatever delivery id comes with it; a replay is answered as the duplicate it is.
        seen_key = f"integrations:signature:{integration.pk}:{digest}"
        if cache.add(seen_key, 1, timeout=2 * signatures.TOLERANCE_SECONDS + 60) is False:
            return Accepted("duplicate", None, (headers.get(platform.DELIVERY_HEADER) or "").strip()[:200])
    elif secret is None or not signatures.verify(secret, body, header):
        raise DeliveryRejected(401, "bad_signature", "Missing or invalid signature.")
    payload = _decode(body, content_type)

    event_type = platform.event_type(headers, payload)
    delivery_id = (headers.get(platform.DELIVERY_HEADER) or "").strip()[:200]
    if not delivery_id:
        # No delivery id: an identical body is the same delivery.
        delivery_id = "sha256:" + hashlib.sha256(body).hexdigest()
    handled = platform.is_handled(event_type)
    now = timezone.now()
    try:
        with transaction.atomic():
            log = WebhookLog.objects.create(
                integration=integration,
                platform=integration.platform,
                event_type=event_type,
                delivery_id=delivery_id,
                payload=payload,
                is_test=is_test,
                status=DeliveryStatus.RECEIVED if handled else DeliveryStatus.IGNORED,
                error="" if handled else f"Event type {event_type or '(none)'!r} is not handled.",
                processed_at=None if handled else now,
            )
    except IntegrityError:
        return Accepted("duplicate", None, delivery_id)
    Integration.objects.filter(pk=integration.pk).update(last_event_at=now)
    if handled:
        transaction.on_commit(partial(_queue, log.pk))
    return Accepted(log.status, log, delivery_id)


def _queue(log_id: int) -> None:
    try:
        process_webhook.delay(log_id)
    except KombuOperationalError:
        # The delivery is stored as received; the periodic requeue (or replay_webhooks) queues it later.
        logger.exception("Broker unavailable: webhook log %s left in 'received'", log_id)


def deliveries_requeue_stranded(*, now=None) -> int:
    """Queue again every delivery still received after ``WEBHOOK_REQUEUE_AFTER_SECONDS``: its task
    was never queued (the broker was down) or was lost. Safe, as processing is idempotent."""
    cutoff = (now or timezone.now()) - timedelta(seconds=settings.WEBHOOK_REQUEUE_AFTER_SECONDS)
    stranded = WebhookLog.objects.filter(status=DeliveryStatus.RECEIVED, received_at__lt=cutoff)
    ids = list(stranded.order_by("received_at", "id").values_list("id", flat=True)[:1000])
    for log_id in ids:
        _queue(log_id)
    return len(ids)


def send_test_event(*, integration: Integration) -> Accepted:
    """Sign the platform's sample event with the real secret and push it through the pipeline.

    The log is marked ``is_test``: it is verified and mapped but writes no achievement.
    """
    platform = get_platform(integration.platform)
    extra_headers, payload = platform.sample_event()
    body = json.dumps(payload).encode()
    try:
        secret = signatures.decrypt_secret(integration.secret_encrypted)
    except signatures.SecretUnavailable as exc:
        raise ValidationError({"secret": [str(exc)]}) from exc
    headers = {
        **extra_headers,
        platform.SIGNATURE_HEADER: signatures.sign_delivery(platform, secret, body),
        platform.DELIVERY_HEADER: f"test-{timezone.now():%Y%m%dT%H%M%S.%f}",
    }
    return delivery_accept(
        integration=integration, body=body, headers=headers, content_type="application/json", is_test=True
    )


# --- Processing a delivery (in the Celery task) -----------------------------------------


def _union(existing, new, limit):
    seen, out = set(), []
    for value in [*(existing or []), *(new or [])]:
        if isinstance(value, str) and value.strip().lower() not in seen:
            seen.add(value.strip().lower())
            out.append(value)
    return out[-limit:]


def _apply(*, integration: Integration, change: Change) -> Achievement:
    """Create or update the achievement through the same services as a typed one."""
    from resumes import services as resume_services

    existing = (
        Achievement.objects.select_for_update()
        .filter(source_integration=integration, external_id=change.external_id)
        .first()
    )
    source_name = _source_name(integration, change)
    if existing is None:
        # Never verified: anyone can connect a platform and sign what they like. Staff verify.
        achievement = resume_services.achievement_create(user=integration.user, **change.fields)
        # The source is bookkeeping, not user input, so it is set beside the service; the unique
        # (integration, external id) constraint makes a concurrent twin fail here and retry as an update.
        Achievement.objects.filter(pk=achievement.pk).update(
            source_integration=integration, external_id=change.external_id, source_name=source_name
        )
        achievement.source_integration, achievement.external_id = integration, change.external_id
        achievement.source_name = source_name
        return achievement
    fields = dict(change.fields)
    if change.merge:
        # Keep what the user edited; only add the new skills and highlight.
        fields = {
            "skills": _union(existing.skills, fields.get("skills"), MAX_SKILLS),
            "highlights": _union(existing.highlights, fields.get("highlights"), MAX_HIGHLIGHTS),
        }
    # A webhook changing what staff verified withdraws the verification (achievement_update does).
    return resume_services.achievement_update(achievement=existing, **fields)


def _source_name(integration: Integration, change: Change) -> str:
    """What the achievement says it came from; the sender's claim, never a verification."""
    if integration.platform == Platform.OPENBADGES:
        issuer = change.fields.get("organization") or "unknown"
        return f"Open Badges issuer {issuer}"[:200]
    if integration.platform == Platform.GITHUB:
        return "GitHub"
    return f"{integration.name} (webhook)"[:200]


def _error_text(exc) -> str:
    if isinstance(exc, ValidationError):
        detail = exc.detail
        if isinstance(detail, dict):
            return "; ".join(
                f"{field}: {' '.join(str(m) for m in (msgs if isinstance(msgs, list) else [msgs]))}"
                for field, msgs in detail.items()
            )
        return " ".join(str(m) for m in (detail if isinstance(detail, list) else [detail]))
    return str(exc)


def delivery_process(*, log_id: int) -> WebhookLog | None:
    """Turn a received delivery into an achievement change, once.

    Idempotent: a log that is gone or no longer ``received`` is left alone, and the
    achievement is found by (integration, external id), so a crash between writing the
    achievement and marking the log can only lead to an update, never a duplicate.
    """
    with transaction.atomic():
        log = (
            WebhookLog.objects.select_for_update(of=("self",))
            .select_related("integration__user")
            .filter(pk=log_id)
            .first()
        )
        if log is None or log.status != DeliveryStatus.RECEIVED:
            return log
        platform = get_platform(log.platform)
        try:
            with transaction.atomic():  # a rejected change leaves nothing behind
                change = platform.to_change(log.event_type, log.payload)
                achievement = None
                if change is not None and not log.is_test:
                    achievement = _apply(integration=log.integration, change=change)
        except (PayloadError, ValidationError) as exc:
            log.status, log.error = DeliveryStatus.FAILED, _error_text(exc)[:2000]
        else:
            log.status, log.error, log.achievement = DeliveryStatus.PROCESSED, "", achievement
        log.processed_at = timezone.now()
        log.save(update_fields=["status", "error", "achievement", "processed_at"])
    logger.info("Webhook log %s %s (%s)", log.pk, log.status, log.event_type)
    return log


def delivery_reprocess(*, log: WebhookLog) -> WebhookLog | None:
    """Run a failed (or any non-ignored) delivery again, now, through the same path."""
    if log.status == DeliveryStatus.IGNORED:
        return log
    WebhookLog.objects.filter(pk=log.pk).update(status=DeliveryStatus.RECEIVED, error="")
    return delivery_process(log_id=log.pk)
