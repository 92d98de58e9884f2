"""The interface's Russian catalogue: complete, compiled as committed, and every page string marked."""

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import engines
from django.template.base import DebugLexer, TokenType

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "ru" / "LC_MESSAGES"

# Pages whose every string goes through gettext; the rest of the interface is still English only.
TRANSLATED_TEMPLATES = [
    "base.html",
    "_language_switch.html",
    "_form.html",
    "home.html",
    "account/login.html",
    "account/signup.html",
    "accounts/dashboard.html",
    "accounts/settings.html",
    "resumes/achievements.html",
    "resumes/achievement_form_page.html",
    "resumes/_achievement_form.html",
    "resumes/_achievement_row.html",
    "resumes/_preview.html",
    "resumes/_panel.html",
    "resumes/_completeness_panel.html",
    "resumes/resumes.html",
    "resumes/resume_detail.html",
    "resumes/resume_edit.html",
    "resumes/_export_bar.html",
    "resumes/sharing/_share_panel.html",
    "resumes/variants/form.html",
    "resumes/variants/_preview.html",
    "resumes/variants/compare.html",
    "resumes/sharing/_public_profile_section.html",
    # The dashboard's panels.
    "resumes/importing/_panel.html",
    "resumes/integrations/_stats_panel.html",
    "job_tracker/applications/_panel.html",
    "job_tracker/followups/_panel.html",
    "job_tracker/followups/_list.html",
    "job_tracker/jobs/_recommendations_panel.html",
    "job_tracker/jobs/_score.html",
    "job_tracker/reports/_panel.html",
    "ai/_panel.html",
]
# Attributes a reader sees or hears.
VISIBLE_ATTRIBUTES = r"placeholder|title|alt|aria-label|data-label|data-confirm|hx-confirm"
NOT_WORDS = {"ResuMate", "Resu", "Mate", "API", "PDF", "DOCX", "Markdown"}  # the brand and file formats
SKIPPED_BLOCKS = {
    "blocktranslate": "endblocktranslate",
    "blocktrans": "endblocktrans",
    "comment": "endcomment",
}


def unmarked_strings(source: str) -> list[str]:
    """Text a template shows outside ``{% translate %}`` / ``{% blocktranslate %}``; template code masked."""
    masked, end_of_skip = list(source), None
    for token in DebugLexer(source).tokenize():
        start, end = token.position
        name = token.contents.split()[0] if token.token_type == TokenType.BLOCK and token.contents else ""
        if end_of_skip is None and name in SKIPPED_BLOCKS:
            end_of_skip = SKIPPED_BLOCKS[name]
        if end_of_skip is not None or token.token_type != TokenType.TEXT:
            masked[start:end] = "§" * (end - start)
        if name == end_of_skip:
            end_of_skip = None
    html = "".join(masked)
    html = re.sub(r"<(script|style)\b.*?</\1>|<!--.*?-->|&#?\w+;", " ", html, flags=re.S | re.I)
    found = [value for _, value in re.findall(rf'\b({VISIBLE_ATTRIBUTES})="([^"]*)"', html)]
    found += re.sub(r"<[^>]*>", " ", html).split("\n")
    words = [" ".join(re.sub("§+", "…", text).split()) for text in found]
    return [text for text in words if set(re.findall(r"[^\W\d_]{2,}", text)) - NOT_WORDS]


def test_the_check_finds_an_unmarked_string():
    assert unmarked_strings('<p title="Open it">Hello</p>') == ["Open it", "Hello"]
    assert unmarked_strings('<a href="{% url "x" %}">{{ name }}</a> · ←') == []
    marked = (
        '{% load i18n %}<p title="{% translate "Open it" %}">{% translate "Hello" %}</p>'
        "{% blocktranslate %}Hi {{ name }}, <b>all</b>{% endblocktranslate %}{# a note #}"
    )
    assert unmarked_strings(marked) == []


@pytest.mark.parametrize("name", TRANSLATED_TEMPLATES)
def test_every_string_of_the_page_is_marked_for_translation(name):
    origin = engines["django"].engine.find_template(name)[1]
    source = Path(origin.name).read_text(encoding="utf-8")
    assert unmarked_strings(source) == []


def _po_catalogue(path: Path) -> dict:
    """msgid (or (msgid, n) for plurals) -> translation, as GNU gettext compiles a .po file."""
    entries, entry, key = [], {}, None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if entry:
                entries.append(entry)
            entry, key = {}, None
        elif line.startswith("#,"):
            entry["flags"] = line
        elif line.startswith('"'):
            entry[key] += ast.literal_eval(line)
        elif not line.startswith("#"):
            key, value = line.split(" ", 1)
            entry[key] = ast.literal_eval(value)
    catalogue = {}
    for entry in entries:
        assert "fuzzy" not in entry.get("flags", ""), entry["msgid"]
        if "msgid_plural" in entry:
            forms = sorted(k for k in entry if k.startswith("msgstr["))
            assert all(entry[k] for k in forms), entry["msgid"]
            catalogue.update({(entry["msgid"], n): entry[k] for n, k in enumerate(forms)})
        elif entry["msgid"]:
            assert entry["msgstr"], f"untranslated: {entry['msgid']!r}"
            catalogue[entry["msgid"]] = entry["msgstr"]
    return catalogue


def test_russian_catalogue_is_complete_and_compiled_as_committed():
    # The .mo is committed so a deployment needs no gettext tools; it must be the .po compiled.
    with (CATALOGUE / "django.mo").open("rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    expected = _po_catalogue(CATALOGUE / "django.po")
    actual = {k: v for k, v in mo._catalog.items() if k != ""}
    assert actual == expected, "locale/ru/LC_MESSAGES/django.mo is stale: run manage.py compilemessages"
    deleted = next(k[0] for k in expected if isinstance(k, tuple) and "deactivates" in k[0])
    unit = [re.search(r"%\(days\)s (\w+)", mo.ngettext(deleted, deleted, n))[1] for n in (1, 3, 5)]
    assert unit == ["день", "дня", "дней"]  # the Russian plural rule came through
    assert mo.info()["language"] == "ru"
