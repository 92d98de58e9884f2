"""What every tool shares: the caller, the API's validation, owner-scoped lookups, list pages."""

from typing import Any

from pydantic import BaseModel, Field

from ..server import request

PAGE_MAX = 100


def user():
    return request().user


def validated(serializer_class, data: dict, *, instance=None, partial: bool = False) -> dict:
    """``data`` (None values dropped, so the serializer's defaults apply) checked as the API checks it."""
    serializer = serializer_class(
        instance,
        data={key: value for key, value in data.items() if value is not None},
        partial=partial,
        context={"request": request()},
    )
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def owned(queryset, pk: int):
    """One of the caller's rows; another user's id is simply not found, as in the API."""
    return queryset.get(pk=pk)


class Page(BaseModel):
    count: int = Field(description="How many match in all.")
    offset: int
    items: list[Any]


def page(queryset, serializer_class, *, limit: int, offset: int, context=None) -> dict:
    rows = list(queryset[offset : offset + limit])
    data = serializer_class(rows, many=True, context={"request": request(), **(context or {})}).data
    return {"count": queryset.count(), "offset": offset, "items": data}


def as_json(serializer_class, instance, context=None) -> dict:
    return serializer_class(instance, context={"request": request(), **(context or {})}).data
