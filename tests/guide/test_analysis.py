from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from botb.diagnostics import DiagnosticError
from botb.guide import graph, paths
from botb.guide.analysis import analyse
from botb.guide.model import Outcome

from .helpers import VALID, build, compile_tree, valid_guide


def _counting(monkeypatch: pytest.MonkeyPatch, calls: Counter[str]) -> None:
    """Count every traversal a compile makes, wherever it is called from."""

    def wrap(module: Any, name: str) -> None:
        inner: Callable[..., Any] = getattr(module, name)

        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return inner(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)

    for name in ("reachable", "topological_order"):
        wrap(graph, name)
    for name in (
        "question_histograms",
        "common_facts",
        "reachable_facts",
        "enumerate_paths",
    ):
        wrap(paths, name)


def test_a_compile_works_out_each_graph_fact_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: Counter[str] = Counter()
    _counting(monkeypatch, calls)
    result = compile_tree(VALID, root=Path.cwd())
    assert result is not None
    assert calls == Counter(
        reachable=1,
        topological_order=1,
        question_histograms=1,
        common_facts=1,
        reachable_facts=1,
        enumerate_paths=1,
    )


def test_nodes_put_start_first_then_breadth_first_then_the_unreachable() -> None:
    guide = build(
        {"q1": ["r", "q2"], "q2": ["s", "r"], "r": "routine", "s": "self-care", "lost": "routine"}
    )
    found = analyse(guide)
    assert found.reached == ("q1", "r", "q2", "s")
    assert [node.id for node in found.nodes] == ["q1", "r", "q2", "s", "lost"]


def test_order_puts_every_node_before_the_nodes_it_leads_to() -> None:
    guide = valid_guide()
    order = analyse(guide).acyclic_order
    position = {node_id: index for index, node_id in enumerate(order)}
    for node_id in order:
        for target in guide.nodes[node_id].successors:
            assert position[node_id] < position[target]


def test_a_loop_leaves_no_order_and_the_later_stages_refuse() -> None:
    guide = build({"q1": ["q2", "r"], "q2": ["q1", "r"], "r": "routine"})
    found = analyse(guide)
    assert found.order is None
    with pytest.raises(ValueError, match="acyclic"):
        _ = found.stats


def test_facts_are_kept_for_every_outcome() -> None:
    found = analyse(valid_guide())
    outcomes = {node.id for node in found.nodes if isinstance(node, Outcome)}
    assert set(found.common_facts) == outcomes == set(found.some_facts)
    for node_id, common in found.common_facts.items():
        assert set(common) <= found.some_facts[node_id]


def test_paths_are_listed_once_and_the_cap_still_applies() -> None:
    found = analyse(valid_guide())
    first = found.paths()
    assert found.paths() is first
    assert len(first) == found.stats.paths
    with pytest.raises(DiagnosticError):
        found.paths(cap=len(first) - 1)
