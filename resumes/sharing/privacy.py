"""What a shared or public page shows of a resume: private fields only where switched on."""

import copy

from django.utils.translation import get_language, gettext

from resumes.exporters.document import LAYOUT
from resumes.locales import headings

SECTION_KEYS = tuple(key for key, *_ in LAYOUT)


def section_titles() -> dict[str, str]:
    """Section titles in the interface's language (the forms and the owner's panel), not the resume's."""
    return {key: headings(get_language() or "en")[key] for key in SECTION_KEYS}


def visible_content(
    content: dict, *, show_email: bool, show_phone: bool, show_location: bool, sections=None
) -> dict:
    """A copy of ``content`` without the private basics the owner did not switch on.

    ``sections`` (keys of ``SECTION_KEYS``) keeps only those sections; None or empty keeps all.
    """
    shown = copy.deepcopy(content) if isinstance(content, dict) else {}
    basics = shown.get("basics")
    if isinstance(basics, dict):
        for key, allowed in (("email", show_email), ("phone", show_phone), ("location", show_location)):
            if not allowed:
                basics.pop(key, None)
    if sections:
        for key in SECTION_KEYS:
            if key not in sections:
                shown.pop(key, None)
    # The owner's statistics stay private; the rest of meta (the resume's language) renders the page.
    if isinstance(shown.get("meta"), dict):
        shown["meta"].pop("statistics", None)
    return shown


def present_sections(content: dict) -> list[tuple[str, str]]:
    """(key, title) of the sections ``content`` has entries in, in reading order; "basics" first."""
    found = [("basics", gettext("Summary and contact"))] if content.get("basics") else []
    return found + [(k, title) for k, title in section_titles().items() if content.get(k)]
