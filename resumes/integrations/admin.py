from django.contrib import admin, messages

from . import services
from .models import DeliveryStatus, Integration, WebhookLog


@admin.register(Integration)
class IntegrationAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "platform", "is_active", "created_at", "last_event_at")
    list_filter = ("platform", "is_active")
    search_fields = ("name", "user__username", "user__email")
    list_select_related = ("user",)
    # The encrypted secret is never shown, not even to staff.
    exclude = ("secret_encrypted",)
    readonly_fields = ("hook_id", "platform", "user", "created_at", "last_event_at", "secret_rotated_at")
    actions = ("deactivate",)

    def has_add_permission(self, request):
        return False  # users connect platforms themselves; the secret is shown to them once

    @admin.action(description="Pause the selected integrations")
    def deactivate(self, request, queryset):
        count = queryset.update(is_active=False)
        self.message_user(request, f"{count} integration(s) paused.")


@admin.register(WebhookLog)
class WebhookLogAdmin(admin.ModelAdmin):
    list_display = (
        "received_at",
        "integration",
        "platform",
        "event_type",
        "status",
        "is_test",
        "achievement",
    )
    list_filter = ("platform", "status", "is_test")
    search_fields = ("delivery_id", "event_type", "integration__name", "integration__user__username")
    list_select_related = ("integration", "achievement")
    date_hierarchy = "received_at"
    actions = ("reprocess_failed",)
    readonly_fields = [f.name for f in WebhookLog._meta.fields]

    def has_add_permission(self, request):
        return False

    @admin.action(description="Reprocess failed deliveries")
    def reprocess_failed(self, request, queryset):
        outcomes = {}
        for log in queryset.filter(status=DeliveryStatus.FAILED).select_related("integration"):
            result = services.delivery_reprocess(log=log)
            outcomes[result.status] = outcomes.get(result.status, 0) + 1
        if not outcomes:
            self.message_user(request, "No failed deliveries selected.", messages.WARNING)
            return
        summary = ", ".join(f"{n} {status}" for status, n in sorted(outcomes.items()))
        self.message_user(request, f"Reprocessed: {summary}.")
