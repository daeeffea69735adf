"""Machine load around each measurement: recorded beside it, and a try that shared the
machine with other work repeated.

Ratios to stock Material taken in one run cancel most of the machine's speed, but not work
that starts or stops half-way through a pair of builds. The 1-minute load average cannot
tell that work from the bench's own (one Lighthouse run keeps both CPUs of a small machine
busy), so every try also counts the CPU time the rest of the machine used while it ran: all
busy CPU time (``/proc/stat``) less that of the bench's own process tree. A try during which
other work used more than ``NOISY_OTHER_CPUS`` of a CPU on average is noisy and measured
again (after waiting a little for the machine to calm down) while time is left; the report
says which numbers are still noisy. Where ``/proc`` is missing, the load average decides.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")
# A quarter of a CPU: a browser tab or an editor's linter in the background stays below it,
# a second build or test run does not.
NOISY_OTHER_CPUS = 0.25
# Without /proc: on 2 CPUs 1.5, as the bench itself keeps about one CPU busy during a build.
NOISY_PER_CPU = 0.75
TRIES = 3
CALM_WAIT_SECONDS = 30.0
POLL_SECONDS = 5.0
PROC = Path("/proc")


def load_now() -> float:
    return round(os.getloadavg()[0], 2)


def busy_limit(cpus: int | None = None) -> float:
    return NOISY_PER_CPU * (cpus or os.cpu_count() or 1)


@dataclass(frozen=True)
class Sample:
    """CPU time so far, in clock ticks: the whole machine's, and the bench's own."""

    at: float  # monotonic seconds
    busy: int
    ours: int


def _machine_busy(proc: Path) -> int:
    # cpu user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
    ticks = [int(v) for v in (proc / "stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(ticks) - ticks[3] - ticks[4]


def _tree_ticks(proc: Path, root: int) -> int:
    """utime + stime of ``root`` and every live descendant, plus what their waited-for
    children used (cutime + cstime), which keeps CPU time of finished children counted."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended while the table was read
        fields = stat.rsplit(")", 1)[1].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        ticks[pid] = sum(int(v) for v in fields[11:15])
    children: dict[int, list[int]] = {}
    for pid, parent in parents.items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += ticks.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def sample_now(proc: Path = PROC) -> Sample | None:
    """Now, or None where the machine has no ``/proc`` to read."""
    try:
        return Sample(
            at=time.monotonic(), busy=_machine_busy(proc), ours=_tree_ticks(proc, os.getpid())
        )
    except (OSError, ValueError, IndexError):
        return None


def other_cpus(start: Sample | None, end: Sample | None, *, hz: int | None = None) -> float | None:
    """CPUs' worth of work outside the bench between two samples, on average."""
    if start is None or end is None or end.at <= start.at:
        return None
    hz = hz or os.sysconf("SC_CLK_TCK")
    others = (end.busy - start.busy) - (end.ours - start.ours)
    return round(max(0.0, others / hz / (end.at - start.at)), 3)


@dataclass(frozen=True)
class Steady(Generic[T]):
    value: T
    loads: list[tuple[float, float]]  # (before, after) per try, the kept try last
    others: list[float | None]  # other work during each try, in CPUs
    noisy: bool  # the kept try still shared the machine

    def as_json(self) -> dict[str, object]:
        return {
            "loads": self.loads,
            "others": self.others,
            "tries": len(self.loads),
            "noisy": self.noisy,
        }


def _is_noisy(others: float | None, loads: tuple[float, float], limit: float) -> bool:
    if others is not None:
        return others > NOISY_OTHER_CPUS
    return max(loads) > limit


def _wait_for_calm(
    limit: float,
    *,
    load: Callable[[], float],
    sample: Callable[[], Sample | None],
    sleep: Callable[[float], None],
) -> None:
    for _ in range(int(CALM_WAIT_SECONDS // POLL_SECONDS)):
        start = sample()
        sleep(POLL_SECONDS)
        if not _is_noisy(other_cpus(start, sample()), (load(), load()), limit):
            return


def steady(
    measure: Callable[[], T],
    *,
    tries: int = TRIES,
    deadline: float | None = None,
    limit: float | None = None,
    log: Callable[[str], None] = print,
    sleep: Callable[[float], None] = time.sleep,
    load: Callable[[], float] = load_now,
    sample: Callable[[], Sample | None] = sample_now,
) -> Steady[T]:
    """Run ``measure`` until one try shares the machine with no other work, at most
    ``tries`` times and never starting a try after ``deadline`` (monotonic time)."""
    limit = busy_limit() if limit is None else limit
    loads: list[tuple[float, float]] = []
    others: list[float | None] = []
    while True:
        before, start = load(), sample()
        value = measure()
        after, end = load(), sample()
        loads.append((before, after))
        others.append(other_cpus(start, end))
        noisy = _is_noisy(others[-1], loads[-1], limit)
        out_of_time = deadline is not None and time.monotonic() >= deadline
        if not noisy or len(loads) >= tries or out_of_time:
            return Steady(value=value, loads=loads, others=others, noisy=noisy)
        shared = f"other work {others[-1]:.2f} CPUs" if others[-1] is not None else "load"
        log(f"  busy machine ({shared}, load {before:.1f} → {after:.1f}): measuring again")
        _wait_for_calm(limit, load=load, sample=sample, sleep=sleep)
