"""Arbeitnow job board API (Europe): ``GET /api/job-board-api?page=N``.

A page is ``{"data": [...], "links": {"next": url|null, ...}, "meta": {...}}``;
page until ``links.next`` is null. Each job has ``slug``, ``company_name``,
``title``, ``description`` (HTML), ``remote`` (bool), ``url``, ``tags``,
``job_types``, ``location`` and ``created_at`` in epoch *seconds*. The
identifier is ``all``, or ``remote`` to keep only remote jobs.
"""

from datetime import UTC, datetime

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text

MAX_PAGES = 50
FILTERS = {"all", "remote", ""}


def _epoch_seconds(value) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


class ArbeitnowAdapter(BoardAdapter):
    default_base_url = "https://www.arbeitnow.com"

    def _page(self, page):
        data = self.client.get_json(self.url("api/job-board-api"), params={"page": page})
        if not isinstance(data, dict) or not isinstance(data.get("data"), list):
            raise ScrapeError("Arbeitnow answer has no 'data' list.")
        return data

    def _filter(self):
        name = self.source.identifier.strip().lower()
        if name not in FILTERS:
            raise ScrapeError("Arbeitnow identifier must be 'all' or 'remote'.")
        return name

    def probe(self) -> int:
        self._filter()
        return len(self._page(1)["data"])

    def fetch(self) -> FetchResult:
        only_remote = self._filter() == "remote"
        postings, skipped, seen = [], 0, set()
        for page in range(1, MAX_PAGES + 1):
            data = self._page(page)
            for item in data["data"]:
                posting = self.parse(item)
                if posting is None:
                    skipped += 1
                elif posting.external_id not in seen and (posting.remote == "remote" or not only_remote):
                    seen.add(posting.external_id)
                    postings.append(posting)
            links = data.get("links") if isinstance(data.get("links"), dict) else {}
            if not links.get("next") or not data["data"]:
                return FetchResult(postings=postings, skipped=skipped)
        # The feed is newest first: what lies past the last page is old, but unseen.
        return FetchResult(postings=postings, skipped=skipped, complete=False)

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict):
            return None
        slug, title = text_or_empty(item.get("slug"), 200), text_or_empty(item.get("title"), 300)
        if not slug or not title:
            return None
        location = text_or_empty(item.get("location"), 300)
        html = item.get("description") if isinstance(item.get("description"), str) else ""
        job_types = [t for t in item.get("job_types") or [] if isinstance(t, str)]
        if item.get("remote") is True:
            remote = "remote"
        else:
            remote = classify_remote(location)
            remote = "onsite" if remote in ("unknown", "remote") and location else remote
        url = item.get("url")
        return NormalizedPosting(
            external_id=slug,
            title=title,
            url=url if is_http_url(url) else "",
            company_name=text_or_empty(item.get("company_name"), 200),
            location=location,
            remote=remote,
            employment_type=", ".join(job_types)[:100],
            description=html_to_text(html),
            description_html=html,
            published_at=_epoch_seconds(item.get("created_at")),
            skills_hint=[t for t in item.get("tags") or [] if isinstance(t, str)],
        )
