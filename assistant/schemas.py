"""JSON schemas for MCP tools from the API's DRF serializers, so the two never describe a record twice.

A serializer becomes a pydantic model: writable fields for a tool's arguments, every field for its
result. The serializer still does the validating; the model only tells the assistant the shape.
"""

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, create_model
from rest_framework import serializers

SIMPLE_TYPES = [
    (serializers.BooleanField, bool),
    (serializers.IntegerField, int),
    (serializers.FloatField, float),
    (serializers.DecimalField, str),
    (serializers.DateTimeField, dt.datetime),
    (serializers.DateField, dt.date),
    (serializers.JSONField, Any),
    (serializers.DictField, dict[str, Any]),
    (serializers.CharField, str),
    (serializers.PrimaryKeyRelatedField, int),
    (serializers.SlugRelatedField, str),
]


def _python_type(field: serializers.Field):
    if isinstance(field, serializers.ManyRelatedField):
        return list[int]
    if isinstance(field, serializers.ListSerializer):
        return list[dict[str, Any]]
    if isinstance(field, serializers.ListField):
        return list[_python_type(field.child)]
    if isinstance(field, serializers.ChoiceField):
        return Literal[tuple(str(key) for key in field.choices)] if field.choices else str
    if isinstance(field, serializers.BaseSerializer):
        return dict[str, Any]
    for field_class, python_type in SIMPLE_TYPES:
        if isinstance(field, field_class):
            return python_type
    return Any  # method fields and the like: whatever the API answers


def model_for(
    serializer_class, *, writable: bool, partial: bool = False, exclude=(), nullable=(), name: str = ""
) -> type[BaseModel]:
    """``writable``: the fields a client sends (optional unless required, all optional when
    ``partial``, as in a PATCH); else what the API returns."""
    definitions = {}
    for field_name, field in serializer_class().fields.items():
        if (field.read_only if writable else field.write_only) or field_name in exclude:
            continue
        python_type = _python_type(field)
        description = str(field.help_text or field.label or "") or None
        if writable and (partial or not field.required):
            definitions[field_name] = (python_type | None, Field(None, description=description))
        elif not writable and (
            field.allow_null or field_name in nullable or isinstance(field, serializers.SerializerMethodField)
        ):
            definitions[field_name] = (python_type | None, Field(description=description))
        else:
            definitions[field_name] = (python_type, Field(description=description))
    suffix = ("Changes" if partial else "Fields") if writable else ""
    model_name = name or serializer_class.__name__.removesuffix("Serializer") + suffix
    # Results may carry fields added after the schema was made; arguments must be exactly these.
    config = ConfigDict(extra="forbid" if writable else "allow")
    return create_model(model_name, __config__=config, **definitions)
