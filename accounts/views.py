import json

from allauth.account.models import EmailAddress
from allauth.mfa.base.forms import BaseAuthenticateForm
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import restore, services
from .forms import DeleteAccountForm, ProfileForm
from .registry import dashboard_panels, settings_sections


def home(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    return render(request, "home.html")


@login_required
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"panels": dashboard_panels(request)})


def _download(user):
    document = services.user_data_export(user=user)
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="resumate-{user.username}.json"'
    return response


@login_required
def account_settings(request):
    profile_form = ProfileForm(instance=request.user, prefix="profile")
    password_form = PasswordChangeForm(request.user, prefix="password")
    delete_form = DeleteAccountForm(request.user, prefix="delete")

    if request.method == "POST":
        action = request.POST.get("action")
        if action == "profile":
            profile_form = ProfileForm(request.POST, instance=request.user, prefix="profile")
            if profile_form.is_valid():
                profile_form.save()
                messages.success(request, _("Profile saved."))
                return redirect("accounts:settings")
        elif action == "password":
            password_form = PasswordChangeForm(request.user, request.POST, prefix="password")
            if password_form.is_valid():
                user = password_form.save()
                update_session_auth_hash(request, user)
                services.user_credentials_revoke(user=user)
                messages.success(request, _("Password changed. Every API token was revoked."))
                return redirect("accounts:settings")
        elif action == "delete":
            delete_form = DeleteAccountForm(request.user, request.POST, prefix="delete")
            if delete_form.is_valid():
                user = services.user_deactivate(user=request.user)
                logout(request)
                messages.success(
                    request,
                    _(
                        "Your account is deleted. It will be erased for good on %(date)s; "
                        "log in before then to restore it."
                    )
                    % {"date": date_format(restore.erasure_date(user), "d E Y")},
                )
                return redirect("accounts:login")

    user = request.user
    context = {
        "profile_form": profile_form,
        "password_form": password_form,
        "delete_form": delete_form,
        "sections": settings_sections(request),
        "email_address": EmailAddress.objects.filter(user=user, email__iexact=user.email).first(),
        "mfa_enabled": is_mfa_enabled(user, types=["totp"]),
        "grace_days": settings.ACCOUNT_DELETION_GRACE_DAYS,
    }
    return render(request, "accounts/settings.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def export_data(request):
    return _download(request.user)


def restore_account(request):
    """Offered after the right password for an account awaiting erasure: restore it, or take its data."""
    user = restore.offered_user(request)
    if user is None:
        return redirect("accounts:login")
    context = {"account": user, "erase_on": restore.erasure_date(user)}
    if restore.needs_second_factor(request, user):
        # The password alone neither restores nor exports an account that has two-factor.
        form = BaseAuthenticateForm(request.POST if request.method == "POST" else None, user=user)
        if form.is_valid():
            restore.second_factor_passed(request)
            return redirect("accounts:restore")
        status = 400 if request.method == "POST" else 200
        return render(request, "accounts/restore.html", {**context, "code_form": form}, status=status)
    if request.method == "POST":
        if request.POST.get("action") == "export":
            return _download(user)
        if request.POST.get("action") == "restore":
            services.user_restore(user=user)
            restore.withdraw(request)
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome back: your account is restored."))
            return redirect("accounts:dashboard")
    return render(request, "accounts/restore.html", context)
