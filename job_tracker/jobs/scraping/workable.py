"""Workable widget API: ``GET /api/v1/widget/accounts/{slug}?details=true``.

The answer is ``{"name", "description", "jobs": [...]}`` with every job at once.
A job open in several places appears once per location under the same
``shortcode``: those are merged into one posting listing every place.
"""

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text, parse_when


def _place(job) -> str:
    parts = [text_or_empty(job.get(k)) for k in ("city", "state", "country")]
    return ", ".join(p for p in parts if p)


class WorkableAdapter(BoardAdapter):
    default_base_url = "https://apply.workable.com"

    def fetch(self) -> FetchResult:
        slug = self.source.identifier.strip().strip("/")
        data = self.client.get_json(self.url(f"api/v1/widget/accounts/{slug}"), params={"details": "true"})
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError("Workable answer has no 'jobs' list.")
        company = text_or_empty(data.get("name"), 200)
        merged, order, skipped = {}, [], 0
        for item in data["jobs"]:
            posting = self.parse(item, company=company)
            if posting is None:
                skipped += 1
            elif posting.external_id in merged:
                first = merged[posting.external_id]
                if posting.location and posting.location not in first.location.split(" / "):
                    first.location = f"{first.location} / {posting.location}".strip(" /")[:300]
            else:
                merged[posting.external_id] = posting
                order.append(posting.external_id)
        return FetchResult(postings=[merged[key] for key in order], skipped=skipped)

    def parse(self, item, *, company="") -> NormalizedPosting | None:
        if not isinstance(item, dict):
            return None
        shortcode, title = text_or_empty(item.get("shortcode"), 200), text_or_empty(item.get("title"), 300)
        if not shortcode or not title:
            return None
        location = _place(item)
        html = item.get("description") if isinstance(item.get("description"), str) else ""
        url = item.get("url") if is_http_url(item.get("url")) else item.get("shortlink")
        remote = "remote" if item.get("telecommuting") is True else classify_remote(location)
        return NormalizedPosting(
            external_id=shortcode,
            title=title,
            url=url if is_http_url(url) else "",
            company_name=company or self.source.name or self.source.identifier,
            location=location[:300],
            remote=remote if remote != "unknown" or not location else "onsite",
            employment_type=text_or_empty(item.get("employment_type"), 100),
            description=html_to_text(html),
            description_html=html,
            published_at=parse_when(item.get("published_on")) or parse_when(item.get("created_at")),
        )
