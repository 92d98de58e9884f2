"""Ashby job-board API: ``GET /posting-api/job-board/{board}?includeCompensation=true``.

One answer lists the whole board as ``{"apiVersion": "1", "jobs": [...]}``. Jobs
with ``isListed: false`` are hidden on the company's page and left out here too.
An unknown board answers 404 (a failure, never an empty board).
"""

from .base import BoardAdapter, FetchResult, NormalizedPosting, ScrapeError, is_http_url, text_or_empty
from .normalize import classify_remote, html_to_text, parse_when

EMPLOYMENT = {
    "FullTime": "Full-time",
    "PartTime": "Part-time",
    "Intern": "Internship",
    "Contract": "Contract",
    "Temporary": "Temporary",
}
WORKPLACE = {"remote": "remote", "hybrid": "hybrid", "onsite": "onsite"}


def _salary(compensation) -> tuple[int | None, int | None, str]:
    """The yearly salary range of the first tier that has one."""
    if not isinstance(compensation, dict):
        return None, None, ""
    for tier in compensation.get("compensationTiers") or []:
        for part in (tier.get("components") or []) if isinstance(tier, dict) else []:
            if not isinstance(part, dict) or part.get("compensationType") != "Salary":
                continue
            low, high = part.get("minValue"), part.get("maxValue")
            low = int(low) if isinstance(low, int | float) and not isinstance(low, bool) else None
            high = int(high) if isinstance(high, int | float) and not isinstance(high, bool) else None
            if low is not None or high is not None:
                return low, high, text_or_empty(part.get("currencyCode"), 3).upper()
    return None, None, ""


class AshbyAdapter(BoardAdapter):
    default_base_url = "https://api.ashbyhq.com"

    def fetch(self) -> FetchResult:
        board = self.source.identifier.strip().strip("/")
        data = self.client.get_json(
            self.url(f"posting-api/job-board/{board}"), params={"includeCompensation": "true"}
        )
        if not isinstance(data, dict) or not isinstance(data.get("jobs"), list):
            raise ScrapeError("Ashby answer has no 'jobs' list.")
        listed = [j for j in data["jobs"] if not (isinstance(j, dict) and j.get("isListed") is False)]
        return self.parse_items(listed)

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict):
            return None
        job_id, title = text_or_empty(item.get("id"), 200), text_or_empty(item.get("title"), 300)
        if not job_id or not title:
            return None
        location = text_or_empty(item.get("location"), 300)
        workplace = WORKPLACE.get(str(item.get("workplaceType") or "").replace("-", "").lower())
        if item.get("isRemote") is True and workplace is None:
            workplace = "remote"
        html = item.get("descriptionHtml") if isinstance(item.get("descriptionHtml"), str) else ""
        low, high, currency = _salary(item.get("compensation"))
        if low is not None and high is not None and high < low:
            low, high = high, low
        url = item.get("jobUrl")
        return NormalizedPosting(
            external_id=job_id,
            title=title,
            url=url if is_http_url(url) else "",
            company_name=self.source.name or self.source.identifier,
            location=location,
            remote=workplace or classify_remote(location),
            employment_type=EMPLOYMENT.get(str(item.get("employmentType") or ""), ""),
            salary_min=low,
            salary_max=high,
            currency=currency if (low is not None or high is not None) else "",
            description=html_to_text(html) or text_or_empty(item.get("descriptionPlain")),
            description_html=html,
            published_at=parse_when(item.get("publishedAt")),
        )
