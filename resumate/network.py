"""Who is asking: the client address behind our proxies, and the network a quota keys on.

Behind ``PROXY_COUNT`` trusted proxies (nginx = 1) the client is the address the
outermost of them saw: the entry ``PROXY_COUNT`` places from the right of
X-Forwarded-For, exactly as DRF's ``NUM_PROXIES`` reads it, so the lock-out, the
AI quotas and DRF's throttles agree on who a client is. Entries further left
were written by the client and are never believed. Without proxies, REMOTE_ADDR.
"""

import ipaddress

from django.conf import settings

# One person usually holds a whole IPv6 /64; keying on the full address lets them rotate freely.
IPV6_PREFIX = 64


def client_ip(request) -> str | None:
    """The client's address as a string, or None when no valid one can be told."""
    proxies = settings.PROXY_COUNT
    meta = request.META
    if proxies and meta.get("HTTP_X_FORWARDED_FOR"):
        entries = [entry.strip() for entry in meta["HTTP_X_FORWARDED_FOR"].split(",")]
        return _valid(entries[-min(proxies, len(entries))])
    return _valid(meta.get("REMOTE_ADDR", ""))


def _valid(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_network(ip: str | None) -> str:
    """What a per-client limit counts: an IPv4 address, or the IPv6 /64 holding it."""
    if not ip:
        return "unknown"
    address = ipaddress.ip_address(ip)
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
