"""Machine load around each measurement: recorded beside it, and a busy run repeated.

Ratios to stock Material taken in one run cancel most of the machine's speed, but not work
that starts or stops half-way through a pair of builds. So every stage records the 1-minute
load average before and after; a stage whose load passed ``NOISY_PER_CPU`` per CPU is flagged
noisy and measured again (after waiting a little for the machine to calm down) while time is
left, and the report says which numbers are still noisy.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")
# On 2 CPUs: 1.5. The bench itself keeps about one CPU busy during a build, so anything above
# that means other work shared the machine.
NOISY_PER_CPU = 0.75
TRIES = 3
CALM_WAIT_SECONDS = 30.0
POLL_SECONDS = 5.0


def load_now() -> float:
    return round(os.getloadavg()[0], 2)


def busy_limit(cpus: int | None = None) -> float:
    return NOISY_PER_CPU * (cpus or os.cpu_count() or 1)


@dataclass(frozen=True)
class Steady(Generic[T]):
    value: T
    loads: list[tuple[float, float]]  # (before, after) per try, the kept try last
    noisy: bool  # the kept try still ran on a busy machine

    def as_json(self) -> dict[str, object]:
        return {"loads": self.loads, "tries": len(self.loads), "noisy": self.noisy}


def _wait_for_calm(
    limit: float, *, load: Callable[[], float], sleep: Callable[[float], None]
) -> None:
    for _ in range(int(CALM_WAIT_SECONDS // POLL_SECONDS)):
        if load() <= limit:
            return
        sleep(POLL_SECONDS)


def steady(
    measure: Callable[[], T],
    *,
    tries: int = TRIES,
    deadline: float | None = None,
    limit: float | None = None,
    log: Callable[[str], None] = print,
    sleep: Callable[[float], None] = time.sleep,
    load: Callable[[], float] = load_now,
) -> Steady[T]:
    """Run ``measure`` until one try sees no more than ``limit`` load before and after it,
    at most ``tries`` times and never starting a try after ``deadline`` (monotonic time)."""
    limit = busy_limit() if limit is None else limit
    loads: list[tuple[float, float]] = []
    while True:
        before = load()
        value = measure()
        after = load()
        loads.append((before, after))
        noisy = max(before, after) > limit
        out_of_time = deadline is not None and time.monotonic() >= deadline
        if not noisy or len(loads) >= tries or out_of_time:
            return Steady(value=value, loads=loads, noisy=noisy)
        log(f"  busy machine (load {before:.1f} → {after:.1f} > {limit:.1f}): measuring again")
        _wait_for_calm(limit, load=load, sleep=sleep)
