from django.contrib import admin

from .models import PublicProfile, ShareComment, ShareLink


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["id", "resume", "created_at", "expires_at", "revoked_at", "allow_comments"]
    list_filter = ["allow_comments"]
    search_fields = ["resume__title", "resume__user__username"]
    readonly_fields = [
        "resume",
        "created_at",
        "expires_at",
        "allow_comments",
        "show_email",
        "show_phone",
        "show_location",
    ]
    fields = [*readonly_fields, "revoked_at"]
    list_select_related = ["resume"]


@admin.register(ShareComment)
class ShareCommentAdmin(admin.ModelAdmin):
    list_display = ["id", "link", "section", "author_name", "created_at"]
    search_fields = ["author_name", "body"]
    list_select_related = ["link__resume"]


@admin.register(PublicProfile)
class PublicProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "slug", "published", "updated_at"]
    list_filter = ["published"]
    search_fields = ["slug", "user__username"]
    list_select_related = ["user"]
