"""Every job tracker route: the pages here, the API in ``api_urlpatterns`` (mounted under /api/v1/)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .applications import api as applications_api
from .applications import views as applications_views
from .jobs import api as jobs_api
from .jobs import views as jobs_views
from .jobs.alerts import api as alerts_api
from .jobs.alerts import views as alerts_views
from .jobs.hh import views as hh_views
from .reports import api as reports_api
from .reports import views as reports_views

app_name = "job_tracker"

router = SimpleRouter()
router.register("applications", applications_api.ApplicationViewSet, basename="application")
router.register("jobs", jobs_api.JobPostingViewSet, basename="job")
router.register("saved-searches", alerts_api.SavedSearchViewSet, basename="saved-search")

api_urlpatterns = [
    path("jobs/skill-gaps/", jobs_api.SkillGapsView.as_view(), name="skill-gaps"),
    *router.urls,
    path(
        "example-applications/",
        applications_api.ExampleApplicationListView.as_view(),
        name="example-application-list",
    ),
    path("reports/weekly/", reports_api.WeeklyReportListView.as_view(), name="weekly-reports"),
    path("reports/weekly/latest/", reports_api.LatestWeeklyReportView.as_view(), name="weekly-report-latest"),
]

urlpatterns = [
    path("applications/", applications_views.board, name="board"),
    path("applications/list/", applications_views.application_list, name="applications"),
    path("applications/new/", applications_views.application_create, name="application-create"),
    path("applications/deleted/", applications_views.deleted_list, name="applications-deleted"),
    path("applications/<int:pk>/", applications_views.application_detail, name="application"),
    path("applications/<int:pk>/edit/", applications_views.application_edit, name="application-edit"),
    path("applications/<int:pk>/move/", applications_views.application_move, name="application-move"),
    path("applications/<int:pk>/notes/", applications_views.application_notes, name="application-notes"),
    path("applications/<int:pk>/delete/", applications_views.application_delete, name="application-delete"),
    path(
        "applications/<int:pk>/restore/", applications_views.application_restore, name="application-restore"
    ),
    path("jobs/", jobs_views.job_board, name="jobs"),
    path("jobs/<int:pk>/", jobs_views.job_detail, name="job"),
    path("jobs/<int:pk>/track/", jobs_views.job_track, name="job-track"),
    path("jobs/<int:pk>/hh-apply/", hh_views.hh_apply, name="hh-apply"),
    path("jobs/<int:pk>/hh-apply/cover-letter/", hh_views.hh_cover_letter, name="hh-cover-letter"),
    path("jobs/hh/connect/", hh_views.hh_connect, name="hh-connect"),
    path("jobs/hh/callback/", hh_views.hh_callback, name="hh-callback"),
    path("jobs/hh/disconnect/", hh_views.hh_disconnect, name="hh-disconnect"),
    path("jobs/skill-gaps/", jobs_views.skill_gaps, name="skill-gaps"),
    path("jobs/saved-searches/", alerts_views.saved_searches, name="saved-searches"),
    path(
        "jobs/saved-searches/<int:pk>/delete/",
        alerts_views.saved_search_delete_view,
        name="saved-search-delete",
    ),
    path(
        "jobs/alerts/unsubscribe/<str:token>/",
        alerts_views.saved_search_unsubscribe_view,
        name="saved-search-unsubscribe",
    ),
    path("reports/", reports_views.reports_page, name="reports"),
    path("reports/unsubscribe/<str:token>/", reports_views.unsubscribe, name="reports-unsubscribe"),
]
