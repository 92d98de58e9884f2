"""Faults under load: a service (Redis, PostgreSQL) stopped, then started again, while clients call.

What a user would notice is counted: errors before, during and after the outage (and which
status codes they were), what the readiness probe said, and how long after the service came
back the probe said ok again.
"""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from .load import run_load


@dataclass
class Outage:
    started: float = 0.0
    ended: float = 0.0
    recovered_after: float | None = None
    probe: list = field(default_factory=list)  # ("during" or "after", status code)


def service_outage(base_url: str, *, stop, start, clients: int, before: float, down: float, after: float):
    """Run the load; ``before`` s in, call ``stop``, ``down`` s later ``start``; probe readiness."""
    outage = Outage()

    async def fault(until):
        async with httpx.AsyncClient(base_url=base_url, timeout=10, trust_env=False) as http:

            async def probe(phase):
                try:
                    status = (await http.get("/health/ready/")).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                outage.probe.append((phase, status))
                return status

            await asyncio.sleep(before)
            outage.started = time.monotonic()
            await asyncio.to_thread(stop)
            while time.monotonic() - outage.started < down:
                await probe("during")
                await asyncio.sleep(0.5)
            await asyncio.to_thread(start)
            outage.ended = time.monotonic()
            while time.monotonic() < until:
                if await probe("after") == 200 and outage.recovered_after is None:
                    outage.recovered_after = round(time.monotonic() - outage.ended, 2)
                await asyncio.sleep(0.25)

    tally = asyncio.run(
        run_load(base_url, clients=clients, seconds=before + down + after, accounts=clients, during=fault)
    )
    return tally, outage


def phase_of(sent: float, answered: float, outage: Outage) -> str:
    """A request in flight at any moment of the outage counts as during it."""
    if answered < outage.started:
        return "before"
    return "after" if sent > outage.ended else "during"


def phases(tally, outage) -> dict:
    counts = {"before": 0, "during": 0, "after": 0}
    for sent, answered in tally.error_times:
        counts[phase_of(sent, answered, outage)] += 1
    return counts


def error_codes_by_phase(tally, outage) -> dict:
    """{"during": Counter({503: 40}), ...}: what clients were answered when they got no success."""
    codes = {"before": Counter(), "during": Counter(), "after": Counter()}
    for (sent, answered), code in zip(tally.error_times, tally.error_codes, strict=True):
        codes[phase_of(sent, answered, outage)][code] += 1
    return codes


def outage_lines(title, note, tally, outage, stored, summary) -> list[str]:
    errors, codes = phases(tally, outage), error_codes_by_phase(tally, outage)
    during = sorted({str(code) for phase, code in outage.probe if phase == "during"})
    after = sorted({str(code) for phase, code in outage.probe if phase == "after"})
    lost = sum(sent - kept for sent, kept in stored.values())
    recovered = (
        f"{outage.recovered_after} s" if outage.recovered_after is not None else "never (within the run)"
    )

    def named(counter):
        return ", ".join(f"{count} x {code}" for code, count in sorted(counter.items(), key=str)) or "none"

    return [
        f"## Fault: {title}",
        "",
        f"- Errors seen by clients: {errors['before']} before, {errors['during']} during and "
        f"{errors['after']} after the outage ({note}).",
        f"- What the failed requests were answered: before {named(codes['before'])}; during "
        f"{named(codes['during'])}; after {named(codes['after'])}.",
        f"- Readiness probe (`/health/ready/`): {during} while it was down, {after} after; ok again "
        f"{recovered} after it was back.",
        f"- Writes answered 2xx and not found afterwards: {lost}.",
        "",
        *summary(tally),
        "",
    ]
