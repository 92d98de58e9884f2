from django.contrib import admin, messages

from job_tracker.models import WeeklyReport

from .services import resend_weekly_reports


class WeekFilter(admin.SimpleListFilter):
    title = "week"
    parameter_name = "week"

    def lookups(self, request, model_admin):
        weeks = WeeklyReport.objects.order_by("-week_start").values_list("week_start", flat=True).distinct()
        return [(w.isoformat(), f"Week of {w:%Y-%m-%d}") for w in weeks[:26]]

    def queryset(self, request, queryset):
        return queryset.filter(week_start=self.value()) if self.value() else queryset


class EmailedFilter(admin.SimpleListFilter):
    title = "e-mailed"
    parameter_name = "emailed"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(emailed_at__isnull=self.value() == "no")
        return queryset


@admin.register(WeeklyReport)
class WeeklyReportAdmin(admin.ModelAdmin):
    list_display = (
        "user",
        "week_start",
        "applications_sent",
        "responses",
        "interviews",
        "offers",
        "postings_matched",
        "emailed_at",
    )
    list_filter = (WeekFilter, EmailedFilter, "user__weekly_report_emails")
    search_fields = ("user__username", "user__email")
    date_hierarchy = "week_start"
    list_select_related = ("user",)
    readonly_fields = ("created_at", "updated_at", "emailed_at")
    raw_id_fields = ("user",)
    actions = ("resend",)

    @admin.action(description="Resend the selected reports by e-mail")
    def resend(self, request, queryset):
        reports = list(queryset.select_related("user"))
        sent = resend_weekly_reports(reports=reports)
        skipped = len(reports) - sent
        self.message_user(request, f"{sent} report(s) e-mailed.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{skipped} skipped: the user opted out, is inactive or has no e-mail.",
                messages.WARNING,
            )
