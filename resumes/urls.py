from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api, views
from .completeness import api as completeness_api
from .exporters import api as export_api
from .exporters import views as export_views
from .importing import api as importing_api
from .importing import views as importing_views
from .integrations import api as integrations_api
from .integrations import views as integrations_views
from .sharing import api as sharing_api
from .sharing import views as sharing_views
from .variants import views as variant_views

app_name = "resumes"

# Pages.
urlpatterns = [
    path("achievements/", views.achievements, name="achievements"),
    path("achievements/new/", views.achievement_form, name="achievement-new"),
    path("achievements/<int:pk>/", views.achievement_row, name="achievement-row"),
    path("achievements/<int:pk>/edit/", views.achievement_form, name="achievement-edit"),
    path("achievements/<int:pk>/delete/", views.achievement_delete, name="achievement-delete"),
    path("achievements/preview/", views.resume_preview, name="preview"),
    path("resumes/", views.resumes, name="resumes"),
    path("resumes/import/", export_views.resume_import, name="resume-import"),
    path("resumes/<int:pk>/", views.resume_detail, name="resume"),
    path("resumes/<int:pk>/edit/", views.resume_edit, name="resume-edit"),
    path("resumes/<int:pk>/duplicate/", views.resume_duplicate, name="resume-duplicate"),
    path("resumes/<int:pk>/delete/", views.resume_delete, name="resume-delete"),
    path("resumes/<int:pk>/variants/new/", variant_views.variant_new, name="variant-new"),
    path("resumes/<int:pk>/variants/preview/", variant_views.variant_preview, name="variant-preview"),
    path("resumes/<int:pk>/variant/", variant_views.variant_edit, name="variant-edit"),
    path("resumes/compare/", variant_views.variant_compare, name="variant-compare"),
    path("resumes/<int:pk>/export/", export_views.resume_export, name="resume-export"),
    path(
        "resumes/<int:pk>/export/previews/",
        export_views.resume_export_previews,
        name="resume-export-previews",
    ),
    path(
        "resumes/<int:pk>/export/onepage/",
        export_views.resume_export_onepage,
        name="resume-export-onepage",
    ),
    path("resumes/<int:pk>/preview/<slug:template>/", export_views.resume_preview, name="resume-preview"),
    path("import/", importing_views.import_upload, name="import"),
    path("import/<int:pk>/", importing_views.import_review, name="import-review"),
    path("import/<int:pk>/improve/", importing_views.import_improve, name="import-improve"),
    path("resumes/<int:pk>/export/ats/", importing_views.resume_ats_panel, name="resume-export-ats"),
    path("integrations/", integrations_views.integrations, name="integrations"),
    path("integrations/<int:pk>/", integrations_views.integration_detail, name="integration-detail"),
    path(
        "integrations/<int:pk>/deliveries/",
        integrations_views.integration_deliveries,
        name="integration-deliveries",
    ),
    path(
        "integrations/<int:pk>/test-event/",
        integrations_views.integration_test_event,
        name="integration-test-event",
    ),
    path(
        "integrations/<int:pk>/rotate-secret/",
        integrations_views.integration_rotate_secret,
        name="integration-rotate-secret",
    ),
    path("integrations/<int:pk>/toggle/", integrations_views.integration_toggle, name="integration-toggle"),
    path("integrations/<int:pk>/delete/", integrations_views.integration_delete, name="integration-delete"),
    path("resumes/<int:pk>/share/", sharing_views.share_panel, name="share-panel"),
    path(
        "resumes/<int:pk>/share/<int:link_pk>/revoke/",
        sharing_views.share_link_revoke,
        name="share-link-revoke",
    ),
    path("settings/public-profile/", sharing_views.public_profile_settings, name="public-profile-settings"),
    path("s/<str:token>/", sharing_views.shared_resume, name="share"),
    path("s/<str:token>/download/<slug:fmt>/", sharing_views.shared_download, name="share-download"),
    path("s/<str:token>/comments/", sharing_views.shared_comment, name="share-comment"),
    path("p/<str:slug>/", sharing_views.public_profile, name="public-profile"),
    path(
        "p/<str:slug>/download/<slug:fmt>/",
        sharing_views.public_profile_download,
        name="public-profile-download",
    ),
]

router = SimpleRouter()
router.register("integrations", integrations_api.IntegrationViewSet, basename="integration")
router.register("achievements", api.AchievementViewSet, basename="achievement")
router.register("skills", api.SkillViewSet, basename="skill")
router.register("resumes", api.ResumeViewSet, basename="resume")

# Mounted under /api/v1/ by resumate/urls.py. The fixed paths go ahead of the
# router, whose detail routes would otherwise take "resumes/import/" and
# "achievements/stats/".
api_urlpatterns = [
    path("resumes/import/", export_api.ResumeImportView.as_view(), name="resume-import"),
    path("resumes/<int:pk>/pdf/", export_api.ResumePDFView.as_view(), name="resume-pdf"),
    path("resumes/<int:pk>/docx/", export_api.ResumeDOCXView.as_view(), name="resume-docx"),
    path(
        "resumes/<int:pk>/json-resume/",
        export_api.ResumeJSONResumeView.as_view(),
        name="resume-json-resume",
    ),
    path("resumes/<int:pk>/ats-check/", importing_api.ResumeATSCheckView.as_view(), name="resume-ats-check"),
    path("resumes/<int:pk>/markdown/", export_api.ResumeMarkdownView.as_view(), name="resume-markdown"),
    path("imports/", importing_api.ImportListView.as_view(), name="imports"),
    path("imports/<int:pk>/", importing_api.ImportDetailView.as_view(), name="import-detail"),
    path("imports/<int:pk>/confirm/", importing_api.ImportConfirmView.as_view(), name="import-confirm"),
    path("achievements/stats/", integrations_api.AchievementStatsView.as_view(), name="achievement-stats"),
    path("hooks/<uuid:hook_id>/", integrations_api.WebhookView.as_view(), name="integrations-hook"),
    path(
        "resumes/<int:pk>/share-links/",
        sharing_api.ResumeShareLinksView.as_view(),
        name="resume-share-links",
    ),
    path("share-links/<int:pk>/", sharing_api.ShareLinkDetailView.as_view(), name="share-link"),
    # Under auth/me/ as the API contract names it; accounts cannot import resumes, so it is mounted here.
    path("auth/me/public-profile/", sharing_api.PublicProfileView.as_view(), name="auth-me-public-profile"),
    path("auth/me/completeness/", completeness_api.CompletenessView.as_view(), name="auth-me-completeness"),
    *router.urls,
]
