"""django-allauth adapters: our client address, our wording, expiry in every mail, restore on log-in."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

from resumate.network import client_ip

from . import restore
from .models import User

DELETED_ACCOUNT = (
    "This account is deleted and waits to be erased. Only its password can restore it: "
    "log in below with your username or e-mail address and password."
)


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        # Django's wording, which the log-in page always used.
        "username_password_mismatch": gettext_lazy("Please enter a correct username and password."),
        "email_password_mismatch": gettext_lazy("Please enter a correct e-mail address and password."),
    }

    def get_client_ip(self, request):
        # allauth's per-client rate limits must see the client behind nginx, as axes does.
        return client_ip(request) or request.META.get("REMOTE_ADDR") or "unknown"

    def send_mail(self, template_prefix, email, context):
        # A deleted account gets no mail, not even "you already have an account" from someone's sign-up.
        if User.objects.filter(email__iexact=email, deletion_requested_at__isnull=False).exists():
            return
        # Every link we mail says how long it works.
        context = {
            **context,
            "site_url": settings.SITE_URL,
            "password_reset_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
            "confirmation_days": settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS,
        }
        super().send_mail(template_prefix, email, context)

    def respond_user_inactive(self, request, user):
        """The right password for an account awaiting erasure offers to restore it."""
        if user.deletion_requested_at is not None:
            restore.offer(request, user)
            return redirect("accounts:restore")
        return super().respond_user_inactive(request, user)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        """A provider neither restores a deleted account nor signs up a new one for its address.

        Restoring takes the password (``AccountAdapter.respond_user_inactive``); here the log-in
        stops before allauth would offer the restore page or a sign-up form.
        """
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            return  # a signed-in user linking a provider: allauth's own checks apply
        if _deleted_account_for(sociallogin) is not None:
            messages.error(request, DELETED_ACCOUNT)
            raise ImmediateHttpResponse(redirect("accounts:login"))


def _deleted_account_for(sociallogin) -> User | None:
    if sociallogin.is_existing:
        user = sociallogin.user
        return user if user.deletion_requested_at is not None else None
    emails = {a.email for a in sociallogin.email_addresses} | {sociallogin.user.email}
    named = Q()
    for email in filter(None, emails):
        named |= Q(email__iexact=email) | Q(emailaddress__email__iexact=email)
    if not named:
        return None
    return User.objects.filter(named, deletion_requested_at__isnull=False).first()
