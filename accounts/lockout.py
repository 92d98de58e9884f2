"""What django-axes counts failed log-ins against (AXES_USERNAME_CALLABLE).

Log-in ignores case and accepts the username or the e-mail address, so the
counter must too: ``Alice``, ``ALICE`` and ``alice@example.com`` are one
account and share one counter. Unknown names are counted casefolded as typed.
"""

from django.db.models import Q

from resumate.network import client_ip

from .models import User

# Field names a log-in arrives under: simplejwt and Django's admin ("username"), allauth ("login").
_FIELDS = ("username", "email", "login")


def lockout_username(request, credentials=None) -> str | None:
    typed = _typed_login(request, credentials)
    if not typed:
        return None
    typed = typed.strip()
    user = User.objects.filter(Q(username__iexact=typed) | Q(email__iexact=typed)).only("username").first()
    return (user.username if user else typed).casefold()


def _typed_login(request, credentials):
    for source in (credentials or {}, getattr(request, "data", None), getattr(request, "POST", None)):
        if not source or not hasattr(source, "get"):
            continue
        for field in _FIELDS:
            value = source.get(field)
            if isinstance(value, str) and value:
                return value
    return None


def lockout_client_ip(request) -> str | None:
    """The client address axes pairs with the account (AXES_CLIENT_IP_CALLABLE); None when unknown.

    None, not a placeholder: axes stores it in an IP address column (PostgreSQL's inet).
    """
    return client_ip(request)
