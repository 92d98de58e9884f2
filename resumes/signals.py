"""Signal handlers: they only schedule the rebuild; the work is in services."""

from . import services


def achievement_changed(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata replays rows as they were; the fixture's resume comes with them
        return
    services.schedule_rebuild(user_id=instance.user_id)


def user_saved(sender, instance, created, raw=False, **kwargs):
    # Every account has its auto resume from the start, so pages and exports never wait for one.
    if created and not raw:
        services.schedule_rebuild(user_id=instance.pk)
