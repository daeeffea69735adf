"""Attributing Chrome's Event Timing entries to guide steps (tools.bench.steps)."""

from __future__ import annotations

import pytest

from tools.bench.steps import _slow_steps


@pytest.mark.parametrize(
    ("clicks", "slow", "expected"),
    [
        ([], [], []),
        ([100.0, 500.0], [], []),
        # pointerdown a few ms before the click, the click itself: the longest counts once
        ([100.0, 500.0], [(97.0, 24.0), (100.0, 32.0)], [32.0]),
        ([100.0, 500.0], [(99.0, 24.0), (501.0, 40.0)], [24.0, 40.0]),
        # the click that starts the guide again after an outcome belongs to no step
        ([100.0, 500.0], [(300.0, 120.0)], []),
        ([100.0], [(150.0, 16.0), (151.0, 64.0)], [16.0]),
    ],
)
def test_slow_steps(
    clicks: list[float], slow: list[tuple[float, float]], expected: list[float]
) -> None:
    assert _slow_steps(clicks, slow) == expected
