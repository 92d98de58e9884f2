"""hh.ru connection and applying: tokens encrypted at rest, refreshed, revocable; one click, one application.

``hh_apply`` is the only path that sends an application, and only the apply
page's POST and the API's apply endpoint (the user's click or explicit request,
with the resume and letter they chose) call it.
At most ``HH_APPLICATIONS_PER_HOUR`` per user: counted from ``HHNegotiation``
rows under a lock on the user's ``HHAccount``, so two tabs cannot both slip past.
"""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from job_tracker.applications import services as application_services
from job_tracker.models import (
    ApplicationStatus,
    HHAccount,
    HHNegotiation,
    JobApplication,
    JobPosting,
    JobSourceKind,
)
from resumate.exceptions import ApplicationError
from resumes.integrations.signatures import SecretUnavailable, decrypt_secret, encrypt_secret

from .client import HHAuthError, HHClient, Tokens

STATE_SALT = "job_tracker.hh.oauth-state"
STATE_MAX_AGE = 15 * 60
REFRESH_MARGIN = timedelta(minutes=2)


class HHNotConfigured(ApplicationError):
    status = 503
    code = "hh_not_configured"
    detail = "hh.ru applying is not set up on this installation (HH_CLIENT_ID / HH_CLIENT_SECRET)."


class HHApplyLimit(ApplicationError):
    status = 429
    code = "hh_apply_limit"


class NotAnHHPosting(ApplicationError):
    status = 400
    code = "not_hh_posting"
    detail = gettext_lazy("Only postings from hh.ru can be applied to through hh.ru.")


def is_configured() -> bool:
    return bool(settings.HH_CLIENT_ID and settings.HH_CLIENT_SECRET)


def authorization_start(*, user, redirect_uri: str) -> tuple[str, str]:
    """(hh's authorize URL, the signed state the callback must bring back)."""
    if not is_configured():
        raise HHNotConfigured()
    state = signing.dumps({"u": user.pk, "n": secrets.token_urlsafe(16)}, salt=STATE_SALT)
    return HHClient.authorize_url(state=state, redirect_uri=redirect_uri), state


def state_is_valid(*, user, state: str, expected: str | None) -> bool:
    if not state or not expected or not secrets.compare_digest(state, expected):
        return False
    try:
        return signing.loads(state, salt=STATE_SALT, max_age=STATE_MAX_AGE).get("u") == user.pk
    except signing.BadSignature:
        return False


def _store(account: HHAccount, tokens: Tokens) -> None:
    account.access_token_encrypted = encrypt_secret(tokens.access_token)
    account.refresh_token_encrypted = encrypt_secret(tokens.refresh_token)
    account.expires_at = timezone.now() + timedelta(seconds=max(tokens.expires_in, 60))


def hh_connect(*, user, code: str, redirect_uri: str) -> HHAccount:
    """Exchange the authorization code and keep the tokens (encrypted); reconnecting replaces them."""
    if not is_configured():
        raise HHNotConfigured()
    with HHClient() as client:
        tokens = client.exchange_code(code=code, redirect_uri=redirect_uri)
    with HHClient(access_token=tokens.access_token) as client:
        me = client.me()
    name = " ".join(str(me.get(k) or "") for k in ("first_name", "last_name")).strip() or str(
        me.get("email") or ""
    )
    account = HHAccount.objects.filter(user=user).first() or HHAccount(user=user)
    account.hh_user_id = str(me.get("id") or "")[:50]
    account.display_name = name[:200]
    _store(account, tokens)
    account.save()
    return account


def access_token(*, account: HHAccount) -> str:
    """A usable access token, refreshed first when it is (nearly) expired."""
    try:
        if account.expires_at - REFRESH_MARGIN > timezone.now():
            return decrypt_secret(account.access_token_encrypted)
        refresh_token = decrypt_secret(account.refresh_token_encrypted)
    except SecretUnavailable as exc:
        raise HHAuthError() from exc
    with HHClient() as client:
        try:
            tokens = client.refresh(refresh_token=refresh_token)
        except HHAuthError:
            raise
        except ApplicationError as exc:
            if exc.code in ("invalid_grant", "bad_token", "token_revoked"):
                raise HHAuthError() from exc
            raise
    _store(account, tokens)
    account.save(
        update_fields=["access_token_encrypted", "refresh_token_encrypted", "expires_at", "updated_at"]
    )
    return tokens.access_token


def hh_disconnect(*, user) -> bool:
    """Revoke the token on hh.ru (best effort) and forget it here; False when nothing was connected."""
    account = HHAccount.objects.filter(user=user).first()
    if account is None:
        return False
    try:
        with HHClient(access_token=access_token(account=account)) as client:
            client.revoke()
    except ApplicationError:
        pass  # an already dead token is as good as revoked; ours is deleted either way
    account.delete()
    return True


def account_for(*, user) -> HHAccount:
    account = HHAccount.objects.filter(user=user).first()
    if account is None:
        raise HHAuthError("Connect your hh.ru account first.")
    return account


def hh_resumes(*, user) -> list[dict]:
    """The user's resumes on hh.ru: [{"id", "title", "status"}]."""
    account = account_for(user=user)
    with HHClient(access_token=access_token(account=account)) as client:
        items = client.resumes()
    return [
        {
            "id": str(r["id"]),
            "title": str(r.get("title") or "Untitled resume"),
            "status": str((r.get("status") or {}).get("id") or "")
            if isinstance(r.get("status"), dict)
            else "",
        }
        for r in items
    ]


def applications_left(*, user, now=None) -> int:
    now = now or timezone.now()
    used = HHNegotiation.objects.filter(user=user, created_at__gte=now - timedelta(hours=1)).count()
    return max(0, settings.HH_APPLICATIONS_PER_HOUR - used)


def _record(*, user, posting: JobPosting, message: str) -> JobApplication:
    """The tracked application: the one already made from this posting moves to applied, else a new one."""
    application = JobApplication.objects.filter(user=user, job_posting=posting).order_by("pk").first()
    note = "Applied via hh.ru"
    if application is None:
        return application_services.application_create(
            user=user,
            status=ApplicationStatus.APPLIED,
            note=note,
            job_posting=posting,
            job_title=posting.title[:200],
            company_name=(posting.company_name or "hh.ru")[:200],
            location=posting.location[:200],
            url=posting.url,
            original_job_description=posting.description,
            cover_letter=message,
        )
    return application_services.application_update(
        application=application,
        status=ApplicationStatus.APPLIED,
        note=note,
        cover_letter=message,
        url=posting.url,
    )


@transaction.atomic
def hh_apply(*, user, posting: JobPosting, resume_id: str, message: str) -> JobApplication:
    """Send one application through hh's negotiations API and track it (status applied, event, link).

    Raises ``HHApplyLimit`` (429) past the hourly limit, ``HHError`` with hh's
    reason (already applied, test required, vacancy archived, ...) when hh refuses;
    nothing is recorded then.
    """
    if posting.source.kind != JobSourceKind.HH:
        raise NotAnHHPosting()
    account = HHAccount.objects.select_for_update().filter(user=user).first()
    if account is None:
        raise HHAuthError("Connect your hh.ru account first.")
    now = timezone.now()
    if applications_left(user=user, now=now) <= 0:
        raise HHApplyLimit(
            gettext("At most %(n)s applications an hour via hh.ru: try again later.")
            % {"n": settings.HH_APPLICATIONS_PER_HOUR},
            headers={"Retry-After": "3600"},
        )
    if HHNegotiation.objects.filter(user=user, vacancy_id=posting.external_id).exists():
        raise ApplicationError(
            gettext("You have already applied to this vacancy through ResuMate."),
            code="already_applied",
            status=409,
        )
    with HHClient(access_token=access_token(account=account)) as client:
        negotiation_id = client.apply(vacancy_id=posting.external_id, resume_id=resume_id, message=message)
    application = _record(user=user, posting=posting, message=message)
    HHNegotiation.objects.create(
        user=user,
        posting=posting,
        application=application,
        vacancy_id=posting.external_id,
        hh_resume_id=resume_id[:100],
        negotiation_id=negotiation_id[:100],
        created_at=now,
    )
    return application
