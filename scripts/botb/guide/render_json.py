"""guide/guide.json for the interactive flow (fields: docs/CONTRACT.md), in a stable order."""

from __future__ import annotations

import json
from typing import Any

from botb.guide.model import Guide, Outcome
from botb.guide.render_pages import node_order, step_label
from botb.guide.urls import node_src, site_url


def guide_data(guide: Guide) -> dict[str, Any]:
    nodes: dict[str, Any] = {}
    for node in node_order(guide):
        url = site_url(node_src(node))
        if isinstance(node, Outcome):
            nodes[node.id] = {
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
        options = []
        for option in node.options:
            item = {"label": option.label}
            if option.hint:
                item["hint"] = option.hint
            item["next"] = option.next
            options.append(item)
        question["options"] = options
        nodes[node.id] = question
    return {
        "title": guide.meta.title,
        "version": guide.meta.version,
        "reviewed": guide.meta.reviewed.isoformat(),
        "start": guide.meta.start,
        "nodes": nodes,
    }


def guide_json(guide: Guide) -> str:
    # "<" escaped so the JSON is also safe if a page ever inlines it in a <script> element.
    text = json.dumps(guide_data(guide), indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c") + "\n"
