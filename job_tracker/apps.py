from django.apps import AppConfig


class JobTrackerConfig(AppConfig):
    name = "job_tracker"
    verbose_name = "Job tracker"
