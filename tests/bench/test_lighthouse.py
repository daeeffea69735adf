"""Reading a Lighthouse JSON report: scores, failing audits, SEO without is-crawlable."""

from __future__ import annotations

from typing import Any

from tools.bench.lighthouse import parse_report, summarise


def report(*, crawlable: float, perf: float = 0.99) -> dict[str, Any]:
    def category(score: float, refs: list[tuple[str, float]]) -> dict[str, Any]:
        return {"score": score, "auditRefs": [{"id": i, "weight": w} for i, w in refs]}

    seo_refs = [("is-crawlable", 4.0), ("document-title", 1.0), ("meta-description", 1.0)]
    seo = (crawlable * 4 + 2) / 6
    return {
        "categories": {
            "performance": category(perf, [("largest-contentful-paint", 25.0)]),
            "accessibility": category(1.0, [("color-contrast", 7.0)]),
            "best-practices": category(1.0, [("errors-in-console", 1.0)]),
            "seo": category(seo, seo_refs),
        },
        "audits": {
            "largest-contentful-paint": {"score": perf},
            "color-contrast": {"score": 1},
            "errors-in-console": {"score": 1},
            "is-crawlable": {"score": crawlable},
            "document-title": {"score": 1},
            "meta-description": {"score": 1},
        },
    }


def test_noindex_page_scores_full_seo_without_the_crawlable_audit() -> None:
    run = parse_report(report(crawlable=0))
    assert run.scores["seo"] == 33.3
    assert run.seo_without_crawlable == 100
    assert run.failed_audits == {
        "performance": ["largest-contentful-paint"],
        "seo": ["is-crawlable"],
    }


def test_indexable_page_has_no_failing_seo_audit() -> None:
    run = parse_report(report(crawlable=1, perf=1))
    assert run.scores == {
        "performance": 100,
        "accessibility": 100,
        "best-practices": 100,
        "seo": 100,
    }
    assert run.failed_audits == {}


def test_summary_takes_the_median_of_runs() -> None:
    runs = [parse_report(report(crawlable=1, perf=p)) for p in (0.90, 0.99, 0.95)]
    assert summarise(runs).scores["performance"] == 95
