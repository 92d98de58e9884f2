"""Lever Postings API: ``GET /v0/postings/{company}?mode=json&skip=&limit=``.

The answer is a bare JSON array with no total and no company name: page with
``skip``/``limit`` until a page comes back short, and take the company from the source.
"""

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text, parse_when

PAGE_SIZE = 100
MAX_PAGES = 200  # 20,000 postings: far beyond any real company, stops a board that never ends

WORKPLACE_TYPES = {"remote": "remote", "hybrid": "hybrid", "on-site": "onsite", "onsite": "onsite"}


class LeverAdapter(BoardAdapter):
    default_base_url = "https://api.lever.co"
    page_size = PAGE_SIZE

    def fetch(self) -> FetchResult:
        company = self.source.identifier.strip().strip("/")
        postings, skipped, seen = [], 0, set()
        for page in range(MAX_PAGES):
            params = {"mode": "json", "skip": page * self.page_size, "limit": self.page_size}
            data = self.client.get_json(self.url(f"v0/postings/{company}"), params=params)
            if not isinstance(data, list):
                raise ScrapeError("Lever answer is not a JSON array of postings.")
            for item in data:
                posting = self.parse(item)
                if posting is None:
                    skipped += 1
                elif posting.external_id not in seen:
                    seen.add(posting.external_id)
                    postings.append(posting)
            if len(data) < self.page_size:
                return FetchResult(postings=postings, skipped=skipped)
        raise ScrapeError(f"Lever board did not end after {MAX_PAGES} pages.")

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict):
            return None
        posting_id, title = text_or_empty(item.get("id"), 200), text_or_empty(item.get("text"), 300)
        if not posting_id or not title:
            return None
        categories = item.get("categories") if isinstance(item.get("categories"), dict) else {}
        location = text_or_empty(categories.get("location"), 300)
        all_locations = categories.get("allLocations")
        if not location and isinstance(all_locations, list):
            location = ", ".join(x for x in all_locations if isinstance(x, str))[:300]
        html_parts = [item.get("description") or ""]
        for block in item.get("lists") or []:
            if isinstance(block, dict):
                html_parts.append(f"<h3>{block.get('text', '')}</h3><ul>{block.get('content', '')}</ul>")
        html_parts.append(item.get("additional") or "")
        html = "\n".join(p for p in html_parts if isinstance(p, str) and p)
        workplace = WORKPLACE_TYPES.get(str(item.get("workplaceType", "")).lower())
        salary = item.get("salaryRange") if isinstance(item.get("salaryRange"), dict) else {}
        low, high = salary.get("min"), salary.get("max")
        low = int(low) if isinstance(low, int | float) and not isinstance(low, bool) and low >= 0 else None
        high = (
            int(high) if isinstance(high, int | float) and not isinstance(high, bool) and high >= 0 else None
        )
        if low is not None and high is not None and high < low:
            low, high = high, low
        url = item.get("hostedUrl")
        return NormalizedPosting(
            external_id=posting_id,
            title=title,
            url=url if is_http_url(url) else "",
            company_name=self.source.name or self.source.identifier,
            location=location,
            remote=workplace or classify_remote(location),
            employment_type=text_or_empty(categories.get("commitment"), 100),
            salary_min=low,
            salary_max=high,
            currency=text_or_empty(salary.get("currency"), 3).upper() if (low or high) else "",
            description=html_to_text(html) or text_or_empty(item.get("descriptionPlain")),
            description_html=html,
            published_at=parse_when(item.get("createdAt")),
        )
