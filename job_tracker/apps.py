from django.apps import AppConfig


class JobTrackerConfig(AppConfig):
    name = "job_tracker"
    verbose_name = "Job tracker"

    def ready(self):
        self._ready_applications()
        self._ready_jobs()
        self._ready_reports()

    def _ready_applications(self):
        """Job applications (issue 6): example-cache signals, owned data, dashboard panel."""
        from django.db.models.signals import post_delete, post_init, post_save

        from accounts.registry import register_dashboard_panel, register_user_data

        from . import signals, views
        from .models import ApplicationEvent, JobApplication

        post_init.connect(signals.remember_example_flag, sender=JobApplication, dispatch_uid="jt_app_init")
        post_save.connect(
            signals.invalidate_examples_on_save, sender=JobApplication, dispatch_uid="jt_app_examples_save"
        )
        post_delete.connect(
            signals.invalidate_examples_on_delete, sender=JobApplication, dispatch_uid="jt_app_examples_del"
        )
        # all_objects: soft-deleted applications are still the user's data.
        register_user_data(
            "job_tracker.jobapplication", lambda user: JobApplication.all_objects.filter(user=user)
        )
        register_user_data(
            "job_tracker.applicationevent", lambda user: ApplicationEvent.objects.filter(user=user)
        )
        register_dashboard_panel(
            "job_tracker/applications/_panel.html", views.applications_panel_context, order=30
        )

    def _ready_jobs(self):
        """Scraped jobs (issue 7): recommendations on the dashboard."""
        from accounts.registry import register_dashboard_panel

        from . import jobs_views

        register_dashboard_panel(
            "job_tracker/jobs/_recommendations_panel.html", jobs_views.recommendations_panel_context, order=40
        )

    def _ready_reports(self):
        """Weekly reports (issue 8): owned data and the dashboard panel."""
        from .reports.registry import register_reports

        register_reports()
