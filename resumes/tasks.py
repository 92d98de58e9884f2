# Celery autodiscovers ``resumes.tasks``; tasks of modules inside the app are imported here.
from resumes.importing.tasks import purge_expired_import_drafts  # noqa: F401
from resumes.integrations.tasks import process_webhook  # noqa: F401
