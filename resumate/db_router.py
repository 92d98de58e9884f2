"""Primary/replica routing for an optional read replica (DATABASE_REPLICA_URL).

Reads go to the ``replica`` alias only where a little replication lag cannot
hurt: inside a web request (``PrimaryPinMiddleware``) or a block a caller
marks with ``read_from_replica()``. Everything else reads the primary:

- writes, and every read after a write in the same request;
- reads inside a transaction (``atomic``) on the primary;
- all reads of a request that is not GET/HEAD/OPTIONS/TRACE;
- for ``REPLICA_PIN_SECONDS`` after a client's write: the middleware sets a
  short-lived cookie, and a cache marker for the user (for API clients that
  keep no cookies; it applies once the request's user is known);
- Celery tasks, management commands and shells, unless they opt in: a task
  queued on commit must see the row its request just wrote.

The replica is never migrated: it copies the primary.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connections
from django.utils.functional import LazyObject, empty

PRIMARY = "default"
REPLICA = "replica"
PIN_COOKIE = "resumate_primary"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


@dataclass
class RoutingState:
    replica_allowed: bool = False
    pinned: bool = False
    wrote: bool = False
    request: object = None
    user_checked: bool = False


_state = contextvars.ContextVar("db_routing", default=None)


def replica_configured():
    return REPLICA in settings.DATABASES


def pin_seconds():
    return getattr(settings, "REPLICA_PIN_SECONDS", 5)


def user_marker_key(user_id):
    return f"db:primary-pin:{user_id}"


@contextmanager
def read_from_replica():
    """Let reads in this block use the replica (for tasks and reports that tolerate lag)."""
    token = _state.set(RoutingState(replica_allowed=True))
    try:
        yield
    finally:
        _state.reset(token)


@contextmanager
def pin_to_primary():
    """Force every read in this block to the primary."""
    token = _state.set(RoutingState(replica_allowed=False, pinned=True))
    try:
        yield
    finally:
        _state.reset(token)


def _resolved_user(request):
    """The request's user if authentication already ran; never triggers a query."""
    user = getattr(request, "__dict__", {}).get("user")
    if isinstance(user, LazyObject):
        user = user.__dict__.get("_wrapped", empty)
        if user is empty:
            return None
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user


def _user_recently_wrote(state):
    if state.user_checked or state.request is None:
        return False
    user = _resolved_user(state.request)
    if user is None:
        return False
    state.user_checked = True
    return bool(cache.get(user_marker_key(user.pk)))


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _state.get()
        if state is None or not state.replica_allowed or state.pinned or not replica_configured():
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        if _user_recently_wrote(state):
            state.pinned = True
            return PRIMARY
        return REPLICA

    def db_for_write(self, model, **hints):
        state = _state.get()
        if state is not None:
            state.wrote = True
            state.pinned = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same rows.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db != REPLICA


class PrimaryPinMiddleware:
    """Scope the routing state to one request; remember a client's write for a few seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        state = RoutingState(replica_allowed=True, request=request)
        if request.method not in SAFE_METHODS or request.COOKIES.get(PIN_COOKIE):
            state.pinned = True
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote:
            seconds = pin_seconds()
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            user = _resolved_user(request)
            if user is not None:
                cache.set(user_marker_key(user.pk), 1, seconds)
        return response
