from django.core.cache import cache
from django.db import transaction


def drop_models_cache(sender, **kwargs):
    """The public models list is cached for an hour; a change to any model must show at once."""
    from .api import MODELS_CACHE_KEY

    transaction.on_commit(lambda: cache.delete(MODELS_CACHE_KEY))
