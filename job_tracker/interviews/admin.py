from django.contrib import admin

from job_tracker.models import Interview


@admin.register(Interview)
class InterviewAdmin(admin.ModelAdmin):
    list_display = ("application", "kind", "starts_at", "time_zone", "status", "sequence", "reminder_sent_at")
    list_filter = ("kind", "status")
    search_fields = ("application__job_title", "application__company_name", "user__username")
    list_select_related = ("application",)
    raw_id_fields = ("user", "application", "contacts")
    readonly_fields = ("uid", "sequence", "remind_at", "reminder_sent_at")
