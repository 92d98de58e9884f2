"""The orjson renderer and parser answer what DRF's JSONRenderer and JSONParser answered."""

import datetime as dt
import io
import json
import uuid
from dataclasses import dataclass
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import ErrorDetail, ParseError
from rest_framework.parsers import JSONParser
from rest_framework.renderers import JSONRenderer
from rest_framework.utils.serializer_helpers import ReturnDict

from resumate.parsers import ORJSONParser
from resumate.renderers import ORJSONRenderer
from resumes.models import SkillCategory

from .lists import RECIPES


def drf(data):
    return JSONRenderer().render(data)


def ours(data):
    return ORJSONRenderer().render(data)


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", RECIPES)
def test_every_list_renders_the_same_json_as_drf(api_client, user, endpoint):
    make, _queries = RECIPES[endpoint]
    response = api_client.get(make(user, 3))
    assert response.status_code == 200
    assert isinstance(response.accepted_renderer, ORJSONRenderer)
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"]
    assert json.loads(response.content) == json.loads(drf(response.data))


AWARE = dt.datetime(2026, 12, 3, 14, 5, 6, 789123, tzinfo=dt.UTC)


@dataclass
class Point:
    x: int


@pytest.mark.parametrize(
    "value",
    [
        AWARE,
        AWARE.astimezone(ZoneInfo("Europe/Prague")),
        AWARE.replace(tzinfo=None),
        AWARE.replace(microsecond=0),
        dt.date(2026, 2, 28),
        dt.time(9, 30, 15, 250000),
        dt.timedelta(days=1, seconds=5),
        Decimal("12.50"),
        Decimal("0.1"),
        uuid.UUID("12345678-1234-5678-1234-567812345678"),
        gettext_lazy("Not found."),
        ErrorDetail("This field is required.", code="required"),
        SkillCategory.DATABASE,
        ReturnDict({"a": [1, 2.5, None, True, "ž"]}, serializer=None),
        {"line\u2028separator": "\u2029", "emoji": "\U0001f600"},
        {1: "int key", "nested": {2: [AWARE]}},
        2**70,
        (1, 2),
    ],
    ids=repr,
)
def test_values_encode_as_drf_encodes_them(value):
    assert json.loads(ours({"value": value})) == json.loads(drf({"value": value}))


def test_datetimes_decimals_uuids_and_lazy_strings_are_the_same_bytes():
    data = {"at": AWARE, "d": Decimal("12.50"), "id": uuid.UUID(int=7), "msg": gettext_lazy("Not found.")}
    assert ours(data) == drf(data)
    assert ours({"at": AWARE}) == b'{"at":"2026-12-03T14:05:06.789123Z"}'


def test_what_drf_refuses_is_still_refused():
    with pytest.raises(TypeError):
        drf({"value": Point(1)})
    with pytest.raises(TypeError):
        ours({"value": Point(1)})


def test_none_renders_an_empty_body_and_an_indent_asked_for_is_honoured():
    assert ours(None) == b""
    indented = ORJSONRenderer().render({"a": 1}, "application/json; indent=4")
    assert indented == JSONRenderer().render({"a": 1}, "application/json; indent=4")


def _parse(parser, body, encoding="utf-8"):
    return parser.parse(io.BytesIO(body), "application/json", {"encoding": encoding})


@pytest.mark.parametrize(
    "body",
    [
        '{"title": "Inženýr", "n": 1.5, "big": 123456789012345678901234567890, "list": [null, true]}',
        "[]",
        '"plain"',
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "latin-1"])
def test_parser_reads_what_drf_reads(body, encoding):
    raw = body.encode(encoding, errors="ignore")
    assert _parse(ORJSONParser(), raw, encoding) == _parse(JSONParser(), raw, encoding)


@pytest.mark.parametrize("body", [b"{bad", b'{"a": NaN}', b"\xff\xfe", b'{"a": 1,}', b""])
def test_parser_refuses_what_drf_refuses_with_its_message(body):
    with pytest.raises(ParseError) as theirs:
        _parse(JSONParser(), body)
    with pytest.raises(ParseError) as mine:
        _parse(ORJSONParser(), body)
    assert str(mine.value.detail) == str(theirs.value.detail)


@pytest.mark.django_db
def test_malformed_json_is_a_400_in_the_one_error_shape(api_client):
    with pytest.raises(ParseError) as expected:
        _parse(JSONParser(), b'{"title": ')
    response = api_client.post("/api/v1/achievements/", b'{"title": ', content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": str(expected.value.detail), "code": "parse_error"}


@pytest.mark.django_db
def test_a_valid_body_is_created(api_client):
    body = {"type": "job", "title": "Inženýr", "organization": "Škoda", "start_date": "2020-01-01"}
    response = api_client.post("/api/v1/achievements/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    assert response.json()["title"] == "Inženýr"
