"""The API's JSON renderer: DRF's JSONRenderer output, encoded by orjson."""

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

# DRF's own conversions (datetimes to milliseconds with "Z", Decimal to a number, lazy strings...);
# orjson is told to hand it the types it would otherwise write its own way.
_drf_default = JSONEncoder().default
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS


class ORJSONRenderer(renderers.JSONRenderer):
    """The same JSON values DRF's ``JSONRenderer`` writes, faster.

    Anything orjson refuses (non-string keys, integers beyond 64 bits) and an indent asked for
    in ``Accept`` go to DRF's renderer, so they answer exactly as before.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if data is None:
            return b""
        if not self.get_indent(accepted_media_type, renderer_context or {}):
            try:
                return orjson.dumps(data, default=_drf_default, option=_OPTIONS)
            except orjson.JSONEncodeError:
                pass
        return super().render(data, accepted_media_type, renderer_context)
