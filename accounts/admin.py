from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminPasswordChangeForm, UserChangeForm

from . import services
from .models import PersonalAccessToken, User
from .tokens.services import token_revoke


class AccountChangeForm(UserChangeForm):
    def clean(self):
        cleaned = super().clean()
        # The database refuses an active account awaiting erasure; say so instead of a 500.
        if cleaned.get("is_active") and self.instance.deletion_requested_at is not None:
            self.add_error(
                "is_active", "This account is deleted and awaits erasure: use the “Restore” action instead."
            )
        return cleaned


class AccountPasswordChangeForm(AdminPasswordChangeForm):
    def save(self, commit=True):
        user = super().save(commit)
        if commit:  # a new password revokes every API credential, as on the site
            services.user_credentials_revoke(user=user)
        return user


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = AccountChangeForm
    change_password_form = AccountPasswordChangeForm
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (
            "Profile",
            {"fields": ("headline", "phone", "location", "website", "time_zone", "weekly_report_emails")},
        ),
        ("Deletion", {"fields": ("deletion_requested_at",)}),
    )
    readonly_fields = ("deletion_requested_at",)
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),
    )
    list_display = ("username", "email", "first_name", "last_name", "is_staff", "is_active", "date_joined")
    list_filter = (
        "is_staff",
        "is_superuser",
        "is_active",
        "time_zone",
        ("deletion_requested_at", admin.EmptyFieldListFilter),
    )
    actions = ("deactivate_accounts", "restore_accounts")

    @admin.action(description="Delete selected accounts (inactive now, erased after the grace period)")
    def deactivate_accounts(self, request, queryset):
        for user in queryset.filter(deletion_requested_at__isnull=True):
            services.user_deactivate(user=user)
        messages.success(request, "The accounts are deactivated and will be erased after the grace period.")

    @admin.action(description="Restore selected deleted accounts")
    def restore_accounts(self, request, queryset):
        for user in queryset.filter(deletion_requested_at__isnull=False):
            services.user_restore(user=user)
        messages.success(request, "The deleted accounts among them are restored.")

    def delete_model(self, request, obj):
        services.user_erase(user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            services.user_erase(user=user)


TOKEN_DATES = ("created_at", "expires_at", "last_used_at", "revoked_at")


@admin.register(PersonalAccessToken)
class PersonalAccessTokenAdmin(admin.ModelAdmin):
    """Staff see and revoke tokens; only their owner makes them, and the secret never shows."""

    list_display = ("name", "user", "scope", "display_prefix", *TOKEN_DATES)
    list_filter = ("scope", ("revoked_at", admin.EmptyFieldListFilter))
    search_fields = ("name", "user__username", "user__email", "lookup_id")
    list_select_related = ("user",)
    fields = ("user", "name", "scope", "display_prefix", *TOKEN_DATES)
    readonly_fields = fields
    actions = ("revoke",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.action(description="Revoke selected tokens", permissions=["view"])
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at__isnull=True):
            token_revoke(token=token)
        messages.success(request, "The tokens are revoked.")
