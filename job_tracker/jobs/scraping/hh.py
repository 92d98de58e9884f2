"""hh.ru public vacancies API: ``GET /vacancies?text=&area=&...&page=&per_page=``, ``GET /vacancies/{id}``.

The identifier is the search as a query string, e.g.
``text=python&area=1&schedule=remote&professional_role=96&experience=between1And3``.
hh answers ``{"items": [...], "found", "pages", "page", "per_page"}`` and never
more than 2,000 results per search (``page * per_page < 2000``): a search that
finds more is listed incompletely, so nothing is deactivated. Search items carry
only a snippet; the description and ``key_skills`` come from the vacancy detail,
fetched only for vacancies new or changed since the last run.

hh requires an ``HH-User-Agent`` header naming the application and a contact
(``HH_USER_AGENT``), allows about 10 requests a second (``HH_REQUESTS_PER_SECOND``),
and this installation spends at most ``HH_DAILY_REQUEST_CAP`` requests a day on it.
"""

import logging
from datetime import date
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache

from .base import (
    BoardAdapter,
    BoardClient,
    FetchResult,
    NormalizedPosting,
    ScrapeError,
    is_http_url,
    known_details,
    text_or_empty,
)
from .normalize import html_to_text, parse_when

logger = logging.getLogger(__name__)

PER_PAGE = 100
RESULT_WINDOW = 2000
SEARCH_PARAMS = {
    "text", "area", "professional_role", "schedule", "work_format", "experience", "employment",
    "salary", "currency", "only_with_salary", "employer_id", "search_field", "period", "industry", "label",
}  # fmt: skip
SCHEDULES = {"remote": "remote", "flexible": "unknown", "fullDay": "onsite", "shift": "onsite"}
WORK_FORMATS = {"REMOTE": "remote", "HYBRID": "hybrid", "ON_SITE": "onsite", "FIELD_WORK": "onsite"}
# hh names the rouble by its old code; everything else is ISO 4217 already.
CURRENCIES = {"RUR": "RUB"}


class DailyCapReached(ScrapeError):
    """This installation's hh.ru requests for today are spent."""


def parse_search(identifier: str) -> list[tuple[str, str]]:
    """The identifier's search parameters; ScrapeError naming any hh does not take."""
    pairs = parse_qsl((identifier or "").strip().lstrip("?"), keep_blank_values=False)
    unknown = sorted({key for key, _ in pairs} - SEARCH_PARAMS)
    if unknown:
        raise ScrapeError(f"hh.ru search parameters not supported: {', '.join(unknown)}.")
    return [(k, v) for k, v in pairs if k not in ("page", "per_page")]


class HHClient(BoardClient):
    """BoardClient with hh's header, its 10 requests a second and the installation's daily cap."""

    def __init__(self, **kwargs):
        user_agent = settings.HH_USER_AGENT
        kwargs.setdefault("delay", 1.0 / max(settings.HH_REQUESTS_PER_SECOND, 0.1))
        kwargs["headers"] = {
            "HH-User-Agent": user_agent,
            "User-Agent": user_agent,
            **kwargs.get("headers", {}),
        }
        super().__init__(**kwargs)

    def before_request(self):
        key = f"job_tracker:hh-requests:{date.today():%Y-%m-%d}"
        cache.add(key, 0, 2 * 24 * 3600)
        try:
            used = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, 2 * 24 * 3600)
            used = 1
        if used > settings.HH_DAILY_REQUEST_CAP:
            raise DailyCapReached(f"hh.ru daily request cap ({settings.HH_DAILY_REQUEST_CAP}) reached.")


def _salary(salary) -> tuple[int | None, int | None, str]:
    if not isinstance(salary, dict):
        return None, None, ""
    low, high = salary.get("from"), salary.get("to")
    low = int(low) if isinstance(low, int | float) and not isinstance(low, bool) and low >= 0 else None
    high = int(high) if isinstance(high, int | float) and not isinstance(high, bool) and high >= 0 else None
    if low is None and high is None:
        return None, None, ""
    currency = text_or_empty(salary.get("currency"), 3).upper()
    return low, high, CURRENCIES.get(currency, currency)


def _name(value) -> str:
    return text_or_empty(value.get("name")) if isinstance(value, dict) else ""


def _remote(item) -> str:
    formats = [f.get("id") for f in item.get("work_format") or [] if isinstance(f, dict)]
    for hh_id in ("REMOTE", "HYBRID", "ON_SITE", "FIELD_WORK"):
        if hh_id in formats:
            return WORK_FORMATS[hh_id]
    schedule = item.get("schedule") if isinstance(item.get("schedule"), dict) else {}
    return SCHEDULES.get(str(schedule.get("id", "")), "unknown")


class HHAdapter(BoardAdapter):
    per_page = PER_PAGE
    client_class = HHClient

    @property
    def default_base_url(self):
        return settings.HH_BASE_URL

    def _search_page(self, search, page):
        data = self.client.get_json(
            self.url("vacancies"), params=[*search, ("page", page), ("per_page", self.per_page)]
        )
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            raise ScrapeError("hh.ru answer has no 'items' list.")
        return data

    def probe(self) -> int:
        data = self._search_page(parse_search(self.source.identifier), 0)
        return len(data["items"])

    def fetch(self) -> FetchResult:
        search = parse_search(self.source.identifier)
        items, complete = [], True
        last_page = (RESULT_WINDOW // self.per_page) - 1
        for page in range(last_page + 1):
            data = self._search_page(search, page)
            items.extend(data["items"])
            pages = data.get("pages") if isinstance(data.get("pages"), int) else 0
            if page + 1 >= pages or not data["items"]:
                break
        else:
            complete = False  # more than the 2,000-result window: the rest cannot be listed
        result = self._with_details(items)
        result.complete = result.complete and complete
        return result

    def _with_details(self, items) -> FetchResult:
        known = known_details(self.source)
        postings, skipped, seen, complete = [], 0, set(), True
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
                try:
                    self._add_detail(posting)
                except DailyCapReached:
                    # Out of requests: keep what we have, list the rest next run, deactivate nothing.
                    logger.warning("hh.ru daily cap reached while fetching details for %s", self.source.pk)
                    complete = False
                    break
            postings.append(posting)
        return FetchResult(postings=postings, skipped=skipped, complete=complete)

    def _add_detail(self, posting: NormalizedPosting):
        detail = self.client.get_json(self.url(f"vacancies/{posting.external_id}"))
        if not isinstance(detail, dict):
            raise ScrapeError(f"hh.ru vacancy {posting.external_id} answer is not an object.")
        html = detail.get("description") if isinstance(detail.get("description"), str) else ""
        skills = [s.get("name") for s in detail.get("key_skills") or [] if isinstance(s, dict)]
        skills = [s.strip() for s in skills if isinstance(s, str) and s.strip()]
        text = html_to_text(html)
        if skills:
            # In the text too, so a vacancy reused from the database keeps its key skills.
            text = f"{text}\n\nKey skills: {', '.join(skills)}".strip()
        posting.description, posting.description_html = text, html
        posting.skills_hint = skills

    def parse(self, item) -> NormalizedPosting | None:
        if not isinstance(item, dict) or item.get("archived") is True:
            return None
        vacancy_id, title = text_or_empty(item.get("id"), 200), text_or_empty(item.get("name"), 300)
        if not vacancy_id or not vacancy_id.isdigit() or not title:
            return None
        low, high, currency = _salary(item.get("salary"))
        url = item.get("alternate_url")
        snippet = item.get("snippet") if isinstance(item.get("snippet"), dict) else {}
        summary = "\n".join(text_or_empty(snippet.get(k)) for k in ("responsibility", "requirement"))
        return NormalizedPosting(
            external_id=vacancy_id,
            title=title,
            url=url if is_http_url(url) else f"https://hh.ru/vacancy/{vacancy_id}",
            company_name=_name(item.get("employer"))[:200] or self.source.name,
            location=_name(item.get("area"))[:300],
            remote=_remote(item),
            employment_type=_name(item.get("employment"))[:100],
            salary_min=low,
            salary_max=high,
            currency=currency,
            description=html_to_text(summary),
            published_at=parse_when(item.get("published_at")),
        )
