# Celery autodiscovers ``resumes.tasks``; tasks of modules inside the app are imported here.
from resumes.integrations.tasks import process_webhook  # noqa: F401
