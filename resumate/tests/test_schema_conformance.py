"""The OpenAPI schema tells the truth: schemathesis calls every operation with generated input
(a small, fixed budget, so the suite stays fast and repeatable) and checks each answer against it:
no server error, every status code and content type documented, every body as its schema says."""

import pytest
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.openapi import from_wsgi
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.tests.factories import UserFactory
from accounts.tokens.services import token_create
from resumate.wsgi import application

pytestmark = pytest.mark.slow

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

schema = from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def _keep_the_test_connection(db):
    # Requests go straight to the WSGI app, in the test's transaction: as Django's test client
    # does, keep the end of each request from closing the test's database connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(db):
    user = UserFactory()
    return f"Bearer {token_create(user=user, name='fuzz', scope='write')[1]}"


@schema.parametrize()
@settings(max_examples=3, derandomize=True, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case, bearer):
    case.call_and_validate(headers={"Authorization": bearer}, checks=CHECKS)


def test_the_schema_validates_without_a_warning(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    schema_text = (tmp_path / "schema.yaml").read_text()
    assert "ErrorSerializer" not in schema_text and "Error:" in schema_text  # one error component
