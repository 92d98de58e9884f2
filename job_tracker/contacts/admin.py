from django.contrib import admin

from job_tracker.models import Company, Contact, TrackerSettings


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ("name", "company", "role", "user", "updated_at")
    search_fields = ("name", "company", "email", "user__username")
    list_select_related = ("user",)
    raw_id_fields = ("user", "applications")


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "size", "updated_at")
    search_fields = ("name", "user__username")
    list_select_related = ("user",)
    raw_id_fields = ("user",)


@admin.register(TrackerSettings)
class TrackerSettingsAdmin(admin.ModelAdmin):
    list_display = ("user", "reminder_hours", "follow_up_days", "follow_up_digest", "digest_sent_on")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    exclude = ("calendar_token",)
