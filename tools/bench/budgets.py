"""The budgets (issue 17), evaluated on the results dict that becomes build/bench.json.

Everything that stock Material also has is a ratio to stock Material measured in the same
run: build time, the 1,000-page build, page weight and requests, and the guide's own assets
against what a stock page loads. What stock has no counterpart for stays absolute: Lighthouse
scores, the guide step latency and the 10,000-node checks. A verdict whose stage ran on a busy
machine says so in its note (see load.py).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

PAGES = ("home", "article", "question", "outcome")
LIGHTHOUSE_MIN = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
BUILD_VS_STOCK = 1.1
THOUSAND_VS_STOCK = 1.0
GROWTH_3000_OVER_1000 = 3.3
WEIGHT_VS_STOCK = 0.75  # each page: search loads on demand, so about half of stock's
# Stock loads 6-7 files, the site 8-10: four small ones of its own (palette.css, botb.css,
# guide.css, and on guide pages guide.js and guide.json) against stock's search index and
# worker, which load here only on demand. Fewer requests would mean guide.css only on guide
# pages and botb.css merged into it.
REQUESTS_VS_STOCK = 1.7
GUIDE_ASSETS_VS_STOCK_PAGE = 0.07  # the guide's JS+CSS against a whole stock question page


@dataclass(frozen=True)
class Verdict:
    name: str
    limit: str
    measured: str
    passed: bool  # a budget that could not be measured counts as missed
    note: str = ""

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _at_most(name: str, value: float | None, limit: float, *, unit: str, note: str = "") -> Verdict:
    if value is None:
        return Verdict(name, f"≤ {limit:g}{unit}", "not measured", False, note)
    return Verdict(name, f"≤ {limit:g}{unit}", f"{value:.3g}{unit}", value <= limit, note)


def ratio_of(site: float | None, stock: float | None) -> float | None:
    return site / stock if site is not None and stock else None


def scaling_seconds(results: dict[str, Any], *, pages: int, key: str = "scaling") -> float | None:
    for run in results.get(key, []):
        if run["pages"] == pages and run["nodes"] <= 100:
            seconds = run.get("seconds")
            return float(seconds) if seconds is not None else None
    return None


def kept_try(entry: dict[str, Any]) -> tuple[float, float, float | None, str, str]:
    """A stage's recorded ``Steady.as_json``: load before and after its kept try, the other
    work during it (None where unknown), the spread of its own runs in words ("" where not
    measured), and how many tries, in words."""
    before, after = entry["loads"][-1]
    others = (entry.get("others") or [None])[-1]
    spread = (entry.get("spreads") or [None])[-1]
    # One decimal: a spread just over the limit must not read as the limit itself.
    runs = f"runs spread {spread:.1%}" if spread is not None else ""
    tries = entry["tries"]
    return before, after, others, runs, f"{tries} {'try' if tries == 1 else 'tries'}"


def _noise(results: dict[str, Any], stage: str) -> str:
    entry = results.get("load", {}).get(stage)
    if not entry or not entry.get("noisy"):
        return ""
    before, after, others, runs, counted = kept_try(entry)
    shared = f"other work {others:.2f} CPUs, " if others is not None else ""
    spread = f"{runs}, " if runs else ""
    return f"noisy: {shared}{spread}load {before:.1f} → {after:.1f}, {counted}"


def _lighthouse(results: dict[str, Any]) -> list[Verdict]:
    verdicts = []
    limit = "≥ " + "/".join(f"{v}" for v in LIGHTHOUSE_MIN.values())
    for page in PAGES:
        name = f"Lighthouse {page} (perf/a11y/bp/seo)"
        scores = results.get("lighthouse", {}).get(page)
        if not scores:
            verdicts.append(Verdict(name, limit, "not measured", False))
            continue
        measured = "/".join(f"{scores[c]:g}" for c in LIGHTHOUSE_MIN)
        missed = [c for c, minimum in LIGHTHOUSE_MIN.items() if scores[c] < minimum]
        notes = ["missed: " + ", ".join(missed)] if missed else []
        notes += [n for n in (_noise(results, f"lighthouse {page}"),) if n]
        verdicts.append(Verdict(name, limit, measured, not missed, "; ".join(notes)))
    return verdicts


def _pages(results: dict[str, Any]) -> list[Verdict]:
    verdicts = []
    site, stock = results.get("transfer_detail", {}), results.get("baseline_transfer_detail", {})
    for page in PAGES:
        mine, theirs = site.get(page), stock.get(page)
        weight = ratio_of(mine and mine["total_gzip_bytes"], theirs and theirs["total_gzip_bytes"])
        verdicts.append(
            _at_most(f"Page weight vs stock: {page}", weight, WEIGHT_VS_STOCK, unit="x")
        )
        requests = ratio_of(mine and len(mine["requests"]), theirs and len(theirs["requests"]))
        verdicts.append(
            _at_most(f"Requests vs stock: {page}", requests, REQUESTS_VS_STOCK, unit="x")
        )
    stock_question = stock.get("question")
    verdicts.append(
        _at_most(
            "Guide JS+CSS vs a stock question page",
            ratio_of(
                results.get("guide_assets_gzip_bytes"),
                stock_question and stock_question["total_gzip_bytes"],
            ),
            GUIDE_ASSETS_VS_STOCK_PAGE,
            unit="x",
        )
    )
    return verdicts


def evaluate(results: dict[str, Any]) -> list[Verdict]:
    verdicts = _lighthouse(results) + _pages(results)
    steps = _noise(results, "steps")
    verdicts.append(
        _at_most("Guide step median", results.get("step_ms_median"), 16, unit=" ms", note=steps)
    )
    verdicts.append(
        _at_most("Guide step p95", results.get("step_ms_p95"), 50, unit=" ms", note=steps)
    )
    share = results.get("guide_share_of_build")
    verdicts.append(
        _at_most(
            "Guide engine share of build",
            share * 100 if share is not None else None,
            10,
            unit=" %",
        )
    )
    build = ratio_of(results.get("site_build_seconds"), results.get("baseline_build_seconds"))
    thousand = scaling_seconds(results, pages=1_000)
    stock = scaling_seconds(results, pages=1_000, key="scaling_stock")
    three = scaling_seconds(results, pages=3_000)
    ratios = (
        ("Build time vs stock", build, BUILD_VS_STOCK, "builds"),
        ("1,000-page build vs stock", ratio_of(thousand, stock), THOUSAND_VS_STOCK, "scaling 1000"),
        ("3,000 / 1,000 pages", ratio_of(three, thousand), GROWTH_3000_OVER_1000, "scaling 3000"),
    )
    for name, value, limit, stage in ratios:
        verdicts.append(_at_most(name, value, limit, unit="x", note=_noise(results, stage)))
    verdicts.append(
        _at_most(
            "Engine checks, 10,000 nodes", results.get("check_seconds_10k_nodes"), 1, unit=" s"
        )
    )
    return verdicts


def missed(verdicts: list[Verdict]) -> list[Verdict]:
    return [verdict for verdict in verdicts if not verdict.passed]
