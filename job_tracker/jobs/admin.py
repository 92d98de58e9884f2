"""Admin for job sources (with "scrape now") and scraped postings."""

from django import forms
from django.contrib import admin, messages

from job_tracker.models import JobPosting, JobSource, SavedSearch, SemanticIndex

from .scraping import ADAPTERS, ScrapeError
from .services import STATUS_FAILED, STATUS_SKIPPED, source_scrape
from .tasks import scrape_source

PROBE_RETRIES = 1


class JobSourceForm(forms.ModelForm):
    """Checks a new or changed identifier by fetching one page from the board before saving."""

    base_url = forms.URLField(
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Overrides the board's public API root.",
    )

    class Meta:
        model = JobSource
        fields = ["kind", "name", "identifier", "base_url", "is_active", "min_interval_hours"]

    def clean(self):
        cleaned = super().clean()
        watched = {"kind", "identifier", "base_url"}
        if self.errors or (self.instance.pk and not watched & set(self.changed_data)):
            return cleaned
        adapter_class = ADAPTERS.get(cleaned.get("kind"))
        if adapter_class is None:
            return cleaned
        probe = JobSource(
            kind=cleaned["kind"],
            identifier=cleaned.get("identifier", ""),
            base_url=cleaned.get("base_url", ""),
            name=cleaned.get("name", ""),
        )
        adapter = adapter_class(probe, client=adapter_class.client_class(max_retries=PROBE_RETRIES))
        try:
            listed = adapter.probe_all()
        except ScrapeError as exc:
            raise forms.ValidationError(
                {"identifier": f"The board did not answer with a listing: {exc}"}
            ) from exc
        if listed == 0:
            raise forms.ValidationError(
                {
                    "identifier": "The board answered with no postings. An unknown identifier looks the same "
                    "on this board: check it, or add the source once it lists jobs."
                }
            )
        return cleaned


@admin.register(JobSource)
class JobSourceAdmin(admin.ModelAdmin):
    form = JobSourceForm
    list_display = (
        "__str__",
        "kind",
        "identifier",
        "is_active",
        "min_interval_hours",
        "last_run_at",
        "last_status",
        "postings_seen",
    )
    list_filter = ("kind", "is_active", "last_status")
    search_fields = ("name", "identifier", "base_url", "last_error")
    readonly_fields = (
        "last_run_at",
        "last_status",
        "last_error",
        "postings_seen",
        "created_at",
        "updated_at",
    )
    fieldsets = (
        (None, {"fields": ("kind", "name", "identifier", "base_url", "is_active", "min_interval_hours")}),
        ("Last run", {"fields": ("last_run_at", "last_status", "last_error", "postings_seen")}),
        ("Record", {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )
    actions = ["scrape_now", "queue_scrape", "activate", "deactivate"]

    @admin.action(description="Scrape now (here, ignoring the minimum interval)")
    def scrape_now(self, request, queryset):
        for source in queryset:
            summary = source_scrape(source=source, force=True)
            if summary.status == STATUS_FAILED:
                self.message_user(request, f"{source}: failed: {'; '.join(summary.errors)}", messages.ERROR)
            elif summary.status == STATUS_SKIPPED:
                self.message_user(
                    request, f"{source}: skipped (a scrape of it is already running)", messages.WARNING
                )
            else:
                self.message_user(
                    request,
                    f"{source}: fetched {summary.fetched}, created {summary.created}, updated "
                    f"{summary.updated}, deactivated {summary.deactivated}, skipped {summary.skipped}",
                    messages.SUCCESS,
                )

    @admin.action(description="Queue a scrape on the worker")
    def queue_scrape(self, request, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        for source_id in ids:
            scrape_source.delay(source_id, force=True)
        self.message_user(request, f"Queued {len(ids)} source(s).", messages.SUCCESS)

    @admin.action(description="Activate")
    def activate(self, request, queryset):
        self.message_user(request, f"Activated {queryset.update(is_active=True)} source(s).")

    @admin.action(description="Deactivate (keeps their postings)")
    def deactivate(self, request, queryset):
        self.message_user(request, f"Deactivated {queryset.update(is_active=False)} source(s).")


@admin.register(JobPosting)
class JobPostingAdmin(admin.ModelAdmin):
    list_display = ("title", "company_name", "location", "remote", "source", "is_active", "published_at")
    list_filter = ("is_active", "remote", "source__kind", "source", "employment_type", "published_at")
    search_fields = ("title", "company_name", "location", "external_id", "description")
    list_select_related = ("source",)
    date_hierarchy = "published_at"
    raw_id_fields = ("source",)
    readonly_fields = ("first_seen_at", "last_seen_at")
    exclude = ("search_vector",)
    actions = ["mark_inactive", "mark_active"]
    show_full_result_count = False

    @admin.action(description="Mark inactive")
    def mark_inactive(self, request, queryset):
        self.message_user(request, f"{queryset.update(is_active=False)} posting(s) marked inactive.")

    @admin.action(description="Mark active")
    def mark_active(self, request, queryset):
        self.message_user(request, f"{queryset.update(is_active=True)} posting(s) marked active.")


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "frequency", "min_score", "alerts_enabled", "last_sent_at")
    list_filter = ("frequency", "alerts_enabled")
    search_fields = ("name", "q", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user", "source")


@admin.register(SemanticIndex)
class SemanticIndexAdmin(admin.ModelAdmin):
    list_display = ("__str__", "kind", "dimensions", "postings_count", "created_at")
    exclude = ("vocabulary", "arrays")
    readonly_fields = ("kind", "model_path", "dimensions", "postings_count", "created_at")

    def has_add_permission(self, request):
        return False
