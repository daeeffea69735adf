"""A try that shared the machine with other work is repeated, and its loads are kept.

No real timing in the steady() tests: meters and loads are injected. The Watch tests read the
real /proc, with processes this test starts."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tools.bench.builds import Timed, widest_spread
from tools.bench.load import NOISY_SPREAD, Meter, Watch, other_cpus, spread, steady

HZ = 100
ROOT = Path(__file__).resolve().parents[2]
SPIN = "import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass"


class _Meter:
    """A meter that reports the next of the given amounts of other work."""

    def __init__(self, values: Iterator[float | None]) -> None:
        self.values = values

    def start(self) -> None:
        pass

    def stop(self) -> float | None:
        return next(self.values)


def _meters(*values: float | None) -> Callable[[], Meter]:
    shared = iter(values)
    return lambda: _Meter(shared)


@pytest.mark.parametrize(
    ("busy", "ours", "seconds", "expected"),
    [
        (2000, 2000, 10.0, 0.0),  # the bench alone, both CPUs
        (3000, 2000, 10.0, 1.0),  # another process used a CPU throughout
        (150, 50, 4.0, 0.25),
        (90, 100, 1.0, 0.0),  # read a moment apart: never below zero
    ],
)
def test_other_work_is_machine_time_less_the_benchs(
    busy: int, ours: int, seconds: float, expected: float
) -> None:
    assert other_cpus(busy_ticks=busy, our_ticks=ours, seconds=seconds, hz=HZ) == expected


def test_other_work_is_unknown_for_an_empty_interval() -> None:
    assert other_cpus(busy_ticks=5, our_ticks=0, seconds=0.0, hz=HZ) is None


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="needs /proc")
def test_a_busy_child_is_the_benchs_own_work() -> None:
    watch = Watch(interval=0.05)
    watch.start()
    subprocess.run([sys.executable, "-c", SPIN.format(seconds=0.3)], check=True)
    watch.stop()
    assert watch.our_seconds >= 0.25


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="needs /proc")
def test_a_child_that_leaves_the_tree_before_it_ends_stays_the_benchs() -> None:
    """As Lighthouse's Chrome does: the middle process exits at once, so its child is
    orphaned while it runs. The watching process adopts it (run in a process of its own, as
    the bench is, so this test's worker adopts nothing)."""
    orphan = "import os\nif os.fork():\n    os._exit(0)\n" + SPIN.format(seconds=0.4)
    bench = (
        "import subprocess, sys\n"
        "from tools.bench.load import Watch\n"
        "watch = Watch(interval=0.05)\n"
        "watch.start()\n"
        f"subprocess.run([sys.executable, '-c', {orphan!r}], capture_output=True, check=True)\n"
        "watch.stop()\n"
        "print(watch.our_seconds)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", bench], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert float(done.stdout) >= 0.3


def test_a_quiet_try_is_measured_once_even_under_its_own_load() -> None:
    loads = iter((2.9, 3.4))  # a load average the bench's own browser can cause
    kept = steady(
        lambda: "x",
        limit=1.5,
        load=lambda: next(loads),
        meter=_meters(0.05),
        log=lambda _: None,
    )
    assert (kept.value, kept.loads, kept.others, kept.noisy) == ("x", [(2.9, 3.4)], [0.05], False)


def test_a_shared_try_is_repeated_after_the_machine_calms_down() -> None:
    # try 1 shared, two polls while waiting (busy, then calm), then a quiet try 2
    calls: list[int] = []
    slept: list[float] = []
    kept = steady(
        lambda: calls.append(1) or len(calls),
        load=lambda: 1.0,
        meter=_meters(2.0, 1.0, 0.0, 0.1),
        sleep=slept.append,
        log=lambda _: None,
    )
    assert (kept.value, kept.others, kept.noisy) == (2, [2.0, 0.1], False)
    assert slept == [5, 5]


def test_a_machine_that_stays_shared_is_flagged_after_the_last_try() -> None:
    kept = steady(
        lambda: None,
        tries=2,
        load=lambda: 0.5,
        meter=_meters(*[1.5] * 20),
        sleep=lambda _: None,
        log=print,
    )
    assert kept.noisy
    assert len(kept.loads) == 2


@pytest.mark.parametrize(
    ("loads", "noisy"), [((0.3, 0.9), False), ((3.0, 2.5), True), ((1.5, 1.5), False)]
)
def test_without_proc_the_load_average_decides(loads: tuple[float, float], noisy: bool) -> None:
    values = iter(loads)
    kept = steady(
        lambda: None,
        tries=1,
        limit=1.5,
        load=lambda: next(values),
        meter=_meters(None),
        log=lambda _: None,
    )
    assert (kept.noisy, kept.others) == (noisy, [None])


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="needs /proc")
def test_the_watch_counts_its_own_process() -> None:
    watch = Watch(root=os.getpid(), interval=0.05)
    watch.start()
    exec(compile(SPIN.format(seconds=0.2), "<spin>", "exec"), {})
    watch.stop()
    assert watch.our_seconds >= 0.15


@pytest.mark.parametrize(
    ("samples", "expected"),
    [
        ([2.0, 2.0, 2.0, 2.0, 2.0], 0.0),
        ([1.0, 2.0, 3.0, 4.0, 5.0], 0.667),  # quartiles 2 and 4 around a median of 3
        ([1.9, 1.92, 1.95, 1.91, 1.93], 0.01),  # a quiet machine: about 1 %
        (
            [2.12, 2.42, 2.06, 2.01, 2.42, 2.8, 2.28, 2.04, 2.02],
            0.179,
        ),  # a host under load: (2.42 - 2.04) / 2.12
        ([1.0, 1.0, 9.0], None),  # too few to have quartiles
        ([], None),
        ([0.0, 0.0, 0.0, 0.0], None),
    ],
)
def test_spread_is_the_interquartile_range_over_the_median(
    samples: list[float], expected: float | None
) -> None:
    assert spread(samples) == expected


def _timed(*seconds: float, ok: bool = True) -> list[Timed]:
    return [Timed(seconds=s, cpu_seconds=s, ok=ok, log="") for s in seconds]


def test_the_builds_spread_is_the_wider_of_the_two_and_skips_failed_builds() -> None:
    steady_site = _timed(2.0, 2.01, 2.02, 2.0, 2.01)
    jumpy_stock = _timed(1.7, 2.3, 1.7, 2.4, 1.8)
    assert widest_spread({"site": steady_site, "baseline": jumpy_stock}) == spread(
        [1.7, 2.3, 1.7, 2.4, 1.8]
    )
    assert widest_spread({"site": _timed(1.0, 1.0, 1.0, 1.0, ok=False)}) is None


def test_a_try_whose_own_runs_spread_widely_is_repeated_with_no_other_work() -> None:
    # Nothing else runs and the load is low: only the measurements show the host slowed.
    runs = iter(([1.0, 1.6, 1.1, 1.7, 1.0], [1.0, 1.01, 1.02, 1.0, 1.01]))
    messages: list[str] = []
    kept = steady(
        lambda: next(runs),
        load=lambda: 0.2,
        meter=_meters(0.0, 0.0, 0.0),
        sleep=lambda _: None,
        log=messages.append,
        spread_of=spread,
    )
    assert kept.value == [1.0, 1.01, 1.02, 1.0, 1.01]
    assert not kept.noisy
    first, second = kept.spreads
    assert first is not None and first > NOISY_SPREAD
    assert second is not None and second <= NOISY_SPREAD
    assert any("runs spread" in message for message in messages)


def test_a_host_that_stays_uneven_is_flagged_after_the_last_try() -> None:
    kept = steady(
        lambda: [1.0, 1.5, 1.0, 1.5],
        tries=2,
        load=lambda: 0.2,
        meter=_meters(*[0.0] * 10),
        sleep=lambda _: None,
        log=lambda _: None,
        spread_of=spread,
    )
    assert kept.noisy and len(kept.spreads) == 2
    assert kept.as_json()["spreads"] == kept.spreads
