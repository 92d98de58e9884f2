from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "resumes"
    verbose_name = "Achievements and resumes"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from . import signals
        from .models import Achievement

        post_save.connect(
            signals.achievement_changed, sender=Achievement, dispatch_uid="resumes_achievement_saved"
        )
        post_delete.connect(
            signals.achievement_changed, sender=Achievement, dispatch_uid="resumes_achievement_deleted"
        )
        post_save.connect(signals.user_saved, sender=get_user_model(), dispatch_uid="resumes_user_created")
