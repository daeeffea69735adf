"""The synthetic scaling inputs are valid: the engine and the content checks accept them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from botb.content.site import load_site_content
from botb.guide.checks import check_guide
from botb.guide.loader import load_guide
from botb.guide.model import Outcome, Question
from tools.bench import configs, synthetic


@pytest.mark.parametrize("nodes", [synthetic.MIN_NODES, 100, 1_000, 10_000])
def test_tree_shape_adds_up_to_the_requested_node_count(nodes: int) -> None:
    assert synthetic.tree_shape(nodes).nodes == nodes


@pytest.mark.parametrize("nodes", [0, 5, 10, synthetic.MIN_NODES - 1])
def test_tree_shape_refuses_trees_too_small_for_the_layers(nodes: int) -> None:
    with pytest.raises(ValueError):
        synthetic.tree_shape(nodes)


@pytest.mark.parametrize("nodes", [synthetic.MIN_NODES, 100, 1_000])
def test_generated_tree_passes_every_engine_check(tmp_path: Path, nodes: int) -> None:
    plan = synthetic.site_plan(20)
    configs.write_files(synthetic.tree_files(nodes, pages=plan.pages), tmp_path / "guide")
    guide = load_guide(tmp_path / "guide", root=tmp_path)
    assert guide is not None
    assert len(guide.nodes) == nodes
    problems = check_guide(
        guide, docs_pages=frozenset(plan.pages), source_keys=frozenset(synthetic.SOURCE_KEYS)
    )
    assert problems == []


def test_generated_tree_screens_first_then_asks_layered_questions(tmp_path: Path) -> None:
    plan = synthetic.site_plan(5)
    configs.write_files(synthetic.tree_files(100, pages=plan.pages), tmp_path / "guide")
    guide = load_guide(tmp_path / "guide", root=tmp_path)
    assert guide is not None
    start = guide.nodes[guide.meta.start]
    assert isinstance(start, Question) and start.screening
    screening = [q for q in guide.questions() if q.screening]
    assert len(screening) == synthetic.SCREENING
    outcomes = [node for node in guide.nodes.values() if isinstance(node, Outcome)]
    assert all(o.safety_net for o in outcomes if o.urgency.value != "emergency")


@pytest.mark.parametrize(("pages", "sections"), [(1, 1), (25, 1), (26, 2), (100, 4), (1_000, 40)])
def test_site_plan_splits_pages_into_sections(pages: int, sections: int) -> None:
    plan = synthetic.site_plan(pages)
    assert len(plan.pages) == pages
    assert len(plan.sections) == sections
    assert len(set(plan.pages)) == pages


@pytest.mark.parametrize("pages", [1, 30])
def test_generated_site_passes_the_content_checks(tmp_path: Path, pages: int) -> None:
    plan = synthetic.site_plan(pages)
    configs.write_files(synthetic.site_files(plan), tmp_path)
    content = load_site_content(
        tmp_path,
        bibliography_path=tmp_path / "_data" / "bibliography.yml",
        root=tmp_path,
        today=dt.date(2026, 11, 27),
    )
    assert set(plan.pages) <= set(content.pages)


def test_nav_lists_every_generated_page_once() -> None:
    plan = synthetic.site_plan(60)
    listed: list[str] = []

    def walk(items: object) -> None:
        if isinstance(items, list):
            for item in items:
                walk(item)
        elif isinstance(items, dict):
            for value in items.values():
                walk(value)
        elif isinstance(items, str):
            listed.append(items)

    walk(synthetic.site_nav(plan))
    assert sorted(p for p in listed if p.startswith("s")) == sorted(plan.pages)
