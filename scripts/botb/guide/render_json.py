"""guide/guide.json for the interactive flow (contract: docs/CONTRACT.md), in a stable order."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from botb.guide.model import Guide, Node, Outcome
from botb.guide.render_pages import step_label
from botb.guide.urls import node_src, site_url


def guide_data(guide: Guide, *, nodes: Sequence[Node]) -> dict[str, Any]:
    """``nodes`` in page order (``Analysis.nodes``)."""
    found: dict[str, Any] = {}
    for node in nodes:
        url = site_url(node_src(node))
        if isinstance(node, Outcome):
            found[node.id] = {
                "type": "outcome",
                "url": url,
                "title": node.title,
                "urgency": node.urgency.value,
                "summary": node.summary,
                "approaches": [site_url(a.target) for a in node.approaches],
            }
            continue
        question: dict[str, Any] = {"type": "question", "url": url, "title": node.text}
        if node.hint:
            question["hint"] = node.hint
        question["screening"] = node.screening
        question["step"] = step_label(node)
        if node.items:
            question["items"] = list(node.items)
        if node.chain is not None:
            question["chain"] = {
                "group": node.chain.group,
                "item": node.chain.index + 1,
                "items": node.chain.total,
                "question": node.chain.question,
                "none": node.chain.none_label,
            }
            if node.chain.hint:
                question["chain"]["hint"] = node.chain.hint
        options = []
        for option in node.options:
            item: dict[str, Any] = {"label": option.label}
            if option.hint:
                item["hint"] = option.hint
            item["next"] = option.next
            if option.signs:
                item["signs"] = list(option.signs)
            if (floor := guide.floor(option)) is not None:
                item["floor"] = floor.value
            if option.fallback:
                item["fallback"] = True
            if option.fact:
                item["fact"] = option.fact
            options.append(item)
        question["options"] = options
        found[node.id] = question
    return {
        "signs": [
            {
                "id": sign.id,
                "text": sign.text,
                "tier": sign.tier.value,
                "sources": [source.key for source in sign.sources],
            }
            for sign in guide.signs.values()
        ],
        "title": guide.meta.title,
        "version": guide.meta.version,
        "reviewed": guide.meta.reviewed.isoformat(),
        "start": guide.meta.start,
        "nodes": found,
    }


def guide_json(guide: Guide, *, nodes: Sequence[Node]) -> str:
    # "<" escaped so the JSON is also safe if a page ever inlines it in a <script> element.
    text = json.dumps(guide_data(guide, nodes=nodes), indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c") + "\n"
