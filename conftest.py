"""Shared test fixtures. App fixtures live in <app>/tests/conftest.py."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.core.cache import cache
from django.db.models.signals import post_migrate
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.tests.factories import UserFactory
from resumate.celery import app as celery_app

# Data migrations that seed a fresh install (the AI models, Beat's schedules), in migration order.
SEED_MIGRATIONS = [
    "ai.migrations.0002_seed_models",
    "ai.migrations.0005_seed_local_model",
    "accounts.migrations.0002_flush_tokens_schedule",
    "accounts.migrations.0005_erase_deleted_accounts_schedule",
    "job_tracker.migrations.0003_scrape_schedule",
    "job_tracker.migrations.0005_weekly_report_schedule",
    "job_tracker.migrations.0006_weekly_report_schedule_hourly",
    "job_tracker.migrations.0008_saved_search_digest_schedule",
    "job_tracker.migrations.0008_reminder_and_digest_schedules",
    "resumes.migrations.0009_purge_import_drafts_schedule",
    "resumes.migrations.0010_requeue_stranded_deliveries_schedule",
]


def _reseed_after_flush(sender, apps=None, **kwargs):
    """A transactional test (browser, live server) ends with a flush that empties every table,
    seeded rows included; flush then sends post_migrate, so the seeds are replayed here and the
    tests after it see a fresh install, as on a real one."""
    if sender.label != "ai":
        return
    for module in SEED_MIGRATIONS:
        for operation in importlib.import_module(module).Migration.operations:
            operation.code(apps or django_apps, None)


def pytest_configure(config):
    from django.conf import settings

    post_migrate.connect(_reseed_after_flush, dispatch_uid="reseed_after_flush")

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    # Tasks run inline and raise, so tests see their effects and their errors.
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    # Live-server threads must not keep connections open past a test, or
    # PostgreSQL refuses to drop the test database at the end.
    settings.DATABASES["default"]["CONN_MAX_AGE"] = 0
    # A real second alias for the read-replica router's tests: the same test
    # database (TEST MIRROR), reached over its own connection. Nothing routes
    # there unless a test turns the router on.
    if "replica" not in settings.DATABASES:
        settings.DATABASES["replica"] = {**settings.DATABASES["default"], "TEST": {"MIRROR": "default"}}


@pytest.fixture(autouse=True)
def _clean_cache():
    """Throttles, limits and cached responses never leak from one test to the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def user(db):
    return UserFactory()


@pytest.fixture
def other_user(db):
    return UserFactory()


@pytest.fixture
def anon_client():
    return APIClient()


def client_for(user):
    """An API client authenticated as ``user`` with a real JWT access token."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


@pytest.fixture
def api_client(user):
    return client_for(user)


@pytest.fixture
def other_client(other_user):
    return client_for(other_user)
