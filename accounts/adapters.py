"""django-allauth adapters: our client address, our wording, expiry in every mail, restore on log-in."""

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy

from resumate.network import client_ip

from . import restore


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
