"""Signals accounts sends."""

from django.dispatch import Signal

# Sent after the commit that deactivated an account for deletion (kwargs: user).
# Apps that cache a user's public pages drop them here.
user_deactivated = Signal()
