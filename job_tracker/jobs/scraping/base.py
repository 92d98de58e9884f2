"""What every board adapter shares: the HTTP client and the normalised shape."""

import abc
import email.utils
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings

from job_tracker.models import JobPosting

logger = logging.getLogger(__name__)

RETRY_STATUSES = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER_SECONDS = 120
USER_AGENT = "ResuMate job scraper (+https://github.com/resumate)"


class ScrapeError(Exception):
    """The board's answer was not a complete, well-shaped listing."""


@dataclass
class NormalizedPosting:
    external_id: str
    title: str
    url: str = ""
    company_name: str = ""
    location: str = ""
    remote: str = "unknown"
    employment_type: str = ""
    salary_min: int | None = None
    salary_max: int | None = None
    currency: str = ""
    description: str = ""
    description_html: str = ""
    published_at: datetime | None = None
    skills_hint: list[str] = field(default_factory=list)  # board tags, canonicalised at ingestion


@dataclass
class FetchResult:
    postings: list[NormalizedPosting]
    skipped: int = 0  # malformed items left out
    requests: int = 0
    # False when the listing was cut short (a result window, a request cap): nothing is deactivated.
    complete: bool = True


def _setting(name, default):
    return getattr(settings, name, default)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class BoardClient:
    """httpx with timeouts, retries (exponential backoff, Retry-After) and a polite pace.

    ``sleep`` is injectable so tests can see the waits without spending them.
    """

    def __init__(
        self, *, timeout=None, max_retries=None, backoff=None, delay=None, sleep=time.sleep, headers=None
    ):
        self.timeout = timeout if timeout is not None else _setting("JOB_SCRAPE_TIMEOUT", 15.0)
        self.max_retries = max_retries if max_retries is not None else _setting("JOB_SCRAPE_MAX_RETRIES", 3)
        self.backoff = backoff if backoff is not None else _setting("JOB_SCRAPE_BACKOFF_SECONDS", 2.0)
        self.delay = delay if delay is not None else _setting("JOB_SCRAPE_REQUEST_DELAY", 1.0)
        self.sleep = sleep
        self.requests = 0
        self._last_request_at = None
        self._http = httpx.Client(
            timeout=httpx.Timeout(self.timeout, connect=min(self.timeout, 5.0)),
            follow_redirects=False,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/json, application/xml;q=0.9, */*;q=0.5",
                **(headers or {}),
            },
        )

    def close(self):
        self._http.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _pace(self):
        if self._last_request_at is not None and self.delay > 0:
            wait = self.delay - (time.monotonic() - self._last_request_at)
            if wait > 0:
                self.sleep(wait)

    def before_request(self):
        """Hook run before every request (hh.ru's daily cap counts here)."""

    def get(self, url, *, params=None, method="GET", json=None) -> httpx.Response:
        """A successful (2xx) response, or ScrapeError after the retries are spent."""
        attempt = 0
        while True:
            self._pace()
            self.before_request()
            self._last_request_at = time.monotonic()
            self.requests += 1
            try:
                response = self._http.request(method, url, params=params, json=json)
            except httpx.TransportError as exc:  # timeouts, refused connections, resets
                error, wait = f"{type(exc).__name__} fetching {url}: {exc}", None
            else:
                if response.is_success:
                    return response
                if response.is_redirect:
                    # A board moving its API somewhere (often a marketing page) is not a listing.
                    location = response.headers.get("Location", "")
                    raise ScrapeError(f"HTTP {response.status_code} redirect from {url} to {location}")
                if response.status_code not in RETRY_STATUSES:
                    raise ScrapeError(f"HTTP {response.status_code} from {url}")
                error = f"HTTP {response.status_code} from {url}"
                wait = parse_retry_after(response.headers.get("Retry-After"))
            if attempt >= self.max_retries:
                raise ScrapeError(f"{error} (gave up after {attempt + 1} attempts)")
            if wait is None:
                wait = self.backoff * (2**attempt)
            wait = min(wait, MAX_RETRY_AFTER_SECONDS)
            logger.info("scrape retry %s in %.1fs: %s", attempt + 1, wait, error)
            self.sleep(wait)
            attempt += 1

    def get_json(self, url, *, params=None, method="GET", json=None):
        response = self.get(url, params=params, method=method, json=json)
        content_type = response.headers.get("Content-Type", "")
        if "html" in content_type:
            raise ScrapeError(f"Expected JSON from {url}, got {content_type}")
        try:
            return response.json()
        except ValueError as exc:
            raise ScrapeError(f"Malformed JSON from {url}: {exc}") from exc


class BoardAdapter(abc.ABC):
    """Base for one board. Subclasses set ``default_base_url`` and implement ``fetch``."""

    default_base_url = ""
    client_class = BoardClient

    def __init__(self, source, *, client=None):
        self.source = source
        self.client = client or self.client_class()

    @property
    def base_url(self):
        return (self.source.base_url or self.default_base_url).rstrip("/") + "/"

    def url(self, path):
        return urljoin(self.base_url, path.lstrip("/"))

    @abc.abstractmethod
    def fetch(self) -> FetchResult:
        """Every posting the board lists now; raises ScrapeError when the answer is untrustworthy."""

    def probe(self) -> int:
        """Fetch one page, as the admin does before saving a source: how many postings it lists.

        Raises ScrapeError when the identifier is wrong (error status, wrong shape).
        Adapters that page or fetch details override this to stop after the first page.
        """
        return len(self.fetch().postings)

    def probe_all(self) -> int:
        try:
            return self.probe()
        finally:
            self.client.close()

    def parse_items(self, items) -> FetchResult:
        """Parse every item with the adapter's ``parse`` (None = malformed: counted, never fatal)."""
        postings = [posting for posting in map(self.parse, items) if posting is not None]
        return FetchResult(postings=postings, skipped=len(items) - len(postings))

    def fetch_all(self) -> FetchResult:
        """``fetch`` with the request count filled in and the client closed."""
        try:
            result = self.fetch()
            result.requests = self.client.requests
            return result
        finally:
            self.client.close()


def is_http_url(value) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https")


def text_or_empty(value, limit=None) -> str:
    text = value.strip() if isinstance(value, str) else ""
    return text[:limit] if limit else text


def known_details(source) -> dict[str, tuple]:
    """{external id: (published_at, description, description_html)} already stored for ``source``.

    Boards that give the description only on a detail call (hh.ru, SmartRecruiters)
    reuse these for postings that have not changed, which keeps them within their request quotas.
    """
    if source.pk is None:
        return {}
    rows = JobPosting.objects.filter(source=source).exclude(description="")
    return {
        external_id: (published_at, description, html)
        for external_id, published_at, description, html in rows.values_list(
            "external_id", "published_at", "description", "description_html"
        )
    }
