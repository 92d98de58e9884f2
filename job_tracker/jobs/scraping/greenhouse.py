"""Greenhouse Job Board API: ``GET /v1/boards/{token}/jobs?content=true``.

One response lists every job (no pagination) as ``{"jobs": [...], "meta": {"total": n}}``.
Each job's ``content`` is HTML that is itself entity-encoded (``&lt;p&gt;``):
unescape it, then strip it.
"""

import logging

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text, parse_when, unescape_html

logger = logging.getLogger(__name__)


class GreenhouseAdapter(BoardAdapter):
    default_base_url = "https://boards-api.greenhouse.io"

    def fetch(self) -> FetchResult:
        token = self.source.identifier.strip().strip("/")
        data = self.client.get_json(self.url(f"v1/boards/{token}/jobs"), params={"content": "true"})
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError("Greenhouse answer has no 'jobs' list.")
        return self.parse_items(data["jobs"])

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict) or isinstance(item.get("id"), bool):
            return None
        job_id, title = item.get("id"), text_or_empty(item.get("title"), 300)
        if not isinstance(job_id, int | str) or not str(job_id).strip() or not title:
            return None
        location = item.get("location") if isinstance(item.get("location"), dict) else {}
        location_name = text_or_empty(location.get("name"), 300)
        html = unescape_html(item.get("content") if isinstance(item.get("content"), str) else "")
        offices = [o.get("name", "") for o in item.get("offices") or [] if isinstance(o, dict)]
        url = item.get("absolute_url")
        text = html_to_text(html)
        # The location line decides; the description only when the location says nothing.
        remote = classify_remote(location_name, *[o for o in offices if isinstance(o, str)])
        return NormalizedPosting(
            external_id=str(job_id).strip(),
            title=title,
            url=url if is_http_url(url) else "",
            # Newer boards name the company on each job; older ones only through the source.
            company_name=text_or_empty(item.get("company_name"), 200) or self.source.name,
            location=location_name,
            remote=remote if remote != "unknown" else classify_remote(text),
            description=text,
            description_html=html,
            published_at=parse_when(item.get("first_published")) or parse_when(item.get("updated_at")),
        )
