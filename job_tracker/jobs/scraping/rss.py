"""Generic RSS 2.0 / Atom 1.0 job feed (We Work Remotely, company blogs, ...).

``identifier`` is the feed URL, or a path under ``base_url``. Feeds have no
pagination; the feed lists what is open now. Parsing uses defusedxml, so a
hostile feed cannot expand entities or reach the network.
"""

import email.utils
import hashlib
from datetime import UTC

from defusedxml import ElementTree
from defusedxml.common import DefusedXmlException

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text, parse_when

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def _text(element, tag):
    found = element.find(tag) if element is not None else None
    return (found.text or "").strip() if found is not None and found.text else ""


def _rfc822(value):
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return parse_when(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _split_company(title, feed_company):
    """Many job feeds title items "Company: Role" (We Work Remotely); keep the role as the title."""
    if ": " in title and not feed_company:
        company, role = title.split(": ", 1)
        if company and role and len(company) <= 100:
            return role.strip(), company.strip()
    return title, feed_company


class RSSAdapter(BoardAdapter):
    default_base_url = ""

    def feed_url(self):
        identifier = self.source.identifier.strip()
        if is_http_url(identifier):
            return identifier
        if not self.source.base_url:
            raise ScrapeError("An RSS source needs a feed URL (identifier) or a base URL.")
        return self.url(identifier)

    def fetch(self) -> FetchResult:
        response = self.client.get(self.feed_url())
        try:
            root = ElementTree.fromstring(response.content)
        except (ElementTree.ParseError, DefusedXmlException) as exc:
            raise ScrapeError(f"Feed is not well-formed XML: {exc}") from exc
        if root.tag == "rss" and root.find("channel") is not None:
            channel = root.find("channel")
            feed_title = _text(channel, "title")
            items, parse = channel.findall("item"), self.parse_rss_item
        elif root.tag == f"{ATOM}feed":
            feed_title = _text(root, f"{ATOM}title")
            items, parse = root.findall(f"{ATOM}entry"), self.parse_atom_entry
        else:
            raise ScrapeError(f"Not an RSS 2.0 or Atom feed (root element {root.tag!r}).")
        company = self.source.name
        postings, skipped, seen = [], 0, set()
        for item in items:
            posting = parse(item, company)
            if posting is None or posting.external_id in seen:
                skipped += 1
                continue
            seen.add(posting.external_id)
            if not posting.company_name:
                posting.company_name = feed_title[:200]
            postings.append(posting)
        return FetchResult(postings=postings, skipped=skipped)

    @staticmethod
    def _external_id(guid, link):
        key = guid or link
        # Long GUIDs (full URLs) are hashed to fit the column while staying stable.
        return key if len(key) <= 200 else hashlib.sha256(key.encode()).hexdigest()

    def parse_rss_item(self, item, company) -> NormalizedPosting | None:
        title, link, guid = _text(item, "title"), _text(item, "link"), _text(item, "guid")
        if not title or not (guid or link):
            return None
        html = _text(item, CONTENT) or _text(item, "description")
        title, company = _split_company(title, company)
        region = _text(item, "region") or _text(item, "location")
        return NormalizedPosting(
            external_id=self._external_id(guid, link),
            title=title[:300],
            url=link if is_http_url(link) else "",
            company_name=(company or "")[:200],
            location=region[:300],
            remote=classify_remote(region, title),
            employment_type=text_or_empty(_text(item, "type"), 100),
            description=html_to_text(html),
            description_html=html,
            published_at=_rfc822(_text(item, "pubDate")) if _text(item, "pubDate") else None,
            skills_hint=[c.text.strip() for c in item.findall("category") if c.text and c.text.strip()],
        )

    def parse_atom_entry(self, entry, company) -> NormalizedPosting | None:
        title, entry_id = _text(entry, f"{ATOM}title"), _text(entry, f"{ATOM}id")
        link = ""
        for candidate in entry.findall(f"{ATOM}link"):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate.get("href")
                break
        if not title or not (entry_id or link):
            return None
        html = _text(entry, f"{ATOM}content") or _text(entry, f"{ATOM}summary")
        title, company = _split_company(title, company)
        author = _text(entry.find(f"{ATOM}author"), f"{ATOM}name")
        return NormalizedPosting(
            external_id=self._external_id(entry_id, link),
            title=title[:300],
            url=link if is_http_url(link) else "",
            company_name=(company or author)[:200],
            remote=classify_remote(title),
            description=html_to_text(html),
            description_html=html,
            published_at=parse_when(_text(entry, f"{ATOM}published") or _text(entry, f"{ATOM}updated")),
            skills_hint=[c.get("term") for c in entry.findall(f"{ATOM}category") if c.get("term")],
        )
