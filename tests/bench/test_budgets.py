"""Budget verdicts from a results dict (no timing: the numbers are given)."""

from __future__ import annotations

from typing import Any

import pytest

from botb.bench.budgets import evaluate, missed

PERFECT = {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 100}


def passing() -> dict[str, Any]:
    return {
        "lighthouse": {page: dict(PERFECT) for page in ("home", "article", "question", "outcome")},
        "guide_assets_gzip_bytes": 6_000,
        "transfer_gzip_bytes": {"question": 60_000},
        "step_ms_median": 8.0,
        "step_ms_p95": 20.0,
        "site_build_seconds": 5.0,
        "baseline_build_seconds": 4.0,
        "guide_share_of_build": 0.05,
        "scaling": [
            {"pages": 1_000, "nodes": 100, "seconds": 9.0},
            {"pages": 3_000, "nodes": 100, "seconds": 27.0},
        ],
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
        ({"guide_assets_gzip_bytes": 10 * 1024 + 1}, "Guide JS+CSS gzipped"),
        ({"transfer_gzip_bytes": {"question": 90 * 1024 + 1}}, "Question page total gzipped"),
        ({"step_ms_median": 16.5}, "Guide step median"),
        ({"step_ms_p95": 51}, "Guide step p95"),
        ({"site_build_seconds": 5.3}, "Build time vs stock"),
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
    ("thousand", "three", "bad"),
    [
        (9.0, 29.7, []),
        (9.0, 29.8, ["3,000 / 1,000 pages"]),
        (10.5, 30.0, ["1,000-page build"]),
        (None, 30.0, ["1,000-page build", "3,000 / 1,000 pages"]),
        (9.0, None, ["3,000 / 1,000 pages"]),
    ],
)
def test_scaling_budgets(thousand: float | None, three: float | None, bad: list[str]) -> None:
    results = passing()
    results["scaling"] = [
        {"pages": 1_000, "nodes": 100, "seconds": thousand},
        {"pages": 3_000, "nodes": 100, "seconds": three},
        {"pages": 20, "nodes": 10_000, "seconds": 999.0},  # tree runs do not count here
    ]
    assert [v.name for v in missed(evaluate(results))] == bad


def test_a_budget_that_was_not_measured_is_missed() -> None:
    results = passing()
    del results["step_ms_median"]
    (verdict,) = missed(evaluate(results))
    assert verdict.name == "Guide step median"
    assert verdict.measured == "not measured"


@pytest.mark.parametrize(
    ("stock", "note"),
    [
        ([{"pages": 1_000, "nodes": 100, "seconds": 20.25}], "stock Material, same pages: 20.2 s"),
        ([{"pages": 1_000, "nodes": 100, "seconds": None}], ""),
        ([], ""),
    ],
)
def test_the_thousand_page_verdict_names_stock_materials_time(
    stock: list[dict[str, Any]], note: str
) -> None:
    # The stock build is context for the budget, never part of it.
    results = {**passing(), "scaling_stock": stock}
    verdict = next(v for v in evaluate(results) if v.name == "1,000-page build")
    assert (verdict.passed, verdict.note) == (True, note)
