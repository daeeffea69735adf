"""Lighthouse 12 (npm, from tools/bench/node_modules) on Debian Chromium, mobile preset."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from tools.bench.configs import ROOT

LIGHTHOUSE = ROOT / "tools" / "bench" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
NOINDEX_AUDIT = "is-crawlable"


@dataclass(frozen=True)
class Run:
    scores: dict[str, float]  # category -> 0..100
    seo_without_crawlable: float  # SEO recomputed with is-crawlable left out
    failed_audits: dict[str, list[str]]  # category -> ids of audits scoring below 1


def available() -> bool:
    return LIGHTHOUSE.is_file()


def _score(value: float | None) -> float:
    return round((value or 0) * 100, 1)


def parse_report(report: dict[str, object]) -> Run:
    """Category scores, SEO without the crawlability audit, and the failing audits."""
    categories = report["categories"]
    audits = report["audits"]
    assert isinstance(categories, dict) and isinstance(audits, dict)
    scores = {name: _score(categories[name]["score"]) for name in CATEGORIES}
    failed: dict[str, list[str]] = {}
    for name in CATEGORIES:
        for ref in categories[name]["auditRefs"]:
            audit = audits.get(ref["id"], {})
            score = audit.get("score")
            if ref["weight"] > 0 and score is not None and score < 1:
                failed.setdefault(name, []).append(ref["id"])
    seo_refs = [
        ref
        for ref in categories["seo"]["auditRefs"]
        if ref["weight"] > 0
        and audits.get(ref["id"], {}).get("score") is not None
        and ref["id"] != NOINDEX_AUDIT
    ]
    weight = sum(ref["weight"] for ref in seo_refs)
    seo_without = (
        sum(ref["weight"] * audits[ref["id"]]["score"] for ref in seo_refs) / weight
        if weight
        else 0.0
    )
    return Run(
        scores=scores, seo_without_crawlable=round(seo_without * 100, 1), failed_audits=failed
    )


def run_once(url: str, *, keep: Path | None = None) -> Run:
    """One Lighthouse run; ``keep`` saves the full JSON report there for diagnosis."""
    with tempfile.TemporaryDirectory(prefix="botb-bench-lh-") as tmp:
        out = Path(tmp) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            "--disable-full-page-screenshot",
            "--chrome-flags=--headless=new --no-sandbox",
            f"--only-categories={','.join(CATEGORIES)}",
        ]
        env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
        done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if not out.is_file():
            raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-500:]}")
        text = out.read_text(encoding="utf-8")
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.write_text(text, encoding="utf-8")
        return parse_report(json.loads(text))


@dataclass(frozen=True)
class Summary:
    scores: dict[str, float]  # median per category
    seo_without_crawlable: float
    failed_audits: dict[str, list[str]]  # union over runs
    runs: int


def summarise(runs: list[Run]) -> Summary:
    scores = {name: statistics.median(run.scores[name] for run in runs) for name in CATEGORIES}
    failed: dict[str, list[str]] = {}
    for run in runs:
        for name, ids in run.failed_audits.items():
            for audit in ids:
                if audit not in failed.setdefault(name, []):
                    failed[name].append(audit)
    return Summary(
        scores=scores,
        seo_without_crawlable=statistics.median(run.seo_without_crawlable for run in runs),
        failed_audits=failed,
        runs=len(runs),
    )


def measure(url: str, *, runs: int = 3, keep: Path | None = None) -> Summary:
    """Median of ``runs``; ``keep`` (a file path) keeps the last run's report."""
    return summarise([run_once(url, keep=keep if run == runs - 1 else None) for run in range(runs)])
