"""Traversals over the guide's node graph, each linear in nodes + edges.

Edges whose target does not exist are skipped here; ``checks`` reports them.
"""

from __future__ import annotations

from collections import deque

from botb.guide.model import Guide, Option, Question


def successors(guide: Guide, node_id: str) -> list[str]:
    nodes = guide.nodes
    node = nodes.get(node_id)
    if node is None:
        return []
    return [target for target in node.successors if target in nodes]


def reachable(guide: Guide) -> list[str]:
    """Node ids reachable from start, breadth first in option order (start first)."""
    start = guide.meta.start
    if start not in guide.nodes:
        return []
    seen = {start}
    order = [start]
    queue = deque([start])
    while queue:
        for target in successors(guide, queue.popleft()):
            if target not in seen:
                seen.add(target)
                order.append(target)
                queue.append(target)
    return order


def topological_order(guide: Guide, node_ids: list[str]) -> list[str] | None:
    """Kahn's algorithm over ``node_ids``; None when they contain a cycle."""
    indegree = dict.fromkeys(node_ids, 0)
    targets = {node_id: successors(guide, node_id) for node_id in node_ids}
    for node_id in node_ids:
        for target in targets[node_id]:
            if target in indegree:
                indegree[target] += 1
    queue = deque(node_id for node_id in node_ids if indegree[node_id] == 0)
    order: list[str] = []
    while queue:
        node_id = queue.popleft()
        order.append(node_id)
        for target in targets[node_id]:
            if target in indegree:
                indegree[target] -= 1
                if indegree[target] == 0:
                    queue.append(target)
    return order if len(order) == len(node_ids) else None


def back_edges(guide: Guide) -> list[tuple[Question, Option, list[str]]]:
    """Each option that closes a loop, with the loop's node ids (iterative DFS, no recursion)."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(guide.nodes, white)
    found: list[tuple[Question, Option, list[str]]] = []
    for root in guide.nodes:
        if colour[root] != white:
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        trail: list[str] = [root]
        colour[root] = grey
        while stack:
            node_id, index = stack[-1]
            node = guide.nodes[node_id]
            options = node.options if isinstance(node, Question) else ()
            if index >= len(options):
                colour[node_id] = black
                stack.pop()
                trail.pop()
                continue
            stack[-1] = (node_id, index + 1)
            option = options[index]
            if option.next not in guide.nodes:
                continue
            if colour[option.next] == grey:
                assert isinstance(node, Question)
                loop = [*trail[trail.index(option.next) :], option.next]
                found.append((node, option, loop))
            elif colour[option.next] == white:
                colour[option.next] = grey
                stack.append((option.next, 0))
                trail.append(option.next)
    return found


def shortest_path(
    guide: Guide, *, target: str, avoid: str | None = None, start: str | None = None
) -> list[str] | None:
    """Node ids of a shortest path from ``start`` (the guide's start when None) to
    ``target`` that never visits ``avoid``."""
    start = guide.meta.start if start is None else start
    if start == avoid or start not in guide.nodes:
        return None
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node_id = queue.popleft()
        if node_id == target:
            path = [node_id]
            while (previous := parent[path[-1]]) is not None:
                path.append(previous)
            return path[::-1]
        for nxt in successors(guide, node_id):
            if nxt != avoid and nxt not in parent:
                parent[nxt] = node_id
                queue.append(nxt)
    return None


def shortest_path_via(guide: Guide, *, question: str, target: str) -> list[str] | None:
    """Node ids of a shortest path from start through ``question`` to ``target``."""
    first = shortest_path(guide, target=question, avoid=target)
    rest = shortest_path(guide, target=target, start=question)
    if first is None or rest is None:
        return None
    return first[:-1] + rest
