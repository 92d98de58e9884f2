"""Handlers accounts connects in ``AccountsConfig.ready()``."""

from . import services


def revoke_credentials_on_password_change(sender, request=None, user=None, **kwargs):
    """allauth's password change, reset and set: every JWT and personal token stops working."""
    if user is not None:
        services.user_credentials_revoke(user=user)


def keep_an_address_on_email_change(sender, request=None, user=None, email_address=None, **kwargs):
    """allauth's e-mail page: the same guard as the API's change of address."""
    if user is not None and email_address is not None:
        services.email_change_keep_an_address(user=user, address=email_address)
