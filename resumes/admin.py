from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from rest_framework.exceptions import ValidationError

from resumate.web import add_service_errors

from . import services
from .integrations import admin as integrations_admin  # noqa: F401  (registers its models)
from .models import Achievement, Resume, Skill
from .sharing import admin as sharing_admin  # noqa: F401  (registers its models)
from .validation import ACHIEVEMENT_FIELDS, clean_achievement_fields


class AchievementAdminForm(forms.ModelForm):
    """Staff edits obey the same limits and canonical skills as the API."""

    url = forms.URLField(max_length=500, required=False, assume_scheme="https")

    class Meta:
        model = Achievement
        fields = ["user", *ACHIEVEMENT_FIELDS]

    def clean(self):
        cleaned = super().clean()
        fields = {key: cleaned[key] for key in ACHIEVEMENT_FIELDS if key in cleaned}
        try:
            cleaned.update(clean_achievement_fields(fields, instance=None))
        except ValidationError as error:
            add_service_errors(self, error)
        return cleaned


@admin.action(description="Rebuild the owners' auto resumes")
def rebuild_resumes(modeladmin, request, queryset):
    user_ids = set(queryset.values_list("user_id", flat=True))
    for user in get_user_model().objects.filter(pk__in=user_ids):
        services.rebuild_resume(user=user)
    modeladmin.message_user(request, f"Rebuilt {len(user_ids)} auto resume(s).", messages.SUCCESS)


@admin.register(Achievement)
class AchievementAdmin(admin.ModelAdmin):
    form = AchievementAdminForm
    list_display = (
        "title",
        "type",
        "user",
        "organization",
        "start_date",
        "end_date",
        "is_verified",
        "updated_at",
    )
    list_filter = ("type", "is_verified", ("end_date", admin.EmptyFieldListFilter), "created_at")
    search_fields = ("title", "organization", "description", "user__username", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    date_hierarchy = "start_date"
    readonly_fields = ("created_at", "updated_at")
    actions = ["mark_verified", "mark_unverified", rebuild_resumes]

    @admin.action(description="Mark selected achievements verified")
    def mark_verified(self, request, queryset):
        count = services.achievements_mark_verified(queryset=queryset, verified=True)
        self.message_user(request, f"Marked {count} achievement(s) verified.", messages.SUCCESS)

    @admin.action(description="Mark selected achievements not verified")
    def mark_unverified(self, request, queryset):
        count = services.achievements_mark_verified(queryset=queryset, verified=False)
        self.message_user(request, f"Marked {count} achievement(s) not verified.", messages.SUCCESS)

    def delete_queryset(self, request, queryset):
        # Bulk delete fires a signal per row; the owners' resumes rebuild once each.
        with services.rebuilds_deferred():
            super().delete_queryset(request, queryset)


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ("name", "category", "proficiency", "proficiency_is_manual", "source", "user", "last_used")
    list_filter = ("category", "proficiency", "source", "proficiency_is_manual")
    search_fields = ("name", "user__username", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    actions = [rebuild_resumes]

    # Skill rows feed the resume; the rebuild follows every admin change (no signal, see services).
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.schedule_rebuild(user_id=obj.user_id)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        services.schedule_rebuild(user_id=obj.user_id)

    def delete_queryset(self, request, queryset):
        user_ids = set(queryset.values_list("user_id", flat=True))
        super().delete_queryset(request, queryset)
        for user_id in user_ids:
            services.schedule_rebuild(user_id=user_id)


@admin.register(Resume)
class ResumeAdmin(admin.ModelAdmin):
    list_display = ("title", "user", "is_auto", "template", "last_generated_at", "updated_at")
    list_filter = ("is_auto", "template", "last_generated_at")
    search_fields = ("title", "user__username", "user__email")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
    readonly_fields = ("is_auto", "last_generated_at", "created_at", "updated_at")
    actions = [rebuild_resumes]
