"""Machine load around each measurement: recorded beside it, and a try that shared the
machine with other work repeated.

Ratios to stock Material taken in one run cancel most of the machine's speed, but not work
that starts or stops half-way through a pair of builds. The 1-minute load average cannot
tell that work from the bench's own (one Lighthouse run keeps both CPUs of a small machine
busy), so every try also counts the CPU time the rest of the machine used while it ran: all
busy CPU time (``/proc/stat``) less that of the bench's own processes. Those are followed by a
``Watch`` that reads the process table a few times a second and makes the bench the
"subreaper" of everything it starts: Lighthouse's Chrome is detached, and without that it
would be re-parented to init when Lighthouse exits, and its last seconds would count as
someone else's. A try during which other work used more than ``NOISY_OTHER_CPUS`` of a CPU on
average is noisy and measured again (after waiting a little for the machine to calm down)
while time is left; the report says which numbers are still noisy. Where ``/proc`` is
missing, the load average decides.

A virtual machine's host can slow it down without any of that showing inside it: no other
work, no load, only every build taking longer, and unevenly. A stage whose own repeated
measurements spread widely (``spread``) is noisy for that reason too.
"""

from __future__ import annotations

import ctypes
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Protocol, TypeVar

T = TypeVar("T")
# A quarter of a CPU: a browser tab or an editor's linter in the background stays below it,
# a second build or test run does not.
NOISY_OTHER_CPUS = 0.25
# Without /proc: on 2 CPUs 1.5, as the bench itself keeps about one CPU busy during a build.
NOISY_PER_CPU = 0.75
TRIES = 3
# Repeated builds on a quiet machine differ by a few per cent; an interquartile range above
# this share of the median means the machine's speed changed while they ran.
NOISY_SPREAD = 0.08
CALM_WAIT_SECONDS = 30.0
POLL_SECONDS = 5.0
WATCH_SECONDS = 0.2
PROC = Path("/proc")


def load_now() -> float:
    return round(os.getloadavg()[0], 2)


def busy_limit(cpus: int | None = None) -> float:
    return NOISY_PER_CPU * (cpus or os.cpu_count() or 1)


def machine_busy(proc: Path = PROC) -> int:
    """Clock ticks every CPU has spent on anything but idling, since boot."""
    # cpu user nice system idle iowait irq softirq steal ...
    ticks = [int(v) for v in (proc / "stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(ticks) - ticks[3] - ticks[4]


Process = tuple[int, int]  # (pid, start time in ticks): a pid is reused, the pair is not


def process_table(proc: Path = PROC) -> dict[Process, tuple[int, int]]:
    """Every live process -> (parent pid, its own user + system ticks)."""
    table: dict[Process, tuple[int, int]] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended while the table was read
        fields = stat.rsplit(")", 1)[1].split()
        table[(int(entry.name), int(fields[19]))] = (
            int(fields[1]),
            int(fields[11]) + int(fields[12]),
        )
    return table


def descendants(table: dict[Process, tuple[int, int]], root: int) -> set[Process]:
    """``root`` and every live process below it."""
    children: dict[int, list[Process]] = {}
    for process, (parent, _) in table.items():
        children.setdefault(parent, []).append(process)
    found = {process for process in table if process[0] == root}
    stack = [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            found.add(child)
            stack.append(child[0])
    return found


_PR_SET_CHILD_SUBREAPER = 36


def adopt_orphans() -> bool:
    """Make this process the parent of its descendants' orphans (Linux), so they stay in
    its tree until they end; they are left as zombies, which keep their CPU times readable.
    False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


class Watch:
    """The CPU time of one process and everything it starts, between ``start`` and
    ``stop``, however its children are re-parented; and the machine's busy time beside it.

    A process that starts and ends between two reads is not seen, and its time counts as
    other work: at ``WATCH_SECONDS`` that is a few hundredths of a CPU at most.
    """

    def __init__(
        self,
        *,
        root: int | None = None,
        proc: Path = PROC,
        interval: float = WATCH_SECONDS,
        hz: int | None = None,
    ) -> None:
        self.root = os.getpid() if root is None else root
        self.proc = proc
        self.interval = interval
        self.hz = hz or os.sysconf("SC_CLK_TCK")
        self._first: dict[Process, int] = {}  # ticks when first seen (0 if born since start)
        self._last: dict[Process, int] = {}
        # Only the thread reads between start() and stop(), which joins it first.
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started = 0.0
        self._busy = 0
        self.our_seconds = 0.0  # the watched processes' CPU time, once stopped

    def _read(self, *, starting: bool = False) -> None:
        table = process_table(self.proc)
        for process in descendants(table, self.root) | self._last.keys():
            if process not in table:
                continue  # ended: keep its last reading
            ticks = table[process][1]
            self._first.setdefault(process, ticks if starting else 0)
            self._last[process] = ticks

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self._read()
            except OSError:
                return

    def start(self) -> None:
        if self.root == os.getpid():
            adopt_orphans()
        self._started, self._busy = time.monotonic(), machine_busy(self.proc)
        self._read(starting=True)
        self._thread.start()

    def stop(self) -> float | None:
        """Other work during the watch, in CPUs on average."""
        self._stop.set()
        self._thread.join()
        self._read()
        busy = machine_busy(self.proc) - self._busy
        seconds = time.monotonic() - self._started
        ours = sum(last - self._first[process] for process, last in self._last.items())
        self.our_seconds = ours / self.hz
        return other_cpus(busy_ticks=busy, our_ticks=ours, seconds=seconds, hz=self.hz)


def other_cpus(*, busy_ticks: int, our_ticks: int, seconds: float, hz: int) -> float | None:
    """CPUs' worth of work outside the bench, on average (never below 0: the two counts are
    read a moment apart)."""
    if seconds <= 0:
        return None
    return round(max(0.0, (busy_ticks - our_ticks) / hz / seconds), 3)


class Meter(Protocol):
    def start(self) -> None: ...

    def stop(self) -> float | None: ...


class _NoProc:
    """Where there is no /proc: other work is unknown, and the load average decides."""

    def start(self) -> None:
        pass

    def stop(self) -> float | None:
        return None


def default_meter() -> Meter:
    return Watch() if (PROC / "stat").is_file() else _NoProc()


@dataclass(frozen=True)
class Steady(Generic[T]):
    value: T
    loads: list[tuple[float, float]]  # (before, after) per try, the kept try last
    others: list[float | None]  # other work during each try, in CPUs
    noisy: bool  # the kept try still shared the machine
    spreads: list[float | None] = field(default_factory=list)  # per try, where measured

    def as_json(self) -> dict[str, object]:
        return {
            "loads": self.loads,
            "others": self.others,
            "spreads": self.spreads,
            "tries": len(self.loads),
            "noisy": self.noisy,
        }


def spread(samples: Sequence[float]) -> float | None:
    """The interquartile range of repeated measurements as a share of their median (None
    for fewer than four, or a median of 0)."""
    if len(samples) < 4:
        return None
    q1, median, q3 = statistics.quantiles(samples, n=4, method="inclusive")
    return round((q3 - q1) / median, 3) if median else None


def _is_noisy(
    others: float | None, loads: tuple[float, float], limit: float, spread: float | None = None
) -> bool:
    if spread is not None and spread > NOISY_SPREAD:
        return True
    if others is not None:
        return others > NOISY_OTHER_CPUS
    return max(loads) > limit


def _measured(measure: Callable[[], T], watch: Meter) -> tuple[T, float | None]:
    watch.start()
    try:
        value = measure()
    finally:
        others = watch.stop()
    return value, others


def _wait_for_calm(
    limit: float,
    *,
    load: Callable[[], float],
    meter: Callable[[], Meter],
    sleep: Callable[[float], None],
) -> None:
    for _ in range(int(CALM_WAIT_SECONDS // POLL_SECONDS)):
        _, others = _measured(lambda: sleep(POLL_SECONDS), meter())
        if not _is_noisy(others, (load(), load()), limit):
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
    meter: Callable[[], Meter] = default_meter,
    spread_of: Callable[[T], float | None] = lambda _: None,
) -> Steady[T]:
    """Run ``measure`` until one try shares the machine with no other work, at most
    ``tries`` times and never starting a try after ``deadline`` (monotonic time).

    ``spread_of`` gives a try's own spread (see ``spread``), where the try repeats a
    measurement."""
    limit = busy_limit() if limit is None else limit
    loads: list[tuple[float, float]] = []
    others: list[float | None] = []
    spreads: list[float | None] = []
    while True:
        before = load()
        value, shared = _measured(measure, meter())
        after = load()
        loads.append((before, after))
        others.append(shared)
        spreads.append(spread_of(value))
        noisy = _is_noisy(shared, loads[-1], limit, spreads[-1])
        out_of_time = deadline is not None and time.monotonic() >= deadline
        if not noisy or len(loads) >= tries or out_of_time:
            return Steady(value=value, loads=loads, others=others, noisy=noisy, spreads=spreads)
        what = f"other work {shared:.2f} CPUs" if shared is not None else "load"
        if spreads[-1] is not None and spreads[-1] > NOISY_SPREAD:
            what += f", runs spread {spreads[-1]:.1%}"
        log(f"  busy machine ({what}, load {before:.1f} → {after:.1f}): measuring again")
        _wait_for_calm(limit, load=load, meter=meter, sleep=sleep)
