"""The API's JSON parser: orjson for UTF-8 bodies, DRF's JSONParser for the rest."""

import io

import orjson
from rest_framework import parsers
from rest_framework.exceptions import ParseError

# orjson reads an integer beyond 64 bits as a float, Python's json keeps it exact: a body with a
# run of 20 digits goes to DRF. Every digit becomes "0" and every other byte a space, so a
# substring search finds the run, many times faster than a regex scan.
_DIGITS_AS_ZEROS = bytes(ord("0") if chr(b).isdigit() and b < 128 else ord(" ") for b in range(256))
_LONG_RUN = b"0" * 20


class ORJSONParser(parsers.JSONParser):
    """Parses with orjson; a body it refuses goes to DRF's parser, so errors read as before."""

    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read()
        encoding = (parser_context or {}).get("encoding") or "utf-8"
        utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        data = self._parse(body, utf8, media_type, parser_context)
        # In UTF-8, JSON carries NUL only as the escape; PostgreSQL stores it in neither text nor jsonb.
        if (b"\\u0000" in body or not utf8) and (where := nul_path(data)) is not None:
            raise ParseError(
                f"JSON parse error - text may not contain the NUL character (\\u0000), at {where}."
            )
        return data

    def _parse(self, body, utf8, media_type, parser_context):
        if utf8 and _LONG_RUN not in body.translate(_DIGITS_AS_ZEROS):
            try:
                return orjson.loads(body)
            except orjson.JSONDecodeError:
                pass
        return super().parse(io.BytesIO(body), media_type, parser_context)


def nul_path(value, path="body") -> str | None:
    """Where in parsed JSON a string (or key) holds NUL, as ``body.content.basics.name``; else None."""
    if isinstance(value, str):
        return path if "\x00" in value else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        here = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
        if isinstance(key, str) and "\x00" in key:
            return here
        if (found := nul_path(item, here)) is not None:
            return found
    return None
