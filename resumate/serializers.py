"""Serializer bases for the API: input naming a field the serializer does not know is refused.

DRF drops unknown keys silently, so a misspelt field (``"end_dat"``) would "succeed" and store
nothing. Known read-only fields (``id``, ``created_at``) stay accepted and ignored, so a client
can send back what it read.
"""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError

UNKNOWN_FIELD = _("Unknown field.")


class RejectUnknownFieldsMixin:
    def to_internal_value(self, data):
        unknown = sorted(set(data) - set(self.fields)) if isinstance(data, Mapping) else []
        errors = {name: [ErrorDetail(UNKNOWN_FIELD, code="unknown_field")] for name in unknown}
        try:
            value = super().to_internal_value(data)
        except ValidationError as exc:
            if errors and isinstance(exc.detail, dict):
                raise ValidationError({**exc.detail, **errors}) from exc
            raise
        if errors:
            raise ValidationError(errors)
        return value


class StrictSerializer(RejectUnknownFieldsMixin, serializers.Serializer):
    pass


class StrictModelSerializer(RejectUnknownFieldsMixin, serializers.ModelSerializer):
    pass
