"""The readable table: site beside the stock baseline, ratios, and budget verdicts."""

from __future__ import annotations

import statistics
from typing import Any

from tools.bench.budgets import PAGES, Verdict, kept_try, scaling_seconds

Row = tuple[str, str, str, str]  # measure, site, stock baseline, ratio

NOINDEX_NOTE = (
    "The measured question is the guide's first (screening) question, the only question "
    "page a search engine may index: arriving at a later one would skip the red-flag "
    "screening. SEO is shown as measured and without the is-crawlable audit."
)


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def kib(value: float | None) -> str:
    return "—" if value is None else f"{value / 1024:.1f} KiB"


def ratio(site: float | None, base: float | None) -> str:
    if site is None or not base:
        return ""
    return f"{site / base:.2f}x"


def _score(scores: dict[str, float] | None, category: str) -> str:
    if not scores:
        return "—"
    return f"{scores[category]:g}"


def rows(results: dict[str, Any]) -> list[Row]:
    out: list[Row] = []
    site_b, base_b = results.get("site_build_seconds"), results.get("baseline_build_seconds")
    out.append(("Build, median (wall)", seconds(site_b), seconds(base_b), ratio(site_b, base_b)))
    site_c = results.get("site_build_cpu_seconds")
    base_c = results.get("baseline_build_cpu_seconds")
    out.append(("Build, median (CPU)", seconds(site_c), seconds(base_c), ratio(site_c, base_c)))
    cold = results.get("site_cold_build_seconds")
    if cold is not None:
        # Stock Material keeps no compiled templates: its every build is a cold one.
        label = "Build, first (templates compiled, no .cache)"
        out.append((label, seconds(cold), seconds(base_b), ratio(cold, base_b)))
    share = results.get("guide_share_of_build")
    out.append(("Guide engine share of build", "—" if share is None else f"{share:.1%}", "0 %", ""))
    transfer = results.get("transfer_gzip_bytes", {})
    base_transfer = results.get("baseline_transfer_gzip_bytes", {})
    for page in PAGES:
        site_t, base_t = transfer.get(page), base_transfer.get(page)
        out.append((f"Transfer gz: {page}", kib(site_t), kib(base_t), ratio(site_t, base_t)))
    details = results.get("transfer_detail", {})
    base_details = results.get("baseline_transfer_detail", {})
    for page in PAGES:
        mine, theirs = details.get(page), base_details.get(page)
        site_r = len(mine["requests"]) if mine else None
        base_r = len(theirs["requests"]) if theirs else None
        out.append((f"Requests: {page}", _count(site_r), _count(base_r), ratio(site_r, base_r)))
    assets = results.get("guide_assets_gzip_bytes")
    stock_question = base_details.get("question", {}).get("total_gzip_bytes")
    out.append(
        (
            "Guide own JS+CSS gz (stock: its whole question page)",
            kib(assets),
            kib(stock_question),
            ratio(assets, stock_question),
        )
    )
    lighthouse = results.get("lighthouse", {})
    base_lh = results.get("baseline_lighthouse", {})
    for page in PAGES:
        for category in ("performance", "accessibility", "best-practices", "seo"):
            out.append(
                (
                    f"Lighthouse {page}: {category}",
                    _score(lighthouse.get(page), category),
                    _score(base_lh.get(page), category),
                    "",
                )
            )
    seo_without = results.get("lighthouse_seo_without_is_crawlable", {}).get("question")
    if seo_without is not None:
        out.append(("Lighthouse question: seo without is-crawlable", f"{seo_without:g}", "", ""))
    step_median, step_p95 = results.get("step_ms_median"), results.get("step_ms_p95")
    # Only answers that lead to a next question count; those that open an outcome page are
    # the separate row below.
    count = results.get("step_count", 0)
    out.append(
        (f"Guide step median ({count} answers to a next question)", _ms(step_median), "", "")
    )
    out.append((f"Guide step p95 ({count} answers to a next question)", _ms(step_p95), "", ""))
    slow = results.get("step_event_timing_slow_ms")
    if slow is not None:
        answers = results.get("step_count", 0) + results.get("step_outcome_count", 0)
        typical = f", median {statistics.median(slow):.0f} ms" if slow else ""
        label = "  answers Chrome's Event Timing saw over 16 ms"
        out.append((label, f"{len(slow)} of {answers}{typical}", "", ""))
    outcome = results.get("step_outcome_ms_median")
    out.append(("Answer to outcome page, median", _ms(outcome), "", ""))
    out += _scaling_rows(results.get("scaling", []), suffix="")
    out += _scaling_rows(results.get("scaling_stock", []), suffix=", stock Material")
    thousand = scaling_seconds(results, pages=1_000)
    stock = scaling_seconds(results, pages=1_000, key="scaling_stock")
    if thousand is not None or stock is not None:
        out.append(
            ("1,000 pages vs stock", seconds(thousand), seconds(stock), ratio(thousand, stock))
        )
    load = results.get("check_load_seconds_10k_nodes")
    out.append(("YAML load before the checks, 10,000 nodes", seconds(load), "", ""))
    return out


def _scaling_rows(runs: list[dict[str, Any]], *, suffix: str) -> list[Row]:
    out: list[Row] = []
    for run in runs:
        label = f"Scaling: {run['pages']:,} pages + {run['nodes']:,} nodes{suffix}"
        if run.get("seconds") is None:
            out.append((label, run.get("note", "—"), "", ""))
            continue
        out.append((label, f"{run['seconds']:.1f} s ({run['ms_per_page']:.0f} ms/page)", "", ""))
    return out


def load_rows(results: dict[str, Any]) -> list[tuple[str, ...]]:
    """Stage, 1-minute load average before → after its kept try, the other work that shared
    the machine during it, and its tries and noise."""
    out: list[tuple[str, ...]] = []
    for stage, entry in results.get("load", {}).items():
        before, after, others, runs, counted = kept_try(entry)
        verdict = "NOISY" if entry["noisy"] else "quiet"
        shared = f"{others:.2f} CPUs" if others is not None else "unknown"
        if runs:
            verdict += f", {runs}"
        out.append((stage, f"{before:.2f} → {after:.2f}", shared, f"{verdict}, {counted}"))
    return out


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f} ms"


def table(header: tuple[str, ...], body: list[tuple[str, ...]]) -> str:
    """A Markdown table (pipes aligned), readable in a terminal and pasteable in the README."""
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        return (
            "| "
            + " | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            + " |"
        )

    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in body)])


def render(results: dict[str, Any], verdicts: list[Verdict]) -> str:
    measures = table(("Measure", "This site", "Stock Material", "Ratio"), list(rows(results)))
    budgets = table(
        ("Budget", "Limit", "Measured", "Verdict"),
        [
            (
                v.name,
                v.limit,
                v.measured,
                ("pass" if v.passed else "MISS") + (f" ({v.note})" if v.note else ""),
            )
            for v in verdicts
        ],
    )
    parts = [measures, NOINDEX_NOTE, budgets]
    loads = load_rows(results)
    if loads:
        machine = results.get("machine", {})
        noisy = (
            f"Noisy above {machine.get('noisy_other_cpus')} CPUs of other work "
            f"(load {machine.get('noisy_above_load')} without /proc)"
        )
        if machine.get("noisy_spread") is not None:
            noisy += f" or runs spread above {machine['noisy_spread']:.0%}"
        parts.append(table(("Stage", "Load average", "Other work", noisy), loads))
    return "\n\n".join(parts)
