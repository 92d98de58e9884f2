"""`make bench`: every app's benchmarks in one run, written to docs/BENCHMARKS.md.

An app contributes ``<app>/bench.py`` with ``run() -> list[Result]``. Each
result names its baseline, measured in the same run on the same machine.
"""

import statistics
import time
from dataclasses import dataclass


@dataclass
class Result:
    name: str
    value: float
    unit: str
    baseline_name: str = ""
    baseline_value: float | None = None
    note: str = ""


def timed(fn, repeat=5):
    """Median wall time of ``fn()`` in seconds over ``repeat`` runs."""
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)
