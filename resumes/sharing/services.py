"""Writes for sharing: create and revoke links, count visits, check passwords, comments, public profile.

Visits are counted per day in ``ShareLinkDailyCount``. The same visitor is
counted once a day per kind: the check keeps a keyed hash of the client in
the cache for a day; no address reaches the database.
"""

import hashlib
import hmac
import logging
import re

from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from rest_framework.exceptions import ValidationError

from resumate.exceptions import ApplicationError

from . import tokens
from .models import PublicProfile, ShareComment, ShareLink, ShareLinkDailyCount
from .privacy import SECTION_KEYS

PASSWORD_ATTEMPTS = 10  # per visitor and link
PASSWORD_ATTEMPTS_PER_LINK = 100  # from everyone, so many addresses cannot guess either
PASSWORD_WINDOW_SECONDS = 15 * 60
COMMENTS_PER_WINDOW = 5  # per visitor and link
COMMENT_WINDOW_SECONDS = 10 * 60
COMMENTS_PER_LINK = 200
NAME_MAX, BODY_MAX = 80, 2000
VISIT_KINDS = ("views", "downloads")

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9]|-(?!-))*[a-z0-9]$")
SLUG_MIN, SLUG_MAX = 3, 40
logger = logging.getLogger(__name__)

RESERVED_SLUGS = frozenset(
    [
        "about",
        "account",
        "accounts",
        "admin",
        "api",
        "app",
        "assets",
        "auth",
        "blog",
        "dashboard",
        "docs",
        "help",
        "health",
        "home",
        "jobs",
        "login",
        "logout",
        "me",
        "media",
        "new",
        "null",
        "p",
        "privacy",
        "profile",
        "public",
        "resumate",
        "resumes",
        "root",
        "s",
        "security",
        "settings",
        "share",
        "signup",
        "static",
        "staff",
        "support",
        "terms",
        "undefined",
        "user",
        "users",
        "www",
    ]
)


class TooManyAttempts(ApplicationError):
    status = 429
    code = "throttled"
    detail = gettext_lazy("Too many attempts. Try again later.")


def _visitor(link_id: int, client: str, purpose: str) -> str:
    """A keyed hash naming a visitor for one link and purpose; not reversible to the address."""
    message = f"{purpose}:{link_id}:{client}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def _hit(key: str, *, limit: int, window: int) -> bool:
    """Count one attempt in a fixed window; False once ``limit`` attempts were made."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit


@transaction.atomic
def share_link_create(
    *,
    resume,
    expires_at=None,
    password: str = "",
    allow_comments: bool = False,
    show_email: bool = False,
    show_phone: bool = False,
    show_location: bool = False,
) -> tuple[ShareLink, str]:
    """A new link and its token; the token is returned here and can be read back only by the owner."""
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": [gettext("Choose a time in the future.")]})
    token = tokens.new_token()
    link = ShareLink.objects.create(
        resume=resume,
        token_hash=tokens.token_hash(token),
        token_encrypted=tokens.encrypt_token(token),
        expires_at=expires_at,
        password_hash=make_password(password) if password else "",
        allow_comments=allow_comments,
        show_email=show_email,
        show_phone=show_phone,
        show_location=show_location,
    )
    return link, token


def share_link_revoke(*, link: ShareLink) -> ShareLink:
    """Revoke at once (the page answers 404 from now on); revoking twice keeps the first time."""
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
    return link


def record_visit(*, link: ShareLink, kind: str, client: str) -> bool:
    """Count a view or download for today unless this visitor was counted today; True when counted."""
    if kind not in VISIT_KINDS:
        raise ValueError(kind)
    today = timezone.localdate()
    seen_key = f"share:seen:{kind}:{today.isoformat()}:{_visitor(link.pk, client, kind)}"
    if not cache.add(seen_key, 1, 24 * 60 * 60):
        return False
    try:
        with transaction.atomic():
            _count(link=link, date=today, kind=kind)
    except DatabaseError:
        # A counter must never cost the visitor the page (SQLite busy, a replica promoted...).
        logger.warning("Share link %s: %s not counted", link.pk, kind, exc_info=True)
        cache.delete(seen_key)
        return False
    return True


def _count(*, link, date, kind) -> None:
    if ShareLinkDailyCount.objects.filter(link=link, date=date).update(**{kind: F(kind) + 1}):
        return
    try:
        with transaction.atomic():
            ShareLinkDailyCount.objects.create(link=link, date=date, **{kind: 1})
    except IntegrityError:  # another request created today's row first
        ShareLinkDailyCount.objects.filter(link=link, date=date).update(**{kind: F(kind) + 1})


def share_link_unlock(*, link: ShareLink, password: str, client: str) -> bool:
    """True when ``password`` opens the link. Raises ``TooManyAttempts`` past the limits."""
    window = PASSWORD_WINDOW_SECONDS
    mine = _hit(f"share:pw:{_visitor(link.pk, client, 'password')}", limit=PASSWORD_ATTEMPTS, window=window)
    everyone = _hit(f"share:pw:link:{link.pk}", limit=PASSWORD_ATTEMPTS_PER_LINK, window=window)
    if not (mine and everyone):
        raise TooManyAttempts(headers={"Retry-After": str(window)})
    return bool(link.password_hash) and check_password(password, link.password_hash)


def share_comment_create(
    *, link: ShareLink, section: str, author_name: str, body: str, client: str, sections
) -> ShareComment:
    """A comment on ``section`` (one of ``sections``, those the shared page shows)."""
    if not link.allow_comments:
        raise ApplicationError(gettext("Comments are off for this link."), "comments_off", 403)
    errors = {}
    author_name, body = (author_name or "").strip(), (body or "").strip()
    if section not in sections:
        errors["section"] = ["Choose a section of this resume."]
    if not author_name:
        errors["author_name"] = ["Tell the owner who you are."]
    elif len(author_name) > NAME_MAX:
        errors["author_name"] = [f"At most {NAME_MAX} characters."]
    if not body:
        errors["body"] = ["Write a comment."]
    elif len(body) > BODY_MAX:
        errors["body"] = [f"At most {BODY_MAX} characters."]
    if errors:
        raise ValidationError(errors)
    key = f"share:comment:{_visitor(link.pk, client, 'comment')}"
    if not _hit(key, limit=COMMENTS_PER_WINDOW, window=COMMENT_WINDOW_SECONDS):
        raise TooManyAttempts(headers={"Retry-After": str(COMMENT_WINDOW_SECONDS)})
    if ShareComment.objects.filter(link=link).count() >= COMMENTS_PER_LINK:
        raise TooManyAttempts("This link has taken all the comments it can.", "comments_full")
    return ShareComment.objects.create(link=link, section=section, author_name=author_name, body=body)


def validate_slug(slug: str) -> str:
    """The slug lower-cased; raises ValidationError naming what is wrong."""
    slug = (slug or "").strip().lower()
    if not slug:
        return ""
    if not SLUG_MIN <= len(slug) <= SLUG_MAX:
        raise ValidationError(
            {"slug": [gettext("Use %(min)s to %(max)s characters.") % {"min": SLUG_MIN, "max": SLUG_MAX}]}
        )
    if not SLUG_RE.match(slug):
        raise ValidationError(
            {
                "slug": [
                    gettext(
                        "Use letters a-z, digits and single hyphens; start and end with a letter or digit."
                    )
                ]
            }
        )
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": [gettext("“%(slug)s” is reserved; choose another.") % {"slug": slug}]})
    return slug


PROFILE_FIELDS = ("slug", "published", "resume", "sections", "show_email", "show_phone", "show_location")


@transaction.atomic
def public_profile_update(*, user, **changes) -> PublicProfile:
    """Create or change the user's public profile. ``resume`` must be the user's (checked by callers' input).

    Raises ValidationError for a bad or taken slug, unknown sections, or publishing without a slug.
    """
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    profile = PublicProfile.objects.select_for_update().filter(user=user).first() or PublicProfile(user=user)
    if "slug" in changes:
        changes["slug"] = validate_slug(changes["slug"])
    if "sections" in changes:
        sections = list(dict.fromkeys(changes["sections"] or []))
        bad = [s for s in sections if s not in SECTION_KEYS]
        if bad:
            raise ValidationError(
                {"sections": [f"Unknown section {bad[0]!r}; choose from: {', '.join(SECTION_KEYS)}."]}
            )
        changes["sections"] = [s for s in SECTION_KEYS if s in sections]
    resume = changes.get("resume")
    if resume is not None and resume.user_id != user.pk:
        raise ValidationError({"resume": [gettext("Choose one of your resumes.")]})
    for field, value in changes.items():
        setattr(profile, field, value)
    if profile.published and not profile.slug:
        raise ValidationError({"slug": [gettext("Choose an address before publishing.")]})
    if profile.slug and (PublicProfile.objects.filter(slug__iexact=profile.slug).exclude(user=user).exists()):
        raise ValidationError({"slug": [gettext("That address is taken; choose another.")]})
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:  # taken by a concurrent request since the check
        raise ValidationError({"slug": [gettext("That address is taken; choose another.")]}) from exc
    return profile
