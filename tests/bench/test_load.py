"""A measurement on a busy machine is repeated, and its loads are kept (no real timing)."""

from __future__ import annotations

from collections.abc import Iterator

from tools.bench.load import steady


def _loads(*values: float) -> Iterator[float]:
    yield from values


def test_a_quiet_run_is_measured_once() -> None:
    loads = _loads(0.3, 0.9)
    kept = steady(lambda: "x", limit=1.5, load=lambda: next(loads), log=lambda _: None)
    assert (kept.value, kept.loads, kept.noisy) == ("x", [(0.3, 0.9)], False)


def test_a_busy_run_is_repeated_until_quiet() -> None:
    # before/after of try 1, two polls while waiting to calm down, then try 2
    loads = _loads(3.0, 2.5, 2.0, 1.0, 0.8, 1.1)
    calls: list[int] = []
    slept: list[float] = []
    kept = steady(
        lambda: calls.append(1) or len(calls),
        limit=1.5,
        load=lambda: next(loads),
        sleep=slept.append,
        log=lambda _: None,
    )
    assert kept.value == 2
    assert kept.loads == [(3.0, 2.5), (0.8, 1.1)]
    assert not kept.noisy
    assert slept == [5]


def test_a_machine_that_stays_busy_is_flagged_after_the_last_try() -> None:
    kept = steady(
        lambda: None, tries=2, limit=1.5, load=lambda: 4.0, sleep=lambda _: None, log=print
    )
    assert kept.noisy
    assert len(kept.loads) == 2
