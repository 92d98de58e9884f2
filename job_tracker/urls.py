app_name = "job_tracker"

# Pages.
urlpatterns = []

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = []

# --- Applications (issue 6) ---
from django.urls import path  # noqa: E402
from rest_framework.routers import SimpleRouter  # noqa: E402

from . import api as applications_api  # noqa: E402
from . import views as applications_views  # noqa: E402

_applications_router = SimpleRouter()
_applications_router.register("applications", applications_api.ApplicationViewSet, basename="application")
api_urlpatterns += [
    *_applications_router.urls,
    path(
        "example-applications/",
        applications_api.ExampleApplicationListView.as_view(),
        name="example-application-list",
    ),
]
urlpatterns += [
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
]

# --- Jobs: scraped postings, search, matching (issue 7) ---
from . import jobs_api, jobs_views  # noqa: E402

_jobs_router = SimpleRouter()
_jobs_router.register("jobs", jobs_api.JobPostingViewSet, basename="job")
api_urlpatterns += _jobs_router.urls
urlpatterns += [
    path("jobs/", jobs_views.job_board, name="jobs"),
    path("jobs/<int:pk>/", jobs_views.job_detail, name="job"),
    path("jobs/<int:pk>/track/", jobs_views.job_track, name="job-track"),
]

# --- Weekly reports (issue 8) ---
from .reports import api as reports_api  # noqa: E402
from .reports import views as reports_views  # noqa: E402

urlpatterns += [
    path("reports/", reports_views.reports_page, name="reports"),
    path("reports/unsubscribe/<str:token>/", reports_views.unsubscribe, name="reports-unsubscribe"),
]
api_urlpatterns += [
    path("reports/weekly/", reports_api.WeeklyReportListView.as_view(), name="weekly-reports"),
    path("reports/weekly/latest/", reports_api.LatestWeeklyReportView.as_view(), name="weekly-report-latest"),
]
