from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "resumes"
    verbose_name = "Achievements and resumes"

    def ready(self):
        from .integrations import setup as integrations_setup

        integrations_setup.connect()
