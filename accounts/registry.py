"""What each app owns per user, so export and erasure cover every app.

Apps register in their ``AppConfig.ready()``::

    register_user_data("resumes.achievement", lambda user: Achievement.objects.filter(user=user))

Rows are deleted by the database's cascade when the user goes; the registry
is what the export reads and what the tests walk to prove erasure.
"""

from collections.abc import Callable

from django.db.models import QuerySet

_owned: dict[str, tuple[Callable[..., QuerySet], tuple[str, ...]]] = {}


def register_user_data(label: str, queryset_for_user: Callable[..., QuerySet], *, exclude=()):
    """Declare rows a user owns. ``exclude`` names fields never exported (secrets)."""
    _owned[label] = (queryset_for_user, tuple(exclude))


def owned_querysets(user):
    """Yield (label, queryset, excluded fields) for every registered kind of row."""
    for label, (queryset_for_user, exclude) in sorted(_owned.items()):
        yield label, queryset_for_user(user), exclude


# Dashboard panels: (order, template name, context function taking the request).
_panels: list[tuple[int, str, Callable]] = []


def register_dashboard_panel(template_name: str, context: Callable, *, order: int = 50):
    """Add a panel to the dashboard; ``context(request)`` returns its template context."""
    _panels[:] = [p for p in _panels if p[1] != template_name]
    _panels.append((order, template_name, context))
    _panels.sort(key=lambda p: p[0])


def dashboard_panels(request):
    return [{"template": template, "context": context(request)} for _, template, context in _panels]


# Account settings sections: (order, template name, context function taking the request).
# The section's form posts to its own app's URL.
_settings_sections: list[tuple[int, str, Callable]] = []


def register_settings_section(template_name: str, context: Callable, *, order: int = 50):
    """Add a section to the account settings page; ``context(request)`` returns its template context."""
    _settings_sections[:] = [s for s in _settings_sections if s[1] != template_name]
    _settings_sections.append((order, template_name, context))
    _settings_sections.sort(key=lambda s: s[0])


def settings_sections(request):
    return [
        {"template": template, "context": context(request)} for _, template, context in _settings_sections
    ]
