from django.apps import AppConfig


class JobTrackerConfig(AppConfig):
    name = "job_tracker"
    verbose_name = "Job tracker"

    def ready(self):
        # Imported here: the rooms' modules need the app registry to be ready.
        from django.db.models.signals import post_delete, post_init, post_save

        from accounts.registry import register_dashboard_panel, register_user_data
        from accounts.signals import user_deactivated
        from resumes.events import resumes_rebuilt
        from resumes.importing.registry import register_import_kind

        from .applications import panels as application_panels
        from .applications import signals as application_signals
        from .applications import tracker_csv
        from .followups import panels as followup_panels
        from .jobs import panels as job_panels
        from .models import (
            ApplicationEvent,
            Company,
            Contact,
            HHAccount,
            HHNegotiation,
            Interview,
            JobApplication,
            SavedSearch,
            SavedSearchMatch,
            TrackerSettings,
            WeeklyReport,
        )
        from .reports import panels as report_panels

        # Applications: the cached public example list follows every example row's change.
        post_init.connect(
            application_signals.remember_example_flag, sender=JobApplication, dispatch_uid="jt_app_init"
        )
        post_save.connect(
            application_signals.invalidate_examples_on_save,
            sender=JobApplication,
            dispatch_uid="jt_app_examples_save",
        )
        post_delete.connect(
            application_signals.invalidate_examples_on_delete,
            sender=JobApplication,
            dispatch_uid="jt_app_examples_del",
        )
        # A deleted (deactivated) account's examples leave the public list at once.
        user_deactivated.connect(
            application_signals.invalidate_examples_on_account_deletion, dispatch_uid="jt_app_examples_user"
        )

        # Match scores of the resume (often a variant) an application was sent with follow its rebuilds.
        resumes_rebuilt.connect(application_signals.rescore_after_rebuild, dispatch_uid="jt_app_rescore")

        # Rows each user owns, for the data export and account erasure.
        # all_objects: soft-deleted applications are still the user's data.
        register_user_data(
            "job_tracker.jobapplication", lambda user: JobApplication.all_objects.filter(user=user)
        )
        register_user_data(
            "job_tracker.applicationevent", lambda user: ApplicationEvent.objects.filter(user=user)
        )
        register_user_data("job_tracker.weeklyreport", lambda user: WeeklyReport.objects.filter(user=user))
        register_user_data("job_tracker.contact", lambda user: Contact.objects.filter(user=user))
        register_user_data("job_tracker.interview", lambda user: Interview.objects.filter(user=user))
        register_user_data("job_tracker.company", lambda user: Company.objects.filter(user=user))
        # The calendar token is a credential: never in an export.
        register_user_data(
            "job_tracker.trackersettings",
            lambda user: TrackerSettings.objects.filter(user=user),
            exclude=("calendar_token",),
        )

        # Tracker CSV joins the import flow (resumes never imports the job tracker).
        register_import_kind(tracker_csv.IMPORT_KIND)

        register_user_data("job_tracker.savedsearch", lambda user: SavedSearch.objects.filter(user=user))
        register_user_data(
            "job_tracker.savedsearchmatch",
            lambda user: SavedSearchMatch.objects.filter(saved_search__user=user),
        )
        register_user_data(
            "job_tracker.hhaccount",
            lambda user: HHAccount.objects.filter(user=user),
            exclude=("access_token_encrypted", "refresh_token_encrypted"),
        )
        register_user_data("job_tracker.hhnegotiation", lambda user: HHNegotiation.objects.filter(user=user))

        # Dashboard panels: applications, then matching postings, then the weekly report.
        register_dashboard_panel(
            "job_tracker/applications/_panel.html", application_panels.applications_panel_context, order=30
        )
        register_dashboard_panel(
            "job_tracker/jobs/_recommendations_panel.html",
            job_panels.recommendations_panel_context,
            order=40,
        )
        register_dashboard_panel("job_tracker/reports/_panel.html", report_panels.dashboard_panel, order=50)
        register_dashboard_panel(
            "job_tracker/followups/_panel.html", followup_panels.follow_up_panel, order=35
        )
