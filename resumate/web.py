"""Helpers every server-rendered page shares: htmx detection, paging, service errors on forms."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 25


def is_htmx(request) -> bool:
    """True for a request htmx sent (it swaps a fragment instead of loading a page)."""
    return request.headers.get("HX-Request") == "true"


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    """The page named by ``?page=`` (the last one when past the end, the first when not a number)."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def add_service_errors(form, error) -> None:
    """Put a DRF ValidationError's field errors next to the form's fields."""
    detail = error.detail if isinstance(error.detail, dict) else {None: error.detail}
    for field, messages in detail.items():
        target = field if field in form.fields else None
        for message in messages if isinstance(messages, list) else [messages]:
            form.add_error(target, str(message))
