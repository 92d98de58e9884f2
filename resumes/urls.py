from django.urls import path
from rest_framework.routers import SimpleRouter

from . import api, views

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
    path("resumes/<int:pk>/", views.resume_detail, name="resume"),
    path("resumes/<int:pk>/edit/", views.resume_edit, name="resume-edit"),
    path("resumes/<int:pk>/duplicate/", views.resume_duplicate, name="resume-duplicate"),
    path("resumes/<int:pk>/delete/", views.resume_delete, name="resume-delete"),
]

router = SimpleRouter()
router.register("achievements", api.AchievementViewSet, basename="achievement")
router.register("skills", api.SkillViewSet, basename="skill")
router.register("resumes", api.ResumeViewSet, basename="resume")

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = [*router.urls]

# Export/import and integrations go ahead of the router, whose detail routes
# would otherwise take "resumes/import/" and "achievements/stats/".
from resumes.integrations import api as integrations_api  # noqa: E402
from resumes.integrations import views as integrations_views  # noqa: E402

from . import export_api, export_views  # noqa: E402

api_urlpatterns = export_api.urlpatterns + integrations_api.urlpatterns + api_urlpatterns
urlpatterns = export_views.urlpatterns + urlpatterns + integrations_views.urlpatterns
