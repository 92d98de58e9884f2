"""Job board adapters: one module per board, all returning normalised postings.

``adapter_for(source)`` picks the adapter for a ``JobSource``; ``adapter.fetch()``
returns a ``FetchResult`` or raises ``ScrapeError`` when the board's answer
cannot be trusted (error status, redirect, wrong shape), so the caller never
mistakes a failure for an empty board.
"""

from .arbeitnow import ArbeitnowAdapter
from .ashby import AshbyAdapter
from .base import BoardClient, FetchResult, NormalizedPosting, ScrapeError
from .greenhouse import GreenhouseAdapter
from .hh import HHAdapter
from .lever import LeverAdapter
from .remotive import RemotiveAdapter
from .rss import RSSAdapter
from .smartrecruiters import SmartRecruitersAdapter
from .workable import WorkableAdapter

ADAPTERS = {
    "greenhouse": GreenhouseAdapter,
    "lever": LeverAdapter,
    "remotive": RemotiveAdapter,
    "rss": RSSAdapter,
    "hh": HHAdapter,
    "ashby": AshbyAdapter,
    "workable": WorkableAdapter,
    "smartrecruiters": SmartRecruitersAdapter,
    "arbeitnow": ArbeitnowAdapter,
}


def adapter_for(source, *, client=None):
    try:
        adapter_class = ADAPTERS[source.kind]
    except KeyError:
        raise ScrapeError(f"No adapter for source kind {source.kind!r}.") from None
    return adapter_class(source, client=client)


__all__ = [
    "ADAPTERS",
    "BoardClient",
    "FetchResult",
    "NormalizedPosting",
    "ScrapeError",
    "adapter_for",
]
