"""Turning boards' loose fields into ours: HTML to text, remote type, salary, dates."""

import re
from datetime import UTC, datetime
from html import unescape
from html.parser import HTMLParser

from django.utils.dateparse import parse_datetime

BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}
DROP_TAGS = {"script", "style", "head", "title", "noscript", "template"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._dropping = 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP_TAGS:
            self._dropping += 1
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in DROP_TAGS:
            self._dropping = max(0, self._dropping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._dropping:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text from board HTML: tags and scripts gone, paragraphs kept as blank lines."""
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def unescape_html(value: str) -> str:
    """Greenhouse sends its HTML entity-encoded (``&lt;p&gt;``): decode it once."""
    return unescape(value or "")


_REMOTE_WORDS = re.compile(r"\b(remote|anywhere|worldwide|work from home|wfh|distributed)\b", re.I)
_HYBRID_WORDS = re.compile(r"\bhybrid\b", re.I)
_ONSITE_WORDS = re.compile(r"\b(on-?site|in[- ]office|in person)\b", re.I)


def classify_remote(*texts) -> str:
    """remote / hybrid / onsite / unknown from free text such as a location line."""
    joined = " ".join(t for t in texts if isinstance(t, str))
    if _HYBRID_WORDS.search(joined):
        return "hybrid"
    if _REMOTE_WORDS.search(joined):
        return "remote"
    if _ONSITE_WORDS.search(joined):
        return "onsite"
    return "unknown"


_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR"}
_AMOUNT = re.compile(r"(\d[\d,.\s]*)(\s*[kK])?")


def parse_salary(text: str) -> tuple[int | None, int | None, str]:
    """(min, max, currency) from free text like "$40,000 - $50,000" or "€60k-70k"; Nones when unsure."""
    if not isinstance(text, str) or not text.strip():
        return None, None, ""
    currency = ""
    for sign, code in _CURRENCY_SIGNS.items():
        if sign in text:
            currency = code
            break
    code = re.search(r"\b(USD|EUR|GBP|CAD|AUD|CHF|PLN|CZK|INR|JPY)\b", text, re.I)
    if code:
        currency = code.group(1).upper()
    amounts = []
    for number, thousands in _AMOUNT.findall(text):
        digits = re.sub(r"[,\s]", "", number)
        if digits.count(".") > 1:
            digits = digits.replace(".", "")
        try:
            value = float(digits)
        except ValueError:
            continue
        if thousands:
            value *= 1000
        if value >= 1000:
            amounts.append(int(value))
    if not amounts:
        return None, None, currency
    low, high = min(amounts[:2]), max(amounts[:2])
    return low, high, currency


def parse_when(value) -> datetime | None:
    """An aware datetime from ISO 8601 text or epoch milliseconds (Lever); None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = parse_datetime(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed is None:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
