"""What a shared or public page shows of a resume: private fields only where switched on."""

import copy

from resumes.exporters.document import LAYOUT

SECTION_KEYS = tuple(key for key, *_ in LAYOUT)
SECTION_TITLES = {key: title for key, title, *_ in LAYOUT}


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
    # Statistics and generator details are for the owner.
    shown.pop("meta", None)
    return shown


def present_sections(content: dict) -> list[tuple[str, str]]:
    """(key, title) of the sections ``content`` has entries in, in reading order; "basics" first."""
    found = [("basics", "Summary and contact")] if content.get("basics") else []
    return found + [(k, SECTION_TITLES[k]) for k in SECTION_KEYS if content.get(k)]
