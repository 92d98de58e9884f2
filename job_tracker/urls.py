from django.urls import path

from .reports import api as reports_api
from .reports import views as reports_views

app_name = "job_tracker"

# Pages.
urlpatterns = []

# Mounted under /api/v1/ by resumate/urls.py.
api_urlpatterns = []

# Weekly reports (issue 8).
urlpatterns += [
    path("reports/", reports_views.reports_page, name="reports"),
    path("reports/unsubscribe/<str:token>/", reports_views.unsubscribe, name="reports-unsubscribe"),
]
api_urlpatterns += [
    path("reports/weekly/", reports_api.WeeklyReportListView.as_view(), name="weekly-reports"),
    path("reports/weekly/latest/", reports_api.LatestWeeklyReportView.as_view(), name="weekly-report-latest"),
]
