from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

        from . import schema  # noqa: F401  (registers the OpenAPI extension)
        from .registry import register_user_data

        register_user_data(
            "token_blacklist.outstandingtoken",
            lambda user: OutstandingToken.objects.filter(user=user),
            exclude=("token",),
        )
