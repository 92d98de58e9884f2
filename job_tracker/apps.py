from django.apps import AppConfig


class JobTrackerConfig(AppConfig):
    name = "job_tracker"
    verbose_name = "Job tracker"

    def ready(self):
        from .reports.registry import register_reports

        register_reports()
