"""Budget verdicts from a results dict (no timing: the numbers are given)."""

from __future__ import annotations

from typing import Any

import pytest

from tools.bench.budgets import PAGES, evaluate, missed

PERFECT = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def _page(total: int, requests: int) -> dict[str, Any]:
    return {"total_gzip_bytes": total, "requests": [("u", 1)] * requests, "by_type": {}}


def passing() -> dict[str, Any]:
    return {
        "lighthouse": {page: dict(PERFECT) for page in PAGES},
        "guide_assets_gzip_bytes": 6_000,
        "transfer_detail": {page: _page(60_000, 8) for page in PAGES},
        "baseline_transfer_detail": {page: _page(150_000, 10) for page in PAGES},
        "step_ms_median": 8.0,
        "step_ms_p95": 20.0,
        "site_build_seconds": 4.2,
        "baseline_build_seconds": 4.0,
        "guide_share_of_build": 0.05,
        "scaling": [
            {"pages": 1_000, "nodes": 100, "seconds": 9.0},
            {"pages": 3_000, "nodes": 100, "seconds": 27.0},
        ],
        "scaling_stock": [{"pages": 1_000, "nodes": 100, "seconds": 9.5}],
        "check_seconds_10k_nodes": 0.5,
    }


def test_all_budgets_pass_on_good_numbers() -> None:
    assert missed(evaluate(passing())) == []


@pytest.mark.parametrize(
    ("change", "budget"),
    [
        ({"lighthouse": {"home": {**PERFECT, "performance": 97}}}, "Lighthouse home"),
        ({"lighthouse": {"outcome": {**PERFECT, "accessibility": 99}}}, "Lighthouse outcome"),
        ({"lighthouse": {"question": {**PERFECT, "seo": 63}}}, "Lighthouse question"),
        ({"guide_assets_gzip_bytes": 10_600}, "Guide JS+CSS vs a stock question page"),
        ({"transfer_detail": {"question": _page(113_000, 8)}}, "Page weight vs stock: question"),
        ({"transfer_detail": {"home": _page(60_000, 18)}}, "Requests vs stock: home"),
        ({"step_ms_median": 16.5}, "Guide step median"),
        ({"step_ms_p95": 51}, "Guide step p95"),
        ({"site_build_seconds": 4.5}, "Build time vs stock"),
        ({"guide_share_of_build": 0.11}, "Guide engine share of build"),
        ({"check_seconds_10k_nodes": 1.01}, "Engine checks, 10,000 nodes"),
    ],
)
def test_one_bad_number_misses_exactly_its_budget(change: dict[str, Any], budget: str) -> None:
    results = passing()
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(results.get(key), dict):
            results[key] = {**results[key], **value}
        else:
            results[key] = value
    assert [v.name.split(" (")[0] for v in missed(evaluate(results))] == [budget]


@pytest.mark.parametrize(
    ("thousand", "stock", "three", "bad"),
    [
        (9.0, 9.0, 29.7, []),
        (9.0, 9.0, 29.8, ["3,000 / 1,000 pages"]),
        (9.1, 9.0, 30.0, ["1,000-page build vs stock"]),
        (None, 9.0, 30.0, ["1,000-page build vs stock", "3,000 / 1,000 pages"]),
        (9.0, None, 29.0, ["1,000-page build vs stock"]),
        (9.0, 9.0, None, ["3,000 / 1,000 pages"]),
    ],
)
def test_scaling_budgets_are_ratios(
    thousand: float | None, stock: float | None, three: float | None, bad: list[str]
) -> None:
    results = passing()
    results["scaling"] = [
        {"pages": 1_000, "nodes": 100, "seconds": thousand},
        {"pages": 3_000, "nodes": 100, "seconds": three},
        {"pages": 20, "nodes": 10_000, "seconds": 999.0},  # tree runs do not count here
    ]
    results["scaling_stock"] = [{"pages": 1_000, "nodes": 100, "seconds": stock}]
    assert [v.name for v in missed(evaluate(results))] == bad


def test_a_budget_that_was_not_measured_is_missed() -> None:
    results = passing()
    del results["step_ms_median"]
    (verdict,) = missed(evaluate(results))
    assert verdict.name == "Guide step median"
    assert verdict.measured == "not measured"


def test_a_stage_measured_on_a_busy_machine_says_so_beside_its_verdict() -> None:
    results = passing()
    results["load"] = {
        "builds": {
            "loads": [(3.1, 3.4), (2.0, 2.2)],
            "others": [1.4, 0.6],
            "tries": 2,
            "noisy": True,
        },
        "steps": {"loads": [(0.2, 0.4)], "tries": 1, "noisy": False},
    }
    notes = {v.name: v.note for v in evaluate(results)}
    assert notes["Build time vs stock"] == "noisy: other work 0.60 CPUs, load 2.0 → 2.2, 2 tries"
    assert notes["Guide step median"] == ""
