from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .staff_mfa import staff_mfa_pending

# Where a staff member without two-factor may still go: setting it up, logging out, assets.
_OPEN_PREFIXES = ("/accounts/2fa/", "/accounts/logout/", "/logout/", "/accounts/reauthenticate/", "/static/")


class StaffMFAMiddleware:
    """With STAFF_REQUIRE_MFA, a staff session reaches no page (the admin included) before TOTP is set up.

    Applies to pages (session log-ins); the JSON API refuses such staff its tokens instead (``staff_mfa``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._needs_setup(request):
            messages.warning(request, _("Staff accounts must set up two-factor authentication first."))
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    @staticmethod
    def _needs_setup(request):
        # Health answers JSON, never a redirect; it keeps its details from such staff itself.
        if request.path.startswith((*_OPEN_PREFIXES, "/api/", "/health/")):
            return False
        return staff_mfa_pending(request.user)
