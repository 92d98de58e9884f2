"""The interface's Russian catalogue: complete, compiled as committed, and every page string marked."""

import ast
import gettext
import re
from fnmatch import fnmatch
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import DebugLexer, TokenType

BASE = Path(settings.BASE_DIR)
CATALOGUE = BASE / "locale" / "ru" / "LC_MESSAGES"
# Every template of the project's own (templates/ and each app's templates/) is interface, but
# these few, which are not in the reader's interface language (fnmatch patterns; each must match).
NOT_INTERFACE = [
    # The resume documents: headings and dates in the resume's own language (resumes/exporters/document.py).
    "resumes/templates/resumes/pdf/*",
    # Staff-only admin screens.
    "templates/admin/*",
    # Sent by Celery tasks, and no language is stored per user: English. allauth's mails are translated.
    "job_tracker/templates/job_tracker/*email.*",
]
ALL_TEMPLATES = sorted(
    path.relative_to(BASE).as_posix()
    for pattern in ("templates/**/*", "[!.]*/templates/**/*")
    for path in BASE.glob(pattern)
    if path.is_file()
)
TEMPLATES = [path for path in ALL_TEMPLATES if not any(fnmatch(path, p) for p in NOT_INTERFACE)]
# Attributes a reader sees or hears.
VISIBLE_ATTRIBUTES = r"placeholder|title|alt|aria-label|data-label|data-confirm|hx-confirm"
# Brands and file formats, written the same in every language.
NOT_WORDS = {"ResuMate", "Resu", "Mate", "API", "PDF", "DOCX", "Markdown", "LinkedIn", "vCard", "ics"}
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
    # Scripts, styles, and code the reader copies as it is.
    html = re.sub(r"<(script|style|pre|code)\b.*?</\1>|<!--.*?-->|&#?\w+;", " ", html, flags=re.S | re.I)
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


def test_every_template_is_scanned_but_the_few_left_out():
    assert "templates/base.html" in TEMPLATES and "templates/account/email/base_message.txt" in TEMPLATES
    assert "job_tracker/templates/job_tracker/applications/board.html" in TEMPLATES
    assert len(TEMPLATES) > 100
    for pattern in NOT_INTERFACE:
        assert any(fnmatch(path, pattern) for path in ALL_TEMPLATES), f"{pattern} matches no template"


@pytest.mark.parametrize("path", TEMPLATES)
def test_every_string_of_the_page_is_marked_for_translation(path):
    assert unmarked_strings((BASE / path).read_text(encoding="utf-8")) == []


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
        # A msgctxt (pgettext) is joined to the msgid with EOT, as in the compiled file.
        msgid = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
        if "msgid_plural" in entry:
            forms = sorted(k for k in entry if k.startswith("msgstr["))
            assert all(entry[k] for k in forms), msgid
            catalogue.update({(msgid, n): entry[k] for n, k in enumerate(forms)})
        elif msgid:
            assert entry["msgstr"], f"untranslated: {msgid!r}"
            catalogue[msgid] = entry["msgstr"]
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
