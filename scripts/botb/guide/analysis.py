"""The guide's graph facts, computed once per compile and handed to every stage that needs them.

The checks, the pages, guide.json, the diagram and the path book all read the same reach,
order, path statistics and per-outcome facts; working them out here, once, keeps a large
tree's build linear and keeps every stage agreeing on one order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from botb.guide import graph, paths
from botb.guide.model import Guide, Node
from botb.guide.paths import DEFAULT_CAP, AnswerPath, PathStats


@dataclass(frozen=True)
class Analysis:
    """Facts about one loaded guide. ``order`` is None when the reachable nodes loop, so a
    caller that needs it (everything after the checks) must run on a guide that passed them.

    Each derived fact is worked out on first use and then kept.
    """

    guide: Guide = field(repr=False)
    reached: tuple[str, ...]  # node ids reachable from start, breadth first, start first
    order: tuple[str, ...] | None  # a topological order of ``reached``

    @property
    def acyclic_order(self) -> tuple[str, ...]:
        """``order``, for the stages that run only on a guide that passed the checks."""
        if self.order is None:
            raise ValueError("this needs an acyclic guide; run the checks first")
        return self.order

    @cached_property
    def nodes(self) -> tuple[Node, ...]:
        """Start first, then breadth first, then anything unreachable: the stable order of
        pages and guide.json."""
        seen = set(self.reached)
        rest = [node_id for node_id in self.guide.nodes if node_id not in seen]
        return tuple(self.guide.nodes[node_id] for node_id in [*self.reached, *rest])

    @cached_property
    def stats(self) -> PathStats:
        return paths.path_stats(self.guide, self.acyclic_order)

    @cached_property
    def common_facts(self) -> dict[str, tuple[str, ...]]:
        """For each outcome, the facts every path to it states."""
        return paths.common_facts(self.guide, self.acyclic_order)

    @cached_property
    def some_facts(self) -> dict[str, frozenset[str]]:
        """For each outcome, the facts some path to it states."""
        return paths.reachable_facts(self.guide, self.acyclic_order)

    def paths(self, *, cap: int = DEFAULT_CAP) -> tuple[AnswerPath, ...]:
        """Every answer path; ``DiagnosticError`` when there are more than ``cap``."""
        paths.refuse_beyond_cap(self.guide, total=self.stats.paths, cap=cap)
        return self._listed

    @cached_property
    def _listed(self) -> tuple[AnswerPath, ...]:
        return tuple(paths.enumerate_paths(self.guide))


def analyse(guide: Guide) -> Analysis:
    reached = graph.reachable(guide)
    order = graph.topological_order(guide, reached)
    return Analysis(
        guide=guide, reached=tuple(reached), order=None if order is None else tuple(order)
    )
