"""``make bench`` / ``python -m tools.bench``: measure, print the table, write build/bench.json.

Exits 1 when a budget is missed (listing which), 2 when the real site does not build.
Timings are wall-clock on whatever else the machine is doing: the load average at the start
and end is recorded beside them, and build CPU time is reported too.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import functools
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TypeVar

from playwright.sync_api import Browser

from botb.adapter import template_cache
from tools.bench import budgets, builds, configs, lighthouse, load, report, scaling, steps, weight
from tools.bench.browser import chromium
from tools.serve import serve

ARTICLE = "understanding/psoas-and-hip-flexors/"
TOTAL_BUDGET_SECONDS = 540  # leave headroom under the 10 minutes
RETRY_SHARE = 0.6
# Lighthouse takes 10-20 s a run: stock Material gets the two pages it has of its own.
STOCK_LIGHTHOUSE_PAGES = ("home", "article")
T = TypeVar("T")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _pages(site_dir: Path) -> dict[str, str]:
    """Site-relative URLs of the four measured pages (question = the guide's start node)."""
    pages = {"home": "", "article": ARTICLE}
    guide_json = site_dir / "guide" / "guide.json"
    if guide_json.is_file():
        data = json.loads(guide_json.read_text(encoding="utf-8"))
        nodes = data["nodes"]
        pages["question"] = nodes[data["start"]]["url"]
        outcomes = [n for n in nodes.values() if n["type"] == "outcome"]
        chosen = next((n for n in outcomes if n.get("urgency") == "soon"), outcomes[0])
        pages["outcome"] = chosen["url"]
    return pages


def _build_for(site_dir: Path, *, config_file: Path, url: str, results: dict[str, Any]) -> bool:
    timed = builds.timed_build(config_file=config_file, site_dir=site_dir, site_url=url)
    if not timed.ok:
        results["errors"].append(f"{config_file}: build for the browser failed: {timed.log[-800:]}")
    return timed.ok


def _steady(
    results: dict[str, Any],
    stage: str,
    measure: Callable[[], T],
    *,
    deadline: float,
    spread_of: Callable[[T], float | None] = lambda _: None,
) -> T:
    """``measure`` repeated while the machine is busy (see load.py); its loads are recorded.
    A smoke run measures once: it proves the steps run, and its numbers are not compared."""
    tries = 1 if results["smoke"] else load.TRIES
    kept = load.steady(measure, tries=tries, deadline=deadline, log=log, spread_of=spread_of)
    results["load"][stage] = kept.as_json()
    return kept.value


def _builds(args: argparse.Namespace, results: dict[str, Any], base_config: Path) -> None:
    log(f"1/6 builds: {args.builds} strict builds each of the site and the stock baseline")
    # The site keeps its compiled templates in .cache/ (adapter/template_cache.py); the first
    # build of a fresh clone has none, and is reported on its own.
    shutil.rmtree(configs.ROOT / template_cache.CACHE_DIR, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="botb-bench-cold-") as tmp:
        cold = builds.timed_build(config_file=configs.REAL_CONFIG, site_dir=Path(tmp) / "site")
    results["site_cold_build_seconds"] = cold.seconds if cold.ok else None
    timed = _steady(
        results,
        "builds",
        lambda: builds.median_builds(
            config_files={"site": configs.REAL_CONFIG, "baseline": base_config}, runs=args.builds
        ),
        deadline=args.deadline,
        spread_of=builds.widest_spread,
    )
    for name, key in (("site", "site_build"), ("baseline", "baseline_build")):
        results[f"{key}_seconds"] = builds.median_seconds(timed[name])
        results[f"{key}_cpu_seconds"] = builds.median_seconds(timed[name], cpu=True)
        results[f"{key}_runs"] = [round(t.seconds, 3) for t in timed[name]]
        failed = [t for t in timed[name] if not t.ok]
        if failed:
            results["errors"].append(f"{name} strict build failed: {failed[0].log[-1500:]}")
    if results["site_build_seconds"] is None:
        return
    shares = []
    with tempfile.TemporaryDirectory(prefix="botb-bench-engine-") as tmp:
        for number in range(args.engine_runs):
            try:
                shares.append(
                    builds.engine_share(
                        config_file=configs.REAL_CONFIG, site_dir=Path(tmp) / f"engine-{number}"
                    )
                )
            except RuntimeError as error:
                results["errors"].append(f"engine timing build failed: {error}")
                break
    if shares:
        shares.sort(key=lambda s: s.share)
        middle = shares[len(shares) // 2]
        results["guide_share_of_build"] = middle.share
        results["guide_engine_seconds"] = middle.engine_seconds
        results["guide_share_build_seconds"] = middle.build_seconds


def _weights(
    browser: Browser,
    results: dict[str, Any],
    *,
    sites: dict[str, tuple[Path, str, dict[str, str]]],
    smoke: bool,
) -> None:
    log("2/6 weight: gzipped transfer and requests per page (Chromium requests)")
    for prefix, (site_dir, url, pages) in sites.items():
        totals, details = {}, {}
        for name, path in pages.items():
            if smoke and name != "home":
                continue  # the smoke run proves the weighing runs, on the home pages
            measured = weight.measure(browser, url=url + path, site_dir=site_dir, site_url=url)
            totals[name] = measured.total_gzip_bytes
            details[name] = {
                "total_gzip_bytes": measured.total_gzip_bytes,
                "by_type": measured.by_type,
                "requests": measured.requests,
            }
        results[f"{prefix}transfer_gzip_bytes"] = totals
        results[f"{prefix}transfer_detail"] = details


def _steps(browser: Browser, args: argparse.Namespace, results: dict[str, Any], url: str) -> None:
    log(f"3/6 guide steps: {args.steps} answers to a next question in Chromium")
    stepped = _steady(
        results,
        "steps",
        lambda: steps.measure(browser, start_url=url + "guide/", steps=args.steps),
        deadline=args.deadline,
    )
    results["step_ms_median"] = stepped.median
    results["step_ms_p95"] = stepped.p95
    results["step_latencies_ms"] = [round(ms, 1) for ms in stepped.latencies_ms]
    results["step_count"] = len(stepped.latencies_ms)
    results["step_outcome_count"] = len(stepped.outcome_ms)
    results["step_outcome_ms_median"] = (
        statistics.median(stepped.outcome_ms) if stepped.outcome_ms else None
    )
    results["step_modes"] = stepped.modes
    results["step_event_timing_slow_ms"] = stepped.slow_event_ms
    results["step_mode"] = "+".join(sorted(stepped.modes)) or "none"
    if stepped.error:
        results["errors"].append(f"guide steps: {stepped.error}")


def _lighthouse(
    args: argparse.Namespace,
    results: dict[str, Any],
    *,
    sites: dict[str, tuple[str, dict[str, str]]],
) -> None:
    log(f"4/6 lighthouse: {args.lighthouse_runs} runs per page")
    results["lighthouse"], results["baseline_lighthouse"] = {}, {}
    results["lighthouse_seo_without_is_crawlable"] = {}
    results["lighthouse_failed_audits"] = {}
    if not lighthouse.available():
        results["errors"].append(f"lighthouse is not installed ({lighthouse.LIGHTHOUSE})")
        return
    for prefix, (url, pages) in sites.items():
        for name, path in pages.items():
            if args.smoke and (prefix or name != "home"):
                continue  # the smoke run proves Lighthouse runs, on one page
            if prefix and name not in STOCK_LIGHTHOUSE_PAGES:
                continue  # stock's scores are context, not budgets: two pages are enough
            keep = args.output.parent / "lighthouse" / f"{prefix}{name}.json"
            target = url + path
            try:
                summary = _steady(
                    results,
                    f"{prefix}lighthouse {name}",
                    functools.partial(
                        lighthouse.measure, target, runs=args.lighthouse_runs, keep=keep
                    ),
                    deadline=args.deadline,
                )
            except RuntimeError as error:
                results["errors"].append(str(error)[:800])
                continue
            results[f"{prefix}lighthouse"][name] = summary.scores
            if not prefix:
                results["lighthouse_seo_without_is_crawlable"][name] = summary.seo_without_crawlable
                results["lighthouse_failed_audits"][name] = summary.failed_audits
            log(f"  {prefix or 'site '}{name}: {summary.scores}")


def _scaling(args: argparse.Namespace, results: dict[str, Any], started: float) -> None:
    log(f"5/6 engine checks on a {args.check_nodes:,}-node tree (and, beside them, its YAML load)")
    checked = scaling.engine_checks(nodes=args.check_nodes)
    # The measure is the check time alone; the load is reported beside it, not hidden.
    results["check_seconds_10k_nodes"] = checked.check_seconds
    results["check_load_seconds_10k_nodes"] = checked.load_seconds
    results["check_cpu_seconds_10k_nodes"] = checked.load_cpu_seconds + checked.check_cpu_seconds
    if checked.problems:
        results["errors"].append(f"the synthetic tree has {checked.problems} problems")

    pages = args.pair_pages
    log(f"6/6 scaling: {pages:,} synthetic pages, stock Material then this site, back to back")
    stock, site = _steady(
        results,
        f"scaling {pages}",
        lambda: (scaling.stock(pages=pages), scaling.site(pages=pages)),
        deadline=args.deadline,
    )
    results["scaling_stock"] = [stock.as_json()]
    results["scaling"] = [site.as_json()]
    for run, who in ((stock, "stock"), (site, "site")):
        if run.seconds is None:
            results["errors"].append(f"{who} {pages}-page build: {run.note}")
        else:
            log(f"  {who} {pages:,} pages: {run.seconds:.1f} s")
    if args.smoke or site.seconds is None:
        return
    left = args.total_seconds - (time.monotonic() - started)
    scale_budget = max(args.min_scaling_seconds, left) if not args.full else 1e9
    log(f"  larger sites and trees ({scale_budget:.0f} s available)")
    others = [run for run in scaling.plan_runs() if run[0] > pages or run[1] > 100]
    per_page = site.seconds / site.built_pages
    # One try: the larger sizes take minutes, and a repeat would not fit in the budget.
    kept = load.steady(
        lambda: scaling.measure(
            budget_seconds=scale_budget, log=log, runs=others, per_page=per_page
        ),
        tries=1,
        log=log,
    )
    results["load"]["scaling 3000"] = kept.as_json()
    results["scaling"] += [run.as_json() for run in kept.value]


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    # Material is byte-compiled in site-packages; the engine is too before it is timed, as
    # `make` leaves it, even after an edit (imports never write bytecode here).
    compileall.compile_dir(configs.ROOT / "scripts" / "botb", quiet=1)
    # Repeats of noisy stages stop here, leaving time for the stages after them.
    args.deadline = started + RETRY_SHARE * args.total_seconds
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "smoke": args.smoke,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_start": os.getloadavg(),
            "noisy_above_load": load.busy_limit(),
            "noisy_other_cpus": load.NOISY_OTHER_CPUS,
            "noisy_spread": load.NOISY_SPREAD,
        },
        "load": {},
        "errors": [],
        "notes": [
            "Stock baseline: the same final Markdown (every page as the project's plugins "
            "hand it to MkDocs, guide pages included, written out as plain files) with "
            "theme material, font: false (offline), the same theme features, the search "
            "plugin and the same Markdown extensions and nav; no overrides, no botb "
            "plugin, no extra CSS or JS.",
            report.NOINDEX_NOTE,
        ],
    }
    real = configs.read_config()
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="botb-bench-")))
        configs.copy_baseline_docs(
            source=configs.ROOT / str(real["docs_dir"]),
            target=tmp / "docs",
            pages=configs.final_pages(),
        )
        base_site = tmp / "baseline-site"
        base_site.mkdir()
        base_url = stack.enter_context(serve(base_site))
        base_config = configs.write_config(
            configs.baseline_config(real=real, docs_dir=tmp / "docs", site_url=base_url),
            tmp / "mkdocs.yml",
        )
        _builds(args, results, base_config)
        site_dir = tmp / "site"
        site_dir.mkdir()
        site_url = stack.enter_context(serve(site_dir))
        site_ok = results["site_build_seconds"] is not None and _build_for(
            site_dir, config_file=configs.REAL_CONFIG, url=site_url, results=results
        )
        base_ok = _build_for(base_site, config_file=base_config, url=base_url, results=results)
        pages = _pages(site_dir) if site_ok else {}
        # The baseline has the guide's pages too, as plain Markdown: the same four URLs.
        base_pages = (
            {name: path for name, path in pages.items() if (base_site / path).is_dir()}
            if base_ok
            else {}
        )
        results["pages"] = pages
        with chromium() as browser:
            _weights(
                browser,
                results,
                sites={
                    "": (site_dir, site_url, pages),
                    "baseline_": (base_site, base_url, base_pages),
                },
                smoke=args.smoke,
            )
            if site_ok:
                assets = weight.guide_assets(site_dir)
                results["guide_assets"] = assets
                results["guide_assets_gzip_bytes"] = sum(assets.values()) if assets else None
            if "question" in pages:
                _steps(browser, args, results, site_url)
        _lighthouse(
            args, results, sites={"": (site_url, pages), "baseline_": (base_url, base_pages)}
        )
    _scaling(args, results, started)
    results["machine"]["load_average_end"] = os.getloadavg()
    results["noisy_stages"] = [name for name, entry in results["load"].items() if entry["noisy"]]
    results["wall_seconds"] = round(time.monotonic() - started, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__)
    # Nine: the ratio of two medians of five spread by about ±3 %, more than its margin.
    parser.add_argument("--builds", type=int, default=9)
    parser.add_argument("--engine-runs", type=int, default=3)
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--min-scaling-seconds", type=float, default=60)
    parser.add_argument("--check-nodes", type=int, default=10_000, help="for quick trial runs")
    parser.add_argument("--total-seconds", type=float, default=TOTAL_BUDGET_SECONDS)
    parser.add_argument("--full", action="store_true", help="run every scaling size, however long")
    parser.add_argument("--pair-pages", type=int, default=1_000, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, default=None)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="every step once and small (1 build each, the weight and 1 Lighthouse run of "
        "the home pages, 3 guide steps, 20 synthetic pages, a 200-node tree): proves the "
        "bench works, "
        "measures nothing worth comparing; writes build/bench-smoke.json, exits 1 on errors",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.builds, args.engine_runs, args.lighthouse_runs, args.steps = 1, 1, 1, 3
        args.check_nodes, args.pair_pages = 200, 20
    if args.output is None:
        name = "bench-smoke.json" if args.smoke else "bench.json"
        args.output = configs.ROOT / "build" / name
    results = run(args)
    verdicts = budgets.evaluate(results)
    results["budgets"] = [v.as_json() for v in verdicts]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(report.render(results, verdicts))
    print(
        f"\nWall time {results['wall_seconds']:.0f} s; load average "
        f"{results['machine']['load_average_start'][0]:.1f} → "
        f"{results['machine']['load_average_end'][0]:.1f} on {results['machine']['cpus']} CPUs. "
        f"Wrote {args.output}."
    )
    for error in results["errors"]:
        print(f"error: {error}", file=sys.stderr)
    missed = budgets.missed(verdicts)
    if results.get("site_build_seconds") is None:
        print("The real site does not build strictly; see the errors above.", file=sys.stderr)
        return 2
    if args.smoke:
        # Single small runs: the budgets are shown, but only errors fail a smoke run.
        print("Smoke run: " + ("errors above." if results["errors"] else "every step ran."))
        return 1 if results["errors"] else 0
    if results["noisy_stages"]:
        print(
            "Measured while other work shared the machine: " + ", ".join(results["noisy_stages"]),
            file=sys.stderr,
        )
    if missed:
        print(
            "Budgets missed: "
            + "; ".join(f"{v.name} ({v.measured}, limit {v.limit})" for v in missed),
            file=sys.stderr,
        )
        return 1
    print("All budgets met.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
