from django.apps import AppConfig


class ResumesConfig(AppConfig):
    name = "resumes"
    verbose_name = "Achievements and resumes"

    def ready(self):
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_delete, post_save

        from accounts.registry import register_dashboard_panel, register_user_data

        from . import signals
        from .completeness.panels import completeness_panel
        from .importing.models import ImportDraft
        from .importing.panels import import_panel
        from .models import Achievement, Resume, Skill
        from .panels import achievements_panel

        post_save.connect(
            signals.achievement_changed, sender=Achievement, dispatch_uid="resumes_achievement_saved"
        )
        post_delete.connect(
            signals.achievement_changed, sender=Achievement, dispatch_uid="resumes_achievement_deleted"
        )
        post_save.connect(signals.user_saved, sender=get_user_model(), dispatch_uid="resumes_user_created")

        register_user_data("resumes.achievement", lambda user: Achievement.objects.filter(user=user))
        register_user_data("resumes.skill", lambda user: Skill.objects.filter(user=user))
        register_user_data("resumes.resume", lambda user: Resume.objects.filter(user=user))
        register_dashboard_panel("resumes/_panel.html", achievements_panel, order=10)
        # First for a new user (it renders nothing once they have achievements).
        register_dashboard_panel("resumes/importing/_panel.html", import_panel, order=1)
        register_user_data("resumes.importdraft", lambda user: ImportDraft.objects.filter(user=user))
        register_dashboard_panel("resumes/_completeness_panel.html", completeness_panel, order=15)

        from .integrations import setup as integrations_setup

        integrations_setup.connect()

        from .sharing import setup as sharing_setup

        sharing_setup.connect()
