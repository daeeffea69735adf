"""Report formatting: the table aligns, missing numbers show a dash, ratios read as Nx."""

from __future__ import annotations

import pytest

from tools.bench.budgets import Verdict
from tools.bench.report import NOINDEX_NOTE, kib, load_rows, ratio, render, rows, seconds, table


@pytest.mark.parametrize(
    ("site", "base", "expected"),
    [(5.0, 4.0, "1.25x"), (1.0, 2.0, "0.50x"), (None, 2.0, ""), (1.0, None, ""), (1.0, 0, "")],
)
def test_ratio(site: float | None, base: float | None, expected: str) -> None:
    assert ratio(site, base) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [(None, "—"), (1536, "1.5 KiB"), (92_160, "90.0 KiB")]
)
def test_kib(value: float | None, expected: str) -> None:
    assert kib(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(None, "—"), (1.234, "1.23 s")])
def test_seconds(value: float | None, expected: str) -> None:
    assert seconds(value) == expected


def test_table_columns_line_up() -> None:
    lines = table(("A", "Longer header"), [("x", "1"), ("a long cell", "2")]).splitlines()
    assert len({len(line) for line in lines}) == 1
    assert lines[1].startswith("|-")


def test_empty_results_render_dashes_not_errors() -> None:
    text = render({}, [Verdict("Guide step median", "≤ 16 ms", "not measured", False)])
    assert "—" in text
    assert "MISS" in text
    assert NOINDEX_NOTE in text


def test_rows_show_site_beside_baseline_with_ratio() -> None:
    found = {
        row[0]: row for row in rows({"site_build_seconds": 6.0, "baseline_build_seconds": 4.0})
    }
    assert found["Build, median (wall)"][1:] == ("6.00 s", "4.00 s", "1.50x")


def test_skipped_scaling_run_shows_its_note() -> None:
    results = {
        "scaling": [
            {"pages": 3_000, "nodes": 100, "seconds": None, "note": "skipped: projected 400 s"}
        ]
    }
    found = {row[0]: row for row in rows(results)}
    assert found["Scaling: 3,000 pages + 100 nodes"][1] == "skipped: projected 400 s"


def test_stock_scaling_run_has_its_own_row() -> None:
    results = {
        "scaling": [{"pages": 1_000, "nodes": 100, "seconds": 19.0, "ms_per_page": 17.1}],
        "scaling_stock": [{"pages": 1_000, "nodes": 100, "seconds": 20.0, "ms_per_page": 18.0}],
    }
    found = {row[0]: row[1] for row in rows(results)}
    assert found["Scaling: 1,000 pages + 100 nodes"] == "19.0 s (17 ms/page)"
    assert found["Scaling: 1,000 pages + 100 nodes, stock Material"] == "20.0 s (18 ms/page)"


def test_a_stage_shows_the_spread_of_its_kept_try_to_one_decimal() -> None:
    entry = {
        "loads": [[0.4, 0.8], [0.8, 0.9]],
        "others": [0.06, 0.05],
        "spreads": [0.123, 0.085],
        "tries": 2,
        "noisy": True,
    }
    ((stage, loads, shared, verdict),) = load_rows({"load": {"builds": entry}})
    assert (stage, loads, shared) == ("builds", "0.80 → 0.90", "0.05 CPUs")
    # Just over an 8 % limit reads as over it, not as the limit.
    assert verdict == "NOISY, runs spread 8.5%, 2 tries"
    quiet = {**entry, "spreads": [None, None], "noisy": False}
    assert load_rows({"load": {"steps": quiet}})[0][3] == "quiet, 2 tries"
