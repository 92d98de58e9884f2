from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from allauth.account import signals as allauth_signals
        from allauth.account.decorators import secure_admin_login
        from allauth.account.models import EmailAddress
        from allauth.mfa.models import Authenticator
        from allauth.socialaccount.models import SocialAccount
        from django.contrib import admin
        from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

        from . import schema  # noqa: F401  (registers the OpenAPI extensions)
        from .handlers import keep_an_address_on_email_change, revoke_credentials_on_password_change
        from .models import PersonalAccessToken
        from .registry import register_user_data

        register_user_data(
            "token_blacklist.outstandingtoken",
            lambda user: OutstandingToken.objects.filter(user=user),
            exclude=("token",),
        )
        register_user_data("account.emailaddress", lambda user: EmailAddress.objects.filter(user=user))
        register_user_data(
            "socialaccount.socialaccount", lambda user: SocialAccount.objects.filter(user=user)
        )
        register_user_data(
            "mfa.authenticator", lambda user: Authenticator.objects.filter(user=user), exclude=("data",)
        )
        register_user_data(
            "accounts.personalaccesstoken",
            lambda user: PersonalAccessToken.objects.filter(user=user),
            exclude=("secret_hash",),
        )
        for name in ("password_changed", "password_reset", "password_set"):
            getattr(allauth_signals, name).connect(
                revoke_credentials_on_password_change, dispatch_uid=f"accounts.revoke_credentials.{name}"
            )
        allauth_signals.email_added.connect(
            keep_an_address_on_email_change, dispatch_uid="accounts.keep_an_address_on_email_change"
        )
        # The admin's log-in is allauth's, so two-factor and the lock-out apply to it too.
        admin.site.login = secure_admin_login(admin.site.login)
