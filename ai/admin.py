from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.text import Truncator
from django.views.decorators.http import require_POST

from . import limits, services
from .exceptions import AIError
from .models import AIModel, AIRequest


@admin.register(AIModel)
class AIModelAdmin(admin.ModelAdmin):
    list_display = (
        "display_name",
        "api_provider",
        "model_name",
        "is_active",
        "available",
        "login_required",
        "daily_limit",
        "global_daily_limit",
        "fallback",
        "updated_at",
    )
    list_filter = ("api_provider", "is_active", "login_required")
    search_fields = ("display_name", "model_name", "description", "base_url")
    list_select_related = ("fallback",)
    actions = ("activate", "deactivate", "reset_circuit", "test_models")
    change_form_template = "admin/ai/aimodel/change_form.html"
    # Own servers are mostly plain http on the local network.
    formfield_overrides = {models.URLField: {"assume_scheme": "http"}}

    @admin.display(boolean=True, description="Configured")
    def available(self, obj):
        return obj.configured

    def get_urls(self):
        test = self.admin_site.admin_view(require_POST(self.test_view))
        return [path("<int:pk>/test/", test, name="ai_aimodel_test"), *super().get_urls()]

    def _report_test(self, request, model):
        try:
            result = services.model_test(model=model, user=request.user)
        except AIError as exc:
            messages.error(request, f"{model.display_name} did not answer: {exc.detail}")
            return
        answer = Truncator(" ".join(str(result.value).split())).chars(80)
        messages.success(request, f"{model.display_name} answered in {result.latency_ms} ms: “{answer}”")

    def test_view(self, request, pk):
        model = get_object_or_404(AIModel, pk=pk)
        if not self.has_change_permission(request, model):
            raise PermissionDenied
        self._report_test(request, model)
        return redirect(reverse("admin:ai_aimodel_change", args=[model.pk]))

    @admin.action(description="Test selected models (one short prompt each)")
    def test_models(self, request, queryset):
        for model in queryset[:10]:  # each is a real call: keep the admin's request bounded
            self._report_test(request, model)

    @admin.action(description="Activate selected models")
    def activate(self, request, queryset):
        for model in queryset:  # one save each, so the models-list cache is dropped
            model.is_active = True
            model.save(update_fields=["is_active", "updated_at"])

    @admin.action(description="Deactivate selected models")
    def deactivate(self, request, queryset):
        for model in queryset:
            model.is_active = False
            model.save(update_fields=["is_active", "updated_at"])

    @admin.action(description="Close the circuit breaker (try the model again now)")
    def reset_circuit(self, request, queryset):
        for model in queryset:
            limits.breaker_success(model)
        messages.success(request, f"Circuit closed for {queryset.count()} model(s).")


@admin.register(AIRequest)
class AIRequestAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "model_display_name",
        "feature",
        "status",
        "user",
        "client_ip",
        "prompt_tokens",
        "completion_tokens",
        "latency_ms",
        "attempts",
        "is_fallback",
    )
    list_filter = ("status", "feature", "model_display_name", "is_fallback", "created_at")
    search_fields = ("user__username", "user__email", "error", "client_ip")
    date_hierarchy = "created_at"
    list_select_related = ("user",)
    readonly_fields = [f.name for f in AIRequest._meta.fields]
    change_list_template = "admin/ai/airequest/change_list.html"

    def has_add_permission(self, request):
        return False  # a log: written by the service only

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data["daily_totals"] = (
                changelist.queryset.order_by()
                .annotate(day=TruncDate("created_at"))
                .values("day")
                .annotate(
                    requests=Count("id"),
                    failures=Count("id", filter=~Q(status__in=["success", "cached"])),
                    cached=Count("id", filter=Q(status="cached")),
                    prompt_tokens=Sum("prompt_tokens"),
                    completion_tokens=Sum("completion_tokens"),
                )
                .order_by("-day")[:14]
            )
        return response
