"""Expired drafts (with the file's text they keep) are purged every night, not only on the next upload."""

import datetime as dt

from django.utils import timezone
from django_celery_beat.models import PeriodicTask

from resumes.importing.models import ImportDraft
from resumes.importing.tasks import purge_expired_import_drafts

from .test_import_api import URL, upload


def _draft(client) -> int:
    response = upload(client, b'{"basics": {"name": "Ada"}, "work": [{"name": "Acme", "position": "Dev"}]}')
    assert response.status_code == 201, response.content
    return response.json()["id"]


def _expire(pk: int) -> None:
    now = timezone.now()
    ImportDraft.objects.filter(pk=pk).update(created_at=now - dt.timedelta(days=8), expires_at=now)


def test_the_nightly_task_deletes_every_users_expired_drafts_and_only_those(api_client, other_client):
    mine, theirs, fresh = _draft(api_client), _draft(other_client), _draft(api_client)
    _expire(mine)
    _expire(theirs)

    assert purge_expired_import_drafts.delay().get() == 2

    assert list(ImportDraft.objects.values_list("pk", flat=True)) == [fresh]
    assert api_client.get(f"{URL}{fresh}/").status_code == 200
    assert api_client.get(f"{URL}{mine}/").status_code == 404
    assert purge_expired_import_drafts.delay().get() == 0  # running it twice is harmless


def test_the_purge_schedule_exists_in_utc_with_its_pinned_task_name(db):
    task = PeriodicTask.objects.get(name="Purge expired import drafts")
    assert task.task == "resumes.importing.tasks.purge_expired_import_drafts" and task.enabled
    assert (task.crontab.minute, task.crontab.hour, str(task.crontab.timezone)) == ("45", "3", "UTC")
