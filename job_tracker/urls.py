"""Every job tracker route: the pages here, the API in ``api_urlpatterns`` (mounted under /api/v1/)."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from .applications import api as applications_api
from .applications import views as applications_views
from .contacts import api as contacts_api
from .contacts import views as contacts_views
from .followups import views as followups_views
from .interviews import api as interviews_api
from .interviews import views as interviews_views
from .jobs import api as jobs_api
from .jobs import views as jobs_views
from .jobs.alerts import api as alerts_api
from .jobs.alerts import views as alerts_views
from .jobs.hh import api as hh_api
from .jobs.hh import views as hh_views
from .reports import api as reports_api
from .reports import views as reports_views

app_name = "job_tracker"

router = SimpleRouter()
router.register("applications", applications_api.ApplicationViewSet, basename="application")
router.register("jobs", jobs_api.JobPostingViewSet, basename="job")
router.register(
    r"applications/(?P<application_pk>\d+)/interviews", interviews_api.InterviewViewSet, basename="interview"
)
router.register("contacts", contacts_api.ContactViewSet, basename="contact")
router.register("companies", contacts_api.CompanyViewSet, basename="company")
router.register("saved-searches", alerts_api.SavedSearchViewSet, basename="saved-search")

api_urlpatterns = [
    path("jobs/skill-gaps/", jobs_api.SkillGapsView.as_view(), name="skill-gaps"),
    path("jobs/hh/resumes/", hh_api.HHResumeListView.as_view(), name="hh-resumes"),
    path("jobs/<int:pk>/hh-apply/", hh_api.HHApplyView.as_view(), name="job-hh-apply"),
    path(
        "applications/export.csv",
        applications_api.ApplicationExportView.as_view(),
        name="applications-export",
    ),
    *router.urls,
    path(
        "example-applications/",
        applications_api.ExampleApplicationListView.as_view(),
        name="example-application-list",
    ),
    path("reports/weekly/", reports_api.WeeklyReportListView.as_view(), name="weekly-reports"),
    path("reports/weekly/latest/", reports_api.LatestWeeklyReportView.as_view(), name="weekly-report-latest"),
    path("reports/outcomes/", reports_api.OutcomesView.as_view(), name="outcomes"),
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
    path("applications/<int:pk>/interviews/new/", interviews_views.interview_add, name="interview-add"),
    path(
        "applications/<int:pk>/follow-up/snooze/", followups_views.follow_up_snooze, name="follow-up-snooze"
    ),
    path("applications/<int:pk>/follow-up/done/", followups_views.follow_up_done, name="follow-up-done"),
    path("interviews/<int:pk>/cancel/", interviews_views.interview_cancel, name="interview-cancel"),
    path("interviews/<int:pk>/delete/", interviews_views.interview_delete, name="interview-delete"),
    path("interviews/<int:pk>/interview.ics", interviews_views.interview_ics, name="interview-ics"),
    path("calendar/<str:token>/interviews.ics", interviews_views.calendar_feed, name="calendar-feed"),
    path("tracker/settings/", followups_views.tracker_settings, name="tracker-settings"),
    path("tracker/settings/calendar/rotate/", followups_views.calendar_rotate, name="calendar-rotate"),
    path("tracker/settings/calendar/revoke/", followups_views.calendar_revoke, name="calendar-revoke"),
    path("contacts/", contacts_views.contact_list, name="contacts"),
    path("contacts/new/", contacts_views.contact_form, name="contact-create"),
    path("contacts/<int:pk>/", contacts_views.contact_detail, name="contact"),
    path("contacts/<int:pk>/edit/", contacts_views.contact_form, name="contact-edit"),
    path("contacts/<int:pk>/delete/", contacts_views.contact_delete, name="contact-delete"),
    path("contacts/<int:pk>/vcard/", contacts_views.contact_vcard_download, name="contact-vcard"),
    path("companies/", contacts_views.company_list, name="companies"),
    path("companies/<int:pk>/", contacts_views.company_detail, name="company"),
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
