"""SmartRecruiters Posting API: ``GET /v1/companies/{id}/postings?limit=100&offset=``, then each posting.

A page is ``{"offset", "limit", "totalFound", "content": [...]}``; the
description lives only on the detail (``/postings/{id}``: ``jobAd.sections``),
fetched for postings new or changed since the last run. An unknown company
answers 200 with ``totalFound: 0``, like an empty board: the scrape then
deactivates nothing (see ``services.source_scrape``).
"""

from .base import (
    BoardAdapter,
    FetchResult,
    NormalizedPosting,
    ScrapeError,
    is_http_url,
    known_details,
    text_or_empty,
)
from .normalize import html_to_text, parse_when

PAGE_SIZE = 100
MAX_PAGES = 100
SECTIONS = ("companyDescription", "jobDescription", "qualifications", "additionalInformation")


class SmartRecruitersAdapter(BoardAdapter):
    default_base_url = "https://api.smartrecruiters.com"
    page_size = PAGE_SIZE

    @property
    def company(self):
        return self.source.identifier.strip().strip("/")

    def _page(self, offset):
        data = self.client.get_json(
            self.url(f"v1/companies/{self.company}/postings"),
            params={"limit": self.page_size, "offset": offset},
        )
        if not isinstance(data, dict) or not isinstance(data.get("content"), list):
            raise ScrapeError("SmartRecruiters answer has no 'content' list.")
        if not isinstance(data.get("totalFound"), int):
            raise ScrapeError("SmartRecruiters answer has no 'totalFound'.")
        return data

    def probe(self) -> int:
        return len(self._page(0)["content"])

    def fetch(self) -> FetchResult:
        items = []
        for page in range(MAX_PAGES):
            data = self._page(page * self.page_size)
            items.extend(data["content"])
            if not data["content"] or len(items) >= data["totalFound"]:
                break
        else:
            raise ScrapeError(f"SmartRecruiters board did not end after {MAX_PAGES} pages.")
        known = known_details(self.source)
        postings, skipped, seen = [], 0, set()
        for item in items:
            posting = self.parse(item)
            if posting is None:
                skipped += 1
                continue
            if posting.external_id in seen:
                continue
            seen.add(posting.external_id)
            stored = known.get(posting.external_id)
            if stored and stored[0] == posting.published_at:
                posting.description, posting.description_html = stored[1], stored[2]
            else:
                self._add_detail(posting)
            postings.append(posting)
        return FetchResult(postings=postings, skipped=skipped)

    def _add_detail(self, posting):
        detail = self.client.get_json(self.url(f"v1/companies/{self.company}/postings/{posting.external_id}"))
        if not isinstance(detail, dict):
            raise ScrapeError(f"SmartRecruiters posting {posting.external_id} answer is not an object.")
        job_ad = detail.get("jobAd") if isinstance(detail.get("jobAd"), dict) else {}
        sections = job_ad.get("sections") if isinstance(job_ad.get("sections"), dict) else {}
        parts = []
        for key in SECTIONS:
            section = sections.get(key)
            if isinstance(section, dict) and isinstance(section.get("text"), str) and section["text"].strip():
                parts.append(f"<h3>{section.get('title') or ''}</h3>\n{section['text']}")
        posting.description_html = "\n".join(parts)
        posting.description = html_to_text(posting.description_html)
        if is_http_url(detail.get("postingUrl")):
            posting.url = detail["postingUrl"]

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict):
            return None
        posting_id, title = text_or_empty(item.get("id"), 200), text_or_empty(item.get("name"), 300)
        if not posting_id or not title:
            return None
        location = item.get("location") if isinstance(item.get("location"), dict) else {}
        place = text_or_empty(location.get("fullLocation"), 300) or ", ".join(
            p
            for p in (text_or_empty(location.get("city")), text_or_empty(location.get("country")).upper())
            if p
        )
        if location.get("remote") is True:
            remote = "remote"
        elif location.get("hybrid") is True:
            remote = "hybrid"
        else:
            remote = "onsite" if place else "unknown"
        company = item.get("company") if isinstance(item.get("company"), dict) else {}
        employment = item.get("typeOfEmployment") if isinstance(item.get("typeOfEmployment"), dict) else {}
        identifier = text_or_empty(company.get("identifier")) or self.company
        return NormalizedPosting(
            external_id=posting_id,
            title=title,
            url=f"https://jobs.smartrecruiters.com/{identifier}/{posting_id}",
            company_name=text_or_empty(company.get("name"), 200) or self.source.name,
            location=place[:300],
            remote=remote,
            employment_type=text_or_empty(employment.get("label"), 100),
            published_at=parse_when(item.get("releasedDate")),
        )
