"""Handlers accounts connects in ``AccountsConfig.ready()``."""

from . import services


def revoke_credentials_on_password_change(sender, request=None, user=None, **kwargs):
    """allauth's password change, reset and set: every JWT and personal token stops working."""
    if user is not None:
        services.user_credentials_revoke(user=user)
