"""Bad input on every write of the API: a 4xx naming the field, and not one row written anywhere.

The cases are generated from the OpenAPI schema, so a new write operation or a new field is
covered without anyone remembering to: malformed JSON, a body that is not an object, unknown and
missing fields, wrong types, strings over their limit, impossible dates, unknown enum values,
another user's object as a foreign key, text holding NUL (which PostgreSQL cannot store), and
an oversize body.
"""

import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.db import connection
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator

from accounts.tests.factories import UserFactory
from conftest import client_for
from job_tracker.contacts.services import contact_create
from job_tracker.tests.factories import JobApplicationFactory
from resumate.tests.routes import OWNED, kwargs_of
from resumes.models import Resume

pytestmark = pytest.mark.django_db

# Bodies in a format of their own, with bad-input tests beside their parsers: a webhook is the
# sender's payload (checked after its signature), an import is the uploaded document itself.
OWN_FORMAT = {"/api/v1/hooks/{hook_id}/", "/api/v1/imports/", "/api/v1/resumes/import/"}
# Bookkeeping a refused request may legitimately leave: none of it is the user's data.
BOOKKEEPING = {"axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog", "sessions.Session"}

SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
COMPONENTS = SCHEMA["components"]["schemas"]


def resolved(schema: dict) -> dict:
    while True:
        if "$ref" in schema:
            schema = COMPONENTS[schema["$ref"].rsplit("/", 1)[-1]]
        elif "allOf" in schema or "oneOf" in schema:
            schema = (schema.get("allOf") or schema["oneOf"])[0]
        else:
            return schema


@dataclass
class Write:
    method: str
    path: str
    body: dict  # the JSON request body's schema, resolved

    def __str__(self):
        return f"{self.method} {self.path}"


def json_writes():
    for path, item in SCHEMA["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {})
            if (
                method in ("post", "put", "patch")
                and "application/json" in content
                and path not in OWN_FORMAT
            ):
                yield Write(method.upper(), path, resolved(content["application/json"]["schema"]))


WRITES = list(json_writes())


def others_objects(stranger):
    """Foreign keys a request may name, each pointing at a stranger's row."""
    application = JobApplicationFactory(user=stranger)
    resume = Resume.objects.create(user=stranger, title="Theirs")
    return {
        "application": application.pk,
        "applications": [application.pk],
        "resume": resume.pk,
        "resume_used": resume.pk,
        "contacts": [contact_create(user=stranger, name="Their contact").pk],
    }


def bad_values(name: str, schema: dict, strangers: dict):
    """(what is wrong, value) pairs for one property."""
    schema = resolved(schema)
    kind, fmt = schema.get("type"), schema.get("format")
    if name in strangers:
        yield "another user's object", strangers[name]
    if "enum" in schema:
        yield "unknown enum value", "no-such-choice"
    if kind == "string" and "maxLength" in schema:
        yield "over-long string", "x" * (schema["maxLength"] + 1)
    if fmt in ("date", "date-time"):
        yield "impossible date", "2024-02-31"
    if kind in ("integer", "number"):
        yield "wrong type", "twelve"
    if kind == "boolean":
        yield "wrong type", "perhaps"
    if kind == "array":
        yield "wrong type", {"not": "a list"}
    if kind == "string" and "enum" not in schema:
        yield "wrong type", {"not": "a string"}
    if kind == "string" and "enum" not in schema and fmt is None:
        yield "NUL character", "be\u0000fore"
    if kind in ("object", None) and "enum" not in schema:
        yield "NUL character deep inside", {"basics": {"name": "be\u0000fore"}}


def cases(write: Write, strangers: dict):
    """(description, raw body, field the error must name or None)."""
    yield "malformed JSON", b'{"title": ', None
    yield "not an object", b"[1, 2]", None
    properties = write.body.get("properties", {})
    yield "unknown field", json.dumps({"no_such_field": 1}).encode(), "no_such_field"
    if write.method != "PATCH":
        for required in write.body.get("required", []):
            yield "missing field", b"{}", required
    for name, schema in properties.items():
        if resolved(schema).get("readOnly"):
            continue
        for wrong, value in bad_values(name, schema, strangers):
            yield f"{name}: {wrong}", json.dumps({name: value}).encode(), name


def row_counts() -> dict:
    """Rows in every table of the project, in one query."""
    models = [m for m in apps.get_models() if m._meta.managed and m._meta.label not in BOOKKEEPING]
    quote = connection.ops.quote_name
    # Table names from the models, quoted: nothing here comes from a request.
    columns = ", ".join(f"(SELECT COUNT(*) FROM {quote(m._meta.db_table)})" for m in models)  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return dict(zip((m._meta.label for m in models), cursor.fetchone(), strict=True))


def path_for(write: Write, user) -> str:
    """The operation's path, with the ids of an object of the user's own where it takes one."""
    probe = write.path.replace("{id}", "1").replace("{application_pk}", "1")
    name = resolve(probe).url_name
    if name not in OWNED:
        return write.path
    kwargs = kwargs_of(OWNED[name](user))
    path = write.path.replace("{id}", str(kwargs.get("pk", "")))
    return path.replace("{application_pk}", str(kwargs.get("application_pk", "")))


@pytest.mark.parametrize("write", WRITES, ids=str)
def test_bad_input_is_a_4xx_naming_the_field_and_writes_nothing(write, settings):
    settings.AXES_ENABLED = False  # failed log-ins are what axes counts; it is not under test here
    user = UserFactory()
    client = client_for(user)  # a log-in: some writes (password, tokens) refuse personal tokens
    path = path_for(write, user)
    strangers = others_objects(UserFactory())
    before = row_counts()
    wrong = []
    for description, body, field in cases(write, strangers):
        response = client.generic(write.method, path, body, content_type="application/json")
        answer = response.json() if response["Content-Type"].startswith("application/json") else {}
        # A field error, or, for what the parser refuses before any field is read, its path.
        named = field in answer.get("errors", {}) or f".{field}" in answer.get("detail", "")
        if not 400 <= response.status_code < 500 or response.status_code == 429:
            wrong.append(f"{description}: {response.status_code} {response.content[:200]!r}")
        elif field and not named and response.status_code != 404:
            wrong.append(f"{description}: the error does not name {field!r}: {response.content[:200]!r}")
    assert wrong == [], "\n".join(wrong)
    assert row_counts() == before


@pytest.mark.parametrize("write", WRITES, ids=str)
def test_an_oversize_body_is_a_413_and_writes_nothing(write, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2_000
    user = UserFactory()
    client = client_for(user)  # a log-in: some writes (password, tokens) refuse personal tokens
    path = path_for(write, user)
    before = row_counts()
    body = json.dumps({"notes": "x" * 3_000}).encode()
    response = client.generic(write.method, path, body, content_type="application/json")
    assert response.status_code == 413, response.content[:200]
    assert response.json()["code"] == "payload_too_large"
    assert row_counts() == before
