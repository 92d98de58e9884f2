"""Remotive public API: ``GET /api/remote-jobs[?category=slug]``.

Answer: ``{"00-warning": ..., "0-legal-notice": ..., "job-count": n, "jobs": [...]}``.
Remotive's terms ask for at most about four calls a day (the source's minimum
interval defaults to six hours) and a visible credit linking back to each posting.
"""

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text, parse_salary, parse_when

JOB_TYPES = {
    "full_time": "Full-time",
    "part_time": "Part-time",
    "contract": "Contract",
    "freelance": "Freelance",
    "internship": "Internship",
    "other": "Other",
}
ALL = {"", "all", "*"}


class RemotiveAdapter(BoardAdapter):
    default_base_url = "https://remotive.com"
    credit = "Remotive"

    def fetch(self) -> FetchResult:
        category = self.source.identifier.strip()
        params = {} if category.lower() in ALL else {"category": category}
        data = self.client.get_json(self.url("api/remote-jobs"), params=params)
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError("Remotive answer has no 'jobs' list.")
        return self.parse_items(data["jobs"])

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict) or isinstance(item.get("id"), bool):
            return None
        job_id, title = item.get("id"), text_or_empty(item.get("title"), 300)
        url = item.get("url")
        # The link back is part of Remotive's terms: a posting without one is not shown.
        if not isinstance(job_id, int | str) or not str(job_id).strip() or not title or not is_http_url(url):
            return None
        html = item.get("description") if isinstance(item.get("description"), str) else ""
        low, high, currency = parse_salary(item.get("salary"))
        tags = [t for t in item.get("tags") or [] if isinstance(t, str)]
        location = text_or_empty(item.get("candidate_required_location"), 300)
        return NormalizedPosting(
            external_id=str(job_id).strip(),
            title=title,
            url=url,
            company_name=text_or_empty(item.get("company_name"), 200),
            location=location,
            # Everything on Remotive is remote; the location line says from where.
            remote="hybrid" if classify_remote(location, title) == "hybrid" else "remote",
            employment_type=JOB_TYPES.get(str(item.get("job_type", "")), ""),
            salary_min=low,
            salary_max=high,
            currency=currency,
            description=html_to_text(html),
            description_html=html,
            published_at=parse_when(item.get("publication_date")),
            skills_hint=tags,
        )
