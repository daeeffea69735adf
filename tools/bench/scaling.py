"""Scaling: synthetic sites and guide trees built with the project's config and plugin.

Sizes run smallest first. Before each build the time is projected from the last measured
time per page; a size whose projection would overrun the time left is recorded as skipped
(with the projection) instead of blowing the 10-minute budget of ``make bench``.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from botb.guide.checks import check_guide
from botb.guide.loader import load_guide
from tools.bench import configs, synthetic
from tools.bench.builds import timed_build

SITE_SIZES = (100, 1_000, 3_000)
TREE_SIZES = (100, 1_000, 10_000)
TREE_SITE_PAGES = 20  # content pages beside a synthetic tree, so the tree dominates
GENERATED_EXTRA = 4  # guide start, outline, map and paths pages
SITE_EXTRA = 4  # home, urgent help, compare, references


@dataclass(frozen=True)
class ScalingRun:
    pages: int  # generated content pages
    nodes: int  # guide nodes
    built_pages: int  # HTML pages MkDocs wrote (content + guide)
    seconds: float | None  # None when skipped or failed
    ms_per_page: float | None
    note: str = ""

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def _built_pages(*, pages: int, nodes: int) -> int:
    return pages + SITE_EXTRA + nodes + GENERATED_EXTRA


def _prepare(root: Path, *, pages: int, nodes: int) -> Path:
    plan = synthetic.site_plan(pages)
    docs, guide = root / "docs", root / "guide"
    configs.write_files(synthetic.site_files(plan), docs)
    configs.write_files(synthetic.tree_files(nodes, pages=plan.pages), guide)
    config = configs.project_config(
        real=configs.read_config(),
        docs_dir=docs,
        guide_dir=guide,
        nav=synthetic.site_nav(plan),
        site_url="http://127.0.0.1:8000/back-on-the-bike/",
    )
    return configs.write_config(config, root / "mkdocs.yml")


def plan_runs() -> list[tuple[int, int]]:
    """(pages, nodes) per run: page scaling with a small tree, then tree scaling."""
    small_tree = TREE_SIZES[0]
    runs = [(pages, small_tree) for pages in SITE_SIZES]
    runs += [(TREE_SITE_PAGES, nodes) for nodes in TREE_SIZES]
    return sorted(runs, key=lambda run: _built_pages(pages=run[0], nodes=run[1]))


def site(*, pages: int, nodes: int = TREE_SIZES[0]) -> ScalingRun:
    """One strict build of the synthetic site with the project's config and plugin."""
    built = _built_pages(pages=pages, nodes=nodes)
    with tempfile.TemporaryDirectory(prefix="botb-bench-scale-") as tmp:
        config = _prepare(Path(tmp), pages=pages, nodes=nodes)
        timed = timed_build(config_file=config, site_dir=Path(tmp) / "site")
    if not timed.ok:
        note = "build failed: " + (timed.log.splitlines() or ["?"])[-1][:200]
        return ScalingRun(pages, nodes, built, None, None, note)
    return ScalingRun(pages, nodes, built, timed.seconds, timed.seconds / built * 1000, "")


def measure(
    *,
    budget_seconds: float,
    log: Callable[[str], None] = print,
    runs: list[tuple[int, int]] | None = None,
    per_page: float | None = None,
) -> list[ScalingRun]:
    """``runs`` (default: every planned size), skipping those projected past the budget;
    ``per_page`` is a known seconds-per-page to project the first run with."""
    results: list[ScalingRun] = []
    deadline = time.monotonic() + budget_seconds
    for pages, nodes in plan_runs() if runs is None else runs:
        built = _built_pages(pages=pages, nodes=nodes)
        left = deadline - time.monotonic()
        if per_page is not None and per_page * built > left:
            note = f"skipped: projected {per_page * built:.0f} s, {max(left, 0):.0f} s left"
            results.append(ScalingRun(pages, nodes, built, None, None, note))
            log(f"  scaling {pages} pages / {nodes} nodes: {note}")
            continue
        run = site(pages=pages, nodes=nodes)
        results.append(run)
        if run.seconds is None:
            log(f"  scaling {pages} pages / {nodes} nodes: {run.note}")
            continue
        per_page = run.seconds / built
        log(f"  scaling {pages} pages / {nodes} nodes: {run.seconds:.1f} s")
    return results


def stock(*, pages: int = 1_000, nodes: int = TREE_SIZES[0]) -> ScalingRun:
    """Stock Material over the same synthetic Markdown as the (pages, nodes) run, side by side:
    the guide's generated pages as plain files, Material's own templates, the same theme
    features (navigation.prune among them), no overrides and no botb plugin."""
    built = _built_pages(pages=pages, nodes=nodes)
    with tempfile.TemporaryDirectory(prefix="botb-bench-stock-") as tmp:
        root = Path(tmp)
        final = configs.final_pages(_prepare(root, pages=pages, nodes=nodes))
        docs = root / "stock-docs"
        configs.copy_baseline_docs(source=root / "docs", target=docs, pages=final)
        real = configs.read_config()
        plan = synthetic.site_plan(pages)
        config = configs.baseline_config(
            real={**real, "nav": synthetic.site_nav(plan)},
            docs_dir=docs,
            site_url="http://127.0.0.1:8000/back-on-the-bike/",
        )
        timed = timed_build(
            config_file=configs.write_config(config, root / "stock.yml"),
            site_dir=root / "stock-site",
        )
    if not timed.ok:
        note = "build failed: " + (timed.log.splitlines() or ["?"])[-1][:200]
        return ScalingRun(pages, nodes, built, None, None, note)
    return ScalingRun(pages, nodes, built, timed.seconds, timed.seconds / built * 1000, "")


@dataclass(frozen=True)
class CheckTiming:
    nodes: int
    load_seconds: float
    check_seconds: float
    load_cpu_seconds: float
    check_cpu_seconds: float
    problems: int

    @property
    def total_seconds(self) -> float:
        return self.load_seconds + self.check_seconds


def engine_checks(*, nodes: int = 10_000, runs: int = 3, max_seconds: float = 10) -> CheckTiming:
    """Engine load + checks (no rendering) on a synthetic tree; medians of up to ``runs``
    (fewer once ``max_seconds`` is spent: one slow run already answers the budget)."""
    plan = synthetic.site_plan(TREE_SITE_PAGES)
    loads: list[tuple[float, float]] = []
    checks: list[tuple[float, float]] = []
    problems = 0
    with tempfile.TemporaryDirectory(prefix="botb-bench-check-") as tmp:
        root = Path(tmp)
        configs.write_files(synthetic.tree_files(nodes, pages=plan.pages), root / "guide")
        for _ in range(runs):
            wall, cpu = time.perf_counter(), time.process_time()
            guide = load_guide(root / "guide", root=root)
            loads.append((time.perf_counter() - wall, time.process_time() - cpu))
            assert guide is not None
            wall, cpu = time.perf_counter(), time.process_time()
            found = check_guide(
                guide,
                docs_pages=frozenset(plan.pages),
                source_keys=frozenset(synthetic.SOURCE_KEYS),
            )
            checks.append((time.perf_counter() - wall, time.process_time() - cpu))
            problems = len(found)
            if sum(w for w, _ in loads) + sum(w for w, _ in checks) > max_seconds:
                break
    return CheckTiming(
        nodes=nodes,
        load_seconds=statistics.median(w for w, _ in loads),
        check_seconds=statistics.median(w for w, _ in checks),
        load_cpu_seconds=statistics.median(c for _, c in loads),
        check_cpu_seconds=statistics.median(c for _, c in checks),
        problems=problems,
    )
