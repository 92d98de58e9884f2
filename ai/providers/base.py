"""What every provider takes and returns, and the one error type the service understands.

A provider module has ``complete(prompt, *, model_name, api_key, timeout, base_url, response_format)
-> Completion`` and ``stream(...)`` with the same arguments, yielding text pieces (then optionally
one ``Usage``); a stream raises its connection and HTTP errors from the first ``next()``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


@dataclass(frozen=True)
class Usage:
    """Token counts a stream reports at its end."""

    prompt_tokens: int = 0
    completion_tokens: int = 0


class ProviderError(Exception):
    """A failed call. ``retryable`` errors (timeouts, 429, 5xx, network) are retried by the service."""

    def __init__(
        self, message: str, *, retryable: bool, status: str = "error", retry_after: float | None = None
    ):
        super().__init__(message)
        self.retryable = retryable
        self.status = status  # an AIRequestStatus value: error, timeout, rate_limited
        self.retry_after = retry_after


def http_status_error(code: int, message: str, retry_after: float | None = None) -> ProviderError:
    """Classify an HTTP error status the way every provider does."""
    if code == 429:
        return ProviderError(
            f"HTTP 429: {message}", retryable=True, status="rate_limited", retry_after=retry_after
        )
    if code in (408, 500, 502, 503, 504) or code >= 500:
        return ProviderError(f"HTTP {code}: {message}", retryable=True)
    return ProviderError(f"HTTP {code}: {message}", retryable=False)


def parse_retry_after(value) -> float | None:
    try:
        return max(0.0, float(value))
    except (TypeError, ValueError):
        return None
