"""Admin for applications and their history; edits and actions go through the services."""

from django import forms
from django.contrib import admin, messages
from django.db import transaction

from job_tracker.models import ApplicationEvent, JobApplication

from . import services


class ApplicationEventInline(admin.TabularInline):
    """History is written by the services only, so it is read-only here."""

    model = ApplicationEvent
    extra = 0
    fields = ("created_at", "from_status", "to_status", "note")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class JobApplicationAdminForm(forms.ModelForm):
    url = forms.URLField(required=False, max_length=1000, assume_scheme="https")

    class Meta:
        model = JobApplication
        fields = [
            "user",
            "job_title",
            "company_name",
            "location",
            "url",
            "salary",
            "date_applied",
            "status",
            "resume_used",
            "job_posting",
            "original_job_description",
            "notes",
            "cover_letter",
            "is_example",
        ]

    def clean(self):
        data = super().clean()
        user, resume = data.get("user") or getattr(self.instance, "user", None), data.get("resume_used")
        if resume is not None and user is not None and resume.user_id != user.pk:
            self.add_error("resume_used", "This resume belongs to another user.")
        return data


@admin.register(JobApplication)
class JobApplicationAdmin(admin.ModelAdmin):
    form = JobApplicationAdminForm
    list_display = (
        "job_title",
        "company_name",
        "user",
        "status",
        "date_applied",
        "is_example",
        "is_deleted",
        "updated_at",
    )
    list_filter = ("status", "is_example", "is_deleted", "date_applied", "company_name")
    search_fields = ("job_title", "company_name", "notes", "user__username", "user__email")
    date_hierarchy = "date_applied"
    list_select_related = ("user",)
    raw_id_fields = ("user", "resume_used", "job_posting")
    readonly_fields = ("is_deleted", "deleted_at", "created_at", "updated_at")
    inlines = [ApplicationEventInline]
    actions = ["mark_as_example", "unmark_as_example", "restore", "soft_delete"]

    def get_queryset(self, request):
        # Staff see soft-deleted rows too (filter with "is deleted").
        return JobApplication.all_objects.select_related("user")

    def save_model(self, request, obj, form, change):
        """Route admin edits through the services so status changes leave an event."""
        data = {
            name: form.cleaned_data[name] for name in form.cleaned_data if name in services.EDITABLE_FIELDS
        }
        status = form.cleaned_data.get("status", obj.status)
        if change:
            # The form already applied the new status to obj; hand the service the old one back.
            obj.status = form.initial.get("status", obj.status)
            services.application_update(application=obj, status=status, note="Changed in the admin", **data)
        else:
            created = services.application_create(user=form.cleaned_data["user"], status=status, **data)
            obj.pk = created.pk
            obj._state.adding = False
            obj.refresh_from_db()

    @admin.action(description="Mark as public example")
    def mark_as_example(self, request, queryset):
        changed = services.applications_mark_example(applications=queryset, is_example=True)
        self.message_user(request, f"{changed} application(s) marked as example.", messages.SUCCESS)

    @admin.action(description="Remove from public examples")
    def unmark_as_example(self, request, queryset):
        changed = services.applications_mark_example(applications=queryset, is_example=False)
        self.message_user(request, f"{changed} application(s) no longer an example.", messages.SUCCESS)

    @admin.action(description="Restore (undo soft delete)")
    @transaction.atomic
    def restore(self, request, queryset):
        rows = list(queryset.filter(is_deleted=True))
        for application in rows:
            services.application_restore(application=application)
        self.message_user(request, f"{len(rows)} application(s) restored.", messages.SUCCESS)

    @admin.action(description="Soft delete (restorable)")
    @transaction.atomic
    def soft_delete(self, request, queryset):
        rows = list(queryset.filter(is_deleted=False))
        for application in rows:
            services.application_soft_delete(application=application)
        self.message_user(request, f"{len(rows)} application(s) soft-deleted.", messages.SUCCESS)


@admin.register(ApplicationEvent)
class ApplicationEventAdmin(admin.ModelAdmin):
    list_display = ("application", "user", "from_status", "to_status", "note", "created_at")
    list_filter = ("to_status", "from_status", "created_at")
    search_fields = ("application__job_title", "application__company_name", "user__username", "note")
    list_select_related = ("application", "user")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
