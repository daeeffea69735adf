"""The issue-6 budgets, evaluated on the results dict that becomes build/bench.json."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KIB = 1024
PAGES = ("home", "article", "question", "outcome")
LIGHTHOUSE_MIN = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}


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


def _scaling_seconds(results: dict[str, Any], *, pages: int, key: str = "scaling") -> float | None:
    for run in results.get(key, []):
        if run["pages"] == pages and run["nodes"] <= 100:
            seconds = run.get("seconds")
            return float(seconds) if seconds is not None else None
    return None


def evaluate(results: dict[str, Any]) -> list[Verdict]:
    verdicts: list[Verdict] = []
    lighthouse = results.get("lighthouse", {})
    for page in PAGES:
        scores = lighthouse.get(page)
        limit = "/".join(f"{v}" for v in LIGHTHOUSE_MIN.values())
        if not scores:
            verdicts.append(
                Verdict(
                    f"Lighthouse {page} (perf/a11y/bp/seo)", f"≥ {limit}", "not measured", False
                )
            )
            continue
        measured = "/".join(f"{scores[c]:g}" for c in LIGHTHOUSE_MIN)
        missed = [c for c, minimum in LIGHTHOUSE_MIN.items() if scores[c] < minimum]
        verdicts.append(
            Verdict(
                f"Lighthouse {page} (perf/a11y/bp/seo)",
                f"≥ {limit}",
                measured,
                not missed,
                "missed: " + ", ".join(missed) if missed else "",
            )
        )
    assets = results.get("guide_assets_gzip_bytes")
    verdicts.append(
        _at_most(
            "Guide JS+CSS gzipped", assets / KIB if assets is not None else None, 10, unit=" KiB"
        )
    )
    question = results.get("transfer_gzip_bytes", {}).get("question")
    verdicts.append(
        _at_most(
            "Question page total gzipped",
            question / KIB if question is not None else None,
            90,
            unit=" KiB",
        )
    )
    verdicts.append(_at_most("Guide step median", results.get("step_ms_median"), 16, unit=" ms"))
    verdicts.append(_at_most("Guide step p95", results.get("step_ms_p95"), 50, unit=" ms"))
    site, base = results.get("site_build_seconds"), results.get("baseline_build_seconds")
    ratio = site / base if site is not None and base else None
    verdicts.append(_at_most("Build time vs stock", ratio, 1.3, unit="x"))
    verdicts.append(
        _at_most(
            "Guide engine share of build",
            _percent(results.get("guide_share_of_build")),
            10,
            unit=" %",
        )
    )
    thousand = _scaling_seconds(results, pages=1_000)
    stock = _scaling_seconds(results, pages=1_000, key="scaling_stock")
    note = f"stock Material, same pages: {stock:.1f} s" if stock is not None else ""
    verdicts.append(_at_most("1,000-page build", thousand, 10, unit=" s", note=note))
    three = _scaling_seconds(results, pages=3_000)
    growth = three / thousand if three is not None and thousand else None
    verdicts.append(_at_most("3,000 / 1,000 pages", growth, 3.3, unit="x"))
    verdicts.append(
        _at_most(
            "Engine checks, 10,000 nodes", results.get("check_seconds_10k_nodes"), 1, unit=" s"
        )
    )
    return verdicts


def _percent(share: float | None) -> float | None:
    return share * 100 if share is not None else None


def missed(verdicts: list[Verdict]) -> list[Verdict]:
    return [verdict for verdict in verdicts if not verdict.passed]
