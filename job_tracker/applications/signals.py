"""Keep the cached public example list in step with example rows, however they change.

Services, admin forms and raw ``save()`` calls all end here, so the cache is
dropped whenever a row that is, or just stopped being, an example is saved or deleted.
"""

from django.db import transaction

from . import services


def remember_example_flag(sender, instance, **kwargs):
    # What the row was when loaded: unticking "is example" must invalidate too.
    instance._loaded_is_example = instance.__dict__.get("is_example", False)


def invalidate_examples_on_save(sender, instance, **kwargs):
    if instance.is_example or getattr(instance, "_loaded_is_example", False):
        transaction.on_commit(services.examples_cache_invalidate)
    instance._loaded_is_example = instance.is_example


def invalidate_examples_on_delete(sender, instance, **kwargs):
    if instance.is_example:
        transaction.on_commit(services.examples_cache_invalidate)


def rescore_after_rebuild(sender, user, resumes, **kwargs):
    # Already inside the rebuild's after-commit pass (or the variant write): no on_commit needed.
    services.application_scores_refresh(user=user, resumes=resumes)


def invalidate_examples_on_account_deletion(sender, user, **kwargs):
    """Sent after the commit that deactivated ``user``: their examples must vanish from the cache."""
    services.examples_cache_invalidate()
