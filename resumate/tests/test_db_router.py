"""The read-replica router, on a real second alias.

conftest.py defines ``replica`` as a TEST MIRROR of ``default``: the same
test database over its own connection, so which alias ran a query is
visible with ``CaptureQueriesContext`` and committed rows are seen on both.
"""

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from accounts.tests.factories import UserFactory
from conftest import client_for
from resumate.db_router import (
    PIN_COOKIE,
    PRIMARY,
    REPLICA,
    PrimaryReplicaRouter,
    RoutingState,
    _state,
    pin_to_primary,
    read_from_replica,
    user_marker_key,
)

ROUTER = "resumate.db_router.PrimaryReplicaRouter"
MIDDLEWARE = "resumate.db_router.PrimaryPinMiddleware"
BOTH = ["default", "replica"]


@pytest.fixture
def routed(settings):
    settings.DATABASE_ROUTERS = [ROUTER]
    settings.MIDDLEWARE = [
        settings.MIDDLEWARE[0],
        MIDDLEWARE,
        *settings.MIDDLEWARE[1:],
    ]
    return settings


class Captured:
    """Queries run on each alias during a block."""

    def __enter__(self):
        self.contexts = {alias: CaptureQueriesContext(connections[alias]) for alias in BOTH}
        for ctx in self.contexts.values():
            ctx.__enter__()
        return self

    def __exit__(self, *exc):
        for ctx in self.contexts.values():
            ctx.__exit__(*exc)

    def count(self, alias):
        return len(self.contexts[alias].captured_queries)


# --- the router's decisions -------------------------------------------------


def test_outside_a_request_reads_use_the_primary():
    router = PrimaryReplicaRouter()
    assert router.db_for_read(User) == PRIMARY


def test_read_from_replica_block_reads_the_replica_until_it_writes():
    router = PrimaryReplicaRouter()
    with read_from_replica():
        assert router.db_for_read(User) == REPLICA
        assert router.db_for_write(User) == PRIMARY
        assert router.db_for_read(User) == PRIMARY
    assert router.db_for_read(User) == PRIMARY


def test_pin_to_primary_wins_inside_a_request_state():
    router = PrimaryReplicaRouter()
    token = _state.set(RoutingState(replica_allowed=True))
    try:
        assert router.db_for_read(User) == REPLICA
        with pin_to_primary():
            assert router.db_for_read(User) == PRIMARY
        assert router.db_for_read(User) == REPLICA
    finally:
        _state.reset(token)


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_reads_inside_a_transaction_use_the_primary():
    router = PrimaryReplicaRouter()
    with read_from_replica():
        assert router.db_for_read(User) == REPLICA
        with transaction.atomic():
            assert router.db_for_read(User) == PRIMARY


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_no_replica_alias_means_primary_only(settings):
    settings.DATABASES = {"default": settings.DATABASES["default"]}
    with read_from_replica():
        assert PrimaryReplicaRouter().db_for_read(User) == PRIMARY


def test_the_replica_is_never_migrated_and_relations_span_both():
    router = PrimaryReplicaRouter()
    assert router.allow_migrate(PRIMARY, "accounts") is True
    assert router.allow_migrate(REPLICA, "accounts") is False
    on_primary, on_replica = User(), User()
    on_primary._state.db, on_replica._state.db = PRIMARY, REPLICA
    assert router.allow_relation(on_primary, on_replica) is True


# --- through real requests ----------------------------------------------------


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_a_get_reads_from_the_replica(routed):
    user = UserFactory()
    client = client_for(user)
    with Captured() as queries:
        response = client.get("/api/v1/auth/me/export/")
    assert response.status_code == 200
    assert response.json()["profile"]["username"] == user.username
    assert queries.count("replica") >= 1
    assert queries.count("default") == 0
    assert PIN_COOKIE not in response.cookies


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_a_write_goes_to_the_primary_and_pins_the_client_for_a_while(routed):
    user = UserFactory()
    client = client_for(user)
    with Captured() as queries:
        response = client.patch("/api/v1/auth/me/", {"first_name": "Zoë"}, format="json")
    assert response.status_code == 200
    assert queries.count("replica") == 0
    assert User.objects.get(pk=user.pk).first_name == "Zoë"
    cookie = response.cookies[PIN_COOKIE]
    assert cookie["max-age"] == routed.REPLICA_PIN_SECONDS
    assert cookie["httponly"]

    # The same client (the test client keeps the cookie): reads stay on the primary.
    with Captured() as queries:
        response = client.get("/api/v1/auth/me/")
    assert response.json()["first_name"] == "Zoë"
    assert queries.count("replica") == 0
    assert queries.count("default") >= 1


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_users_other_clients_read_the_primary_once_the_user_is_known(routed):
    user = UserFactory()
    response = client_for(user).patch("/api/v1/auth/me/", {"last_name": "Ødegård"}, format="json")
    assert response.status_code == 200

    # A cookie-less API client of the same user: only the token's user lookup
    # (before anyone knows who is asking) may read the replica.
    second_client = client_for(user)
    with Captured() as queries:
        response = second_client.get("/api/v1/auth/me/export/")
    assert response.status_code == 200
    assert queries.count("replica") <= 1
    assert queries.count("default") >= 1

    # Another user is not pinned.
    other = client_for(UserFactory())
    with Captured() as queries:
        other.get("/api/v1/auth/me/export/")
    assert queries.count("default") == 0


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_pin_expires_with_the_marker(routed):
    from django.core.cache import cache

    user = UserFactory()
    client_for(user).patch("/api/v1/auth/me/", {"first_name": "Ana"}, format="json")
    assert cache.get(user_marker_key(user.pk))
    cache.delete(user_marker_key(user.pk))  # what the marker's timeout does
    client = client_for(user)
    with Captured() as queries:
        client.get("/api/v1/auth/me/export/")
    assert queries.count("default") == 0


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_unsafe_methods_read_the_primary_even_without_writing(routed):
    client = client_for(UserFactory())
    with Captured() as queries:
        response = client.post("/api/v1/auth/register/", {}, format="json")
    assert response.status_code == 400
    assert queries.count("replica") == 0
    assert PIN_COOKIE not in response.cookies


@pytest.mark.django_db(transaction=True, databases=BOTH)
def test_the_replica_has_a_readiness_check():
    from resumate.health import check_replica

    check_replica()  # raises when the replica does not answer
