"""The cover-letter writer the "Apply via hh.ru" page offers, registered by a higher app in ``ready()``.

The AI app registers one, so the job tracker never imports it (ai calls into
the job tracker, never the reverse). Without a writer the page offers no draft.
"""

from collections.abc import Callable

# writer(*, user, posting) -> the letter's text; raises ApplicationError with a message for the user.
CoverLetterWriter = Callable[..., str]

_writer: list[CoverLetterWriter] = []


def register_cover_letter_writer(writer: CoverLetterWriter) -> None:
    _writer[:] = [writer]


def cover_letter_writer() -> CoverLetterWriter | None:
    return _writer[0] if _writer else None
