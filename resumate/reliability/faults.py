"""Faults under load: a private Redis stopped, then started again, while clients keep calling.

What a user would notice is counted: errors before, during and after the outage, what the
readiness probe said, and how long after Redis came back the probe said ok again.
"""

import asyncio
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

import httpx

from resumate.tests.stack import free_port

from .load import run_load


@dataclass
class Outage:
    started: float = 0.0
    ended: float = 0.0
    recovered_after: float | None = None
    probe: list = field(default_factory=list)  # ("during" or "after", status code)


class PrivateRedis:
    """A Redis of our own on a free port, so stopping it touches nothing else on the machine."""

    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="resumate-redis-")
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip
        for _ in range(50):
            if (
                subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).returncode
                == 0
            ):
                return
            time.sleep(0.1)
        raise RuntimeError("the private Redis did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


def redis_outage(
    base_url: str, redis: PrivateRedis, *, clients: int, before: float, down: float, after: float
):
    outage = Outage()

    async def fault(until):
        async with httpx.AsyncClient(base_url=base_url, timeout=10, trust_env=False) as http:

            async def probe(phase):
                response = await http.get("/health/ready/")
                outage.probe.append((phase, response.status_code))
                return response.status_code

            await asyncio.sleep(before)
            outage.started = time.monotonic()
            await asyncio.to_thread(redis.stop)
            while time.monotonic() - outage.started < down:
                await probe("during")
                await asyncio.sleep(0.5)
            await asyncio.to_thread(redis.start)
            outage.ended = time.monotonic()
            while time.monotonic() < until:
                if await probe("after") == 200 and outage.recovered_after is None:
                    outage.recovered_after = round(time.monotonic() - outage.ended, 2)
                await asyncio.sleep(0.5)

    tally = asyncio.run(
        run_load(base_url, clients=clients, seconds=before + down + after, accounts=clients, during=fault)
    )
    return tally, outage


def phases(tally, outage) -> dict:
    counts = {"before": 0, "during": 0, "after": 0}
    for moment in tally.error_times:
        if moment < outage.started:
            counts["before"] += 1
        elif moment <= outage.ended:
            counts["during"] += 1
        else:
            counts["after"] += 1
    return counts
