"""The one-page template's condensing: a fixed ladder of cuts, the first one that fits wins.

Each rung leaves out more than the one before (bullet points, then whole
minor sections, older entries, entry descriptions, the end of the profile),
always from the end of a list, so the newest and most important things stay.
The same resume always condenses the same way. ``fit`` measures with the
caller's page counter (the PDF renderer) and binary-searches the ladder, so a
long resume costs a handful of trial renders, once per version (the result is
cached by the caller).
"""

import re
from dataclasses import dataclass, replace

from .document import Document, Section

TEMPLATE = "onepage"

MINOR_SECTIONS = ("references", "interests")
SECONDARY_SECTIONS = ("volunteer", "publications")
LATE_SECTIONS = ("awards", "certificates", "languages")
# Always kept on the last rung: what a one-page resume is for.
ESSENTIAL_SECTIONS = ("work", "education", "skills")
LAST_RUNG_TEXT = 120


@dataclass(frozen=True)
class Rung:
    highlights: int | None = None  # bullet points per entry
    entries: int | None = None  # entries per section
    entry_summaries: bool = True
    summary_sentences: int | None = None  # of the profile summary
    keywords: int | None = None  # per skill group / project
    dropped: frozenset = frozenset()
    text_limit: int | None = None  # characters of any one text


def _ladder() -> tuple[Rung, ...]:
    minor = frozenset(MINOR_SECTIONS)
    secondary = minor | frozenset(SECONDARY_SECTIONS)
    return (
        Rung(),
        Rung(highlights=4),
        Rung(highlights=4, dropped=minor),
        Rung(highlights=3, dropped=minor),
        Rung(highlights=3, keywords=12, dropped=secondary),
        Rung(highlights=2, entries=5, keywords=10, dropped=secondary),
        Rung(highlights=2, entries=4, keywords=10, entry_summaries=False, dropped=secondary),
        Rung(
            highlights=1, entries=4, keywords=8, entry_summaries=False, summary_sentences=2, dropped=secondary
        ),
        Rung(
            highlights=1, entries=3, keywords=8, entry_summaries=False, summary_sentences=2, dropped=secondary
        ),
        Rung(
            highlights=0, entries=3, keywords=6, entry_summaries=False, summary_sentences=1, dropped=secondary
        ),
        Rung(
            highlights=0, entries=2, keywords=6, entry_summaries=False, summary_sentences=1, dropped=secondary
        ),
        Rung(
            highlights=0,
            entries=1,
            keywords=5,
            entry_summaries=False,
            summary_sentences=1,
            dropped=secondary | frozenset(LATE_SECTIONS),
        ),
        # Last resort for pathological text: everything but the essentials, every text cut short.
        Rung(
            highlights=0,
            entries=1,
            keywords=4,
            entry_summaries=False,
            summary_sentences=0,
            dropped=frozenset({"*"}),
            text_limit=LAST_RUNG_TEXT,
        ),
    )


LADDER = _ladder()


@dataclass(frozen=True)
class Fit:
    document: Document
    left_out: tuple[str, ...]  # readable notes: "2 more entries in Experience"
    rung: int
    codes: tuple[str, ...] = ()  # the same, ASCII for a header: "entries:work:2"


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def _cut(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def condense(doc: Document, rung: Rung) -> Fit:
    """``doc`` cut down to ``rung``, with a note for each kind of thing left out."""
    notes, codes, cut_highlights, cut_summaries, cut_keywords = [], [], 0, 0, 0
    sections = []
    for section in doc.sections:
        dropped = section.key in rung.dropped or (
            "*" in rung.dropped and section.key not in ESSENTIAL_SECTIONS
        )
        if dropped:
            notes.append(f"the {section.title} section")
            codes.append(f"section:{section.key}")
            continue
        entries = section.entries[: rung.entries] if rung.entries is not None else list(section.entries)
        if len(entries) < len(section.entries):
            more = len(section.entries) - len(entries)
            notes.append(f"{_plural(more, 'more entry', 'more entries')} in {section.title}")
            codes.append(f"entries:{section.key}:{more}")
        kept = []
        for entry in entries:
            highlights = entry.highlights if rung.highlights is None else entry.highlights[: rung.highlights]
            keywords = entry.keywords if rung.keywords is None else entry.keywords[: rung.keywords]
            summary = entry.summary if rung.entry_summaries or section.compact else ""
            cut_highlights += len(entry.highlights) - len(highlights)
            cut_keywords += len(entry.keywords) - len(keywords)
            cut_summaries += 1 if entry.summary and not summary else 0
            kept.append(
                replace(
                    entry,
                    heading=_cut(entry.heading, rung.text_limit),
                    organization=_cut(entry.organization, rung.text_limit),
                    location=_cut(entry.location, rung.text_limit),
                    url=_cut(entry.url, rung.text_limit),
                    summary=_cut(summary, rung.text_limit),
                    highlights=[_cut(h, rung.text_limit) for h in highlights],
                    keywords=[_cut(k, rung.text_limit) for k in keywords],
                )
            )
        sections.append(Section(key=section.key, title=section.title, entries=kept, compact=section.compact))
    for count, one, many, code in (
        (cut_highlights, "bullet point", "bullet points", "highlights"),
        (cut_summaries, "entry description", "entry descriptions", "descriptions"),
        (cut_keywords, "keyword", "keywords", "keywords"),
    ):
        if count:
            notes.append(_plural(count, one, many))
            codes.append(f"{code}:{count}")
    summary = doc.summary
    if rung.summary_sentences is not None:
        sentences = _SENTENCE_END.split(summary) if summary else []
        summary = " ".join(sentences[: rung.summary_sentences])
        if summary != doc.summary:
            notes.append("the end of the profile summary" if summary else "the profile summary")
            codes.append("summary:shortened" if summary else "summary:all")
    summary = _cut(summary, rung.text_limit and rung.text_limit * 3)
    condensed = replace(
        doc,
        name=_cut(doc.name, rung.text_limit),
        label=_cut(doc.label, rung.text_limit),
        summary=summary,
        contacts=[_cut(c, rung.text_limit) for c in doc.contacts],
        sections=sections,
    )
    return Fit(document=condensed, left_out=tuple(notes), rung=LADDER.index(rung), codes=tuple(codes))


def fit(doc: Document, *, pages) -> Fit:
    """The least condensed rung of ``doc`` that ``pages(document)`` measures as one page.

    Rungs only ever remove, so the page count never grows down the ladder and
    a binary search finds the first rung that fits.
    """
    first = condense(doc, LADDER[0])
    if pages(first.document) <= 1:
        return first
    low, high = 1, len(LADDER) - 1
    best = condense(doc, LADDER[high])
    while low < high:
        middle = (low + high) // 2
        trial = condense(doc, LADDER[middle])
        if pages(trial.document) <= 1:
            best, high = trial, middle
        else:
            low = middle + 1
    if best.rung != low:
        best = condense(doc, LADDER[low])
    return best
