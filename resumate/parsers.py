"""The API's JSON parser: orjson for UTF-8 bodies, DRF's JSONParser for the rest."""

import io
import re

import orjson
from rest_framework import parsers

# orjson reads an integer beyond 64 bits as a float; Python's json keeps it exact.
_LONG_NUMBER = re.compile(rb"\d{20}")


class ORJSONParser(parsers.JSONParser):
    """Parses with orjson; a body it refuses goes to DRF's parser, so errors read as before."""

    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read()
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        if encoding.lower().replace("_", "-") in ("utf-8", "utf8") and not _LONG_NUMBER.search(body):
            try:
                return orjson.loads(body)
            except orjson.JSONDecodeError:
                pass
        return super().parse(io.BytesIO(body), media_type, parser_context)
