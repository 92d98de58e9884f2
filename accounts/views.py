import json

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from . import services
from .forms import DeleteAccountForm, ProfileForm, SignUpForm
from .registry import dashboard_panels, settings_sections


def home(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    return render(request, "home.html")


def signup(request):
    if request.user.is_authenticated:
        return redirect("accounts:dashboard")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = services.user_register(
            username=form.cleaned_data["username"],
            email=form.cleaned_data["email"],
            password=form.cleaned_data["password1"],
        )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, f"Welcome to ResuMate, {user.username}!")
        return redirect("accounts:dashboard")
    return render(request, "accounts/signup.html", {"form": form})


@login_required
def dashboard(request):
    return render(request, "accounts/dashboard.html", {"panels": dashboard_panels(request)})


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
                messages.success(request, "Profile saved.")
                return redirect("accounts:settings")
        elif action == "password":
            password_form = PasswordChangeForm(request.user, request.POST, prefix="password")
            if password_form.is_valid():
                user = password_form.save()
                update_session_auth_hash(request, user)
                messages.success(request, "Password changed.")
                return redirect("accounts:settings")
        elif action == "delete":
            delete_form = DeleteAccountForm(request.user, request.POST, prefix="delete")
            if delete_form.is_valid():
                user = request.user
                logout(request)
                services.user_delete(user=user)
                messages.success(request, "Your account and all its data were deleted.")
                return redirect("accounts:login")

    context = {
        "profile_form": profile_form,
        "password_form": password_form,
        "delete_form": delete_form,
        "sections": settings_sections(request),
    }
    return render(request, "accounts/settings.html", context, status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def export_data(request):
    document = services.user_data_export(user=request.user)
    response = HttpResponse(
        json.dumps(document, cls=DjangoJSONEncoder, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="resumate-{request.user.username}.json"'
    return response
