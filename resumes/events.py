"""Signals this app sends for apps above it, which connect in their ``AppConfig.ready()``.

``resumes_rebuilt(sender=Resume, user, resumes)`` follows every rebuild: ``resumes``
are the rows just saved (the main auto resume and its variants, or one changed
variant). It is sent inside the rebuild's transaction, so a receiver's writes
commit or roll back with it; the job tracker keeps applications' match scores
current this way without this app knowing about applications.
"""

from django.dispatch import Signal

resumes_rebuilt = Signal()
