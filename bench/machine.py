"""How steady this machine is right now, printed beside a bench's figures.

On a shared virtual machine the same work sometimes takes nearly twice as long for a while: another
guest has the core. A figure measured then says more about the neighbours than about the program,
and a median of a few runs does not hide it when most runs are slow. The probe times a fixed loop of
pure Python many times; on a steady machine nearly every run takes the best run's time."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

#: A run this much slower than the best one was slowed by something else.
SLOW = 1.2
#: More slowed runs than this share, and the machine is not steady enough for a ratio of two medians.
STEADY_SHARE = 0.15


@dataclass(frozen=True)
class Steadiness:
    best_ms: float
    median_ms: float
    #: The share of runs at least ``SLOW`` times the best one.
    slowed: float

    @property
    def steady(self) -> bool:
        return self.slowed <= STEADY_SHARE

    def __str__(self) -> str:
        verdict = "steady" if self.steady else "NOT steady: figures are noise, run again later"
        return (f"machine: a fixed loop took {self.best_ms:.2f} ms at best, {self.median_ms:.2f} ms in the median;"
                f" {self.slowed:.0%} of runs ≥ {SLOW}× the best ({verdict})")


def _loop() -> float:
    started = time.perf_counter()
    total = 0
    for number in range(50_000):
        total += number * number
    return (time.perf_counter() - started) * 1000


class Probe:
    """Samples of the fixed loop taken between a bench's runs, so that they cover its whole length."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def sample(self, runs: int = 20) -> None:
        """The loop ``runs`` times (about 2–3 ms each on a core of this machine)."""
        self.times.extend(_loop() for _ in range(runs))

    def result(self) -> Steadiness:
        best = min(self.times)
        slowed = sum(t >= SLOW * best for t in self.times) / len(self.times)
        return Steadiness(best, statistics.median(self.times), slowed)

