from django.apps import AppConfig


class AiConfig(AppConfig):
    name = "ai"
    verbose_name = "AI"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts.registry import register_dashboard_panel, register_user_data
        from job_tracker.jobs.hh.registry import register_cover_letter_writer
        from resumes.importing.registry import DraftImprover, register_draft_improver

        from .import_assist import ImproveUnavailable, improve_import_draft, remote_model
        from .models import AIModel, AIRequest
        from .panels import dashboard_panel
        from .services import posting_cover_letter_write
        from .signals import drop_models_cache

        post_save.connect(drop_models_cache, sender=AIModel, dispatch_uid="ai_models_cache_on_save")
        post_delete.connect(drop_models_cache, sender=AIModel, dispatch_uid="ai_models_cache_on_delete")
        register_user_data("ai.airequest", lambda user: AIRequest.objects.filter(user=user))
        register_dashboard_panel("ai/_panel.html", dashboard_panel, order=70)
        # The job tracker's "Apply via hh.ru" page drafts its letter here, without importing ai.
        register_cover_letter_writer(posting_cover_letter_write)
        # The import review page's "Improve with AI", without resumes importing ai.
        register_draft_improver(
            DraftImprover(
                improve=improve_import_draft,
                available=lambda: remote_model() is not None,
                off_reason=ImproveUnavailable.detail,
            )
        )
