from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import TokenForm


@login_required
def token_list(request):
    form = TokenForm(request.POST or None)
    created = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            name = data["name"].strip()
            if (
                selectors.tokens_for_user(user=request.user)
                .filter(name=name, revoked_at__isnull=True)
                .exists()
            ):
                form.add_error("name", "You already have a token with this name.")
            else:
                days = data["expires_in_days"]
                try:
                    token, raw = services.token_create(
                        user=request.user,
                        name=name,
                        scope=data["scope"],
                        expires_at=timezone.now() + timedelta(days=days) if days else None,
                    )
                except services.TokenLimitReached:
                    form.add_error(None, "Too many live tokens; revoke one first.")
                else:
                    created = {"token": token, "raw": raw}
                    form = TokenForm()
        if created is None:
            status = 400
    tokens = selectors.tokens_for_user(user=request.user)
    return render(
        request, "accounts/tokens.html", {"form": form, "tokens": tokens, "created": created}, status=status
    )


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(selectors.tokens_for_user(user=request.user), pk=pk)
    services.token_revoke(token=token)
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
