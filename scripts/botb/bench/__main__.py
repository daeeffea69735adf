"""``make bench`` / ``python -m botb.bench``: measure, print the table, write build/bench.json.

Exits 1 when a budget is missed (listing which), 2 when the real site does not build.
Timings are wall-clock on whatever else the machine is doing: the load average at the start
and end is recorded beside them, and build CPU time is reported too.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from botb.bench import budgets, builds, configs, lighthouse, report, scaling, steps, weight
from botb.bench.browser import chromium
from botb.bench.server import serve

ARTICLE = "understanding/psoas-and-hip-flexors/"
TOTAL_BUDGET_SECONDS = 570  # leave headroom under the 10 minutes


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


def run(args: argparse.Namespace) -> dict[str, Any]:
    started = time.monotonic()
    results: dict[str, Any] = {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_start": os.getloadavg(),
        },
        "errors": [],
        "notes": [
            "Stock baseline: the same Markdown (content/ and the guide pages the engine "
            "generates, written out as plain files) with theme material, font: false "
            "(offline), the search plugin and the same Markdown extensions and nav; no "
            "overrides, no botb plugin, no extra CSS or JS.",
            report.NOINDEX_NOTE,
        ],
    }
    real = configs.read_config()
    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="botb-bench-")))
        configs.copy_baseline_docs(
            source=configs.ROOT / str(real["docs_dir"]),
            target=tmp / "docs",
            generated=configs.generated_pages(),
        )
        base_site = tmp / "baseline-site"
        base_site.mkdir()
        base_url = stack.enter_context(serve(base_site))
        base_config = configs.write_config(
            configs.baseline_config(real=real, docs_dir=tmp / "docs", site_url=base_url),
            tmp / "mkdocs.yml",
        )

        log(f"1/6 builds: {args.builds} strict builds each of the site and the stock baseline")
        timed = builds.median_builds(
            config_files={"site": configs.REAL_CONFIG, "baseline": base_config}, runs=args.builds
        )
        for name, key in (("site", "site_build"), ("baseline", "baseline_build")):
            results[f"{key}_seconds"] = builds.median_seconds(timed[name])
            results[f"{key}_cpu_seconds"] = builds.median_seconds(timed[name], cpu=True)
            results[f"{key}_runs"] = [round(t.seconds, 3) for t in timed[name]]
            failed = [t for t in timed[name] if not t.ok]
            if failed:
                results["errors"].append(f"{name} strict build failed: {failed[0].log[-1500:]}")
        site_ok = results["site_build_seconds"] is not None
        if site_ok:
            shares = []
            for number in range(args.engine_runs):
                try:
                    shares.append(
                        builds.engine_share(
                            config_file=configs.REAL_CONFIG, site_dir=tmp / f"engine-{number}"
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

        site_dir = tmp / "site"
        site_dir.mkdir()
        site_url = stack.enter_context(serve(site_dir))
        site_ok = site_ok and _build_for(
            site_dir, config_file=configs.REAL_CONFIG, url=site_url, results=results
        )
        base_ok = _build_for(base_site, config_file=base_config, url=base_url, results=results)
        pages = _pages(site_dir) if site_ok else {}
        base_pages = {"home": "", "article": ARTICLE} if base_ok else {}
        results["pages"] = pages

        log("2/6 weight: gzipped transfer per page (Chromium requests)")
        with chromium() as browser:
            results["transfer_gzip_bytes"] = {}
            results["transfer_detail"] = {}
            for name, path in pages.items():
                measured = weight.measure(
                    browser, url=site_url + path, site_dir=site_dir, site_url=site_url
                )
                results["transfer_gzip_bytes"][name] = measured.total_gzip_bytes
                results["transfer_detail"][name] = {
                    "by_type": measured.by_type,
                    "requests": measured.requests,
                }
            results["baseline_transfer_gzip_bytes"] = {}
            for name, path in base_pages.items():
                measured = weight.measure(
                    browser, url=base_url + path, site_dir=base_site, site_url=base_url
                )
                results["baseline_transfer_gzip_bytes"][name] = measured.total_gzip_bytes
            if site_ok:
                assets = weight.guide_assets(site_dir)
                results["guide_assets"] = assets
                results["guide_assets_gzip_bytes"] = sum(assets.values()) if assets else None

            log(f"3/6 guide steps: {args.steps} answers to a next question in Chromium")
            if "question" in pages:
                stepped = steps.measure(browser, start_url=site_url + "guide/", steps=args.steps)
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

        log(f"4/6 lighthouse: {args.lighthouse_runs} runs per page")
        results["lighthouse"], results["baseline_lighthouse"] = {}, {}
        results["lighthouse_seo_without_is_crawlable"] = {}
        results["lighthouse_failed_audits"] = {}
        if not lighthouse.available():
            results["errors"].append("lighthouse is not installed (bench/node_modules)")
        else:
            for prefix, where, url in (("", results, site_url), ("baseline_", results, base_url)):
                chosen = pages if not prefix else base_pages
                for name, path in chosen.items():
                    try:
                        summary = lighthouse.measure(
                            url + path,
                            runs=args.lighthouse_runs,
                            keep=args.output.parent / "lighthouse" / f"{prefix}{name}.json",
                        )
                    except RuntimeError as error:
                        results["errors"].append(str(error)[:800])
                        continue
                    where[f"{prefix}lighthouse"][name] = summary.scores
                    if not prefix:
                        results["lighthouse_seo_without_is_crawlable"][name] = (
                            summary.seo_without_crawlable
                        )
                        results["lighthouse_failed_audits"][name] = summary.failed_audits
                    log(f"  {prefix or 'site '}{name}: {summary.scores}")

    log("5/6 engine checks on a 10,000-node tree (and, beside them, its YAML load)")
    checked = scaling.engine_checks(nodes=args.check_nodes)
    # The measure is the check time alone; the load is reported beside it, not hidden.
    results["check_seconds_10k_nodes"] = checked.check_seconds
    results["check_load_seconds_10k_nodes"] = checked.load_seconds
    results["check_cpu_seconds_10k_nodes"] = checked.load_cpu_seconds + checked.check_cpu_seconds
    if checked.problems:
        results["errors"].append(f"the synthetic 10,000-node tree has {checked.problems} problems")

    log("6/6 scaling: stock Material over the synthetic 1,000-page site, for comparison")
    stock = scaling.stock(pages=1_000)
    results["scaling_stock"] = [stock.as_json()]
    log(f"  stock 1,000 pages: {stock.seconds:.1f} s" if stock.seconds else f"  {stock.note}")
    left = args.total_seconds - (time.monotonic() - started)
    scale_budget = max(args.min_scaling_seconds, left) if not args.full else 1e9
    log(f"  synthetic sites and trees ({scale_budget:.0f} s available)")
    results["scaling"] = [
        r.as_json() for r in scaling.measure(budget_seconds=scale_budget, log=log)
    ]
    results["machine"]["load_average_end"] = os.getloadavg()
    results["wall_seconds"] = round(time.monotonic() - started, 1)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m botb.bench", description=__doc__)
    parser.add_argument("--builds", type=int, default=5)
    parser.add_argument("--engine-runs", type=int, default=3)
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--steps", type=int, default=50)
    parser.add_argument("--min-scaling-seconds", type=float, default=60)
    parser.add_argument("--check-nodes", type=int, default=10_000, help="for quick trial runs")
    parser.add_argument("--total-seconds", type=float, default=TOTAL_BUDGET_SECONDS)
    parser.add_argument("--full", action="store_true", help="run every scaling size, however long")
    parser.add_argument("--output", type=Path, default=configs.ROOT / "build" / "bench.json")
    args = parser.parse_args(argv)
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
