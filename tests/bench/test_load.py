"""A try that shared the machine with other work is repeated, and its loads are kept (no real
timing: samples and loads are injected, except where /proc itself is read)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tools.bench.load import Sample, _tree_ticks, other_cpus, sample_now, steady

HZ = 100


def _samples(*points: tuple[float, int, int]) -> Iterator[Sample | None]:
    for at, busy, ours in points:
        yield Sample(at=at, busy=busy, ours=ours)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        # (at, machine busy ticks, bench ticks): the bench alone, at full speed on 2 CPUs
        ((0.0, 0, 0), (10.0, 2000, 2000), 0.0),
        # another process used one CPU for the whole try
        ((0.0, 0, 0), (10.0, 3000, 2000), 1.0),
        # a quarter of a CPU of other work
        ((5.0, 100, 50), (9.0, 250, 100), 0.25),
        # sampling skew can make the bench look busier than the machine: never below zero
        ((0.0, 0, 0), (1.0, 90, 100), 0.0),
    ],
)
def test_other_work_is_machine_time_less_the_benchs(
    start: tuple[float, int, int], end: tuple[float, int, int], expected: float
) -> None:
    assert other_cpus(Sample(*start), Sample(*end), hz=HZ) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("start", "end"),
    [(None, Sample(1.0, 1, 1)), (Sample(1.0, 1, 1), None), (Sample(2.0, 1, 1), Sample(2.0, 5, 1))],
)
def test_other_work_is_unknown_without_two_samples_apart(
    start: Sample | None, end: Sample | None
) -> None:
    assert other_cpus(start, end, hz=HZ) is None


def test_the_benchs_own_tree_includes_a_busy_child() -> None:
    """A child that spins counts as the bench's own work, not as other work."""
    before = _tree_ticks(Path("/proc"), os.getpid())
    spin = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    subprocess.run([sys.executable, "-c", spin], check=True)
    after = _tree_ticks(Path("/proc"), os.getpid())
    assert (after - before) / os.sysconf("SC_CLK_TCK") >= 0.25
    assert sample_now() is not None


def test_a_quiet_try_is_measured_once_even_under_its_own_load() -> None:
    loads = iter((2.9, 3.4))  # a load average the bench's own browser can cause
    samples = _samples((0, 0, 0), (10, 2000, 1990))
    kept = steady(
        lambda: "x",
        limit=1.5,
        load=lambda: next(loads),
        sample=lambda: next(samples),
        log=lambda _: None,
    )
    assert (kept.value, kept.loads, kept.noisy) == ("x", [(2.9, 3.4)], False)
    assert kept.others == [pytest.approx(0.01 * 100 / os.sysconf("SC_CLK_TCK"))]


def test_a_shared_try_is_repeated_after_the_machine_calms_down() -> None:
    samples = _samples(
        (0, 0, 0),
        (10, 3000, 1000),  # try 1: two CPUs of other work
        (10, 3000, 1000),
        (15, 4000, 1000),  # first poll: still busy
        (15, 4000, 1000),
        (20, 4000, 1000),  # second poll: calm
        (20, 4000, 1000),
        (30, 5000, 4000),  # try 2: the bench alone
    )
    calls: list[int] = []
    slept: list[float] = []
    kept = steady(
        lambda: calls.append(1) or len(calls),
        load=lambda: 1.0,
        sample=lambda: next(samples),
        sleep=slept.append,
        log=lambda _: None,
    )
    assert kept.value == 2
    assert len(kept.loads) == 2
    assert not kept.noisy
    assert slept == [5, 5]


def test_a_machine_that_stays_shared_is_flagged_after_the_last_try() -> None:
    clock = iter(range(1000))

    def busy() -> Sample:
        tick = next(clock)
        return Sample(at=float(tick), busy=tick * 1000, ours=0)

    kept = steady(
        lambda: None, tries=2, load=lambda: 0.5, sample=busy, sleep=lambda _: None, log=print
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
        sample=lambda: None,
        log=lambda _: None,
    )
    assert (kept.noisy, kept.others) == (noisy, [None])
