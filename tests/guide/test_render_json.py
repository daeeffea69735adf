from __future__ import annotations

import json

from botb.guide.analysis import analyse
from botb.guide.model import Guide
from botb.guide.render_json import guide_data
from botb.guide.render_json import guide_json as render_guide_json

from .helpers import valid_guide
from .test_render_pages import golden


def guide_json(guide: Guide) -> str:
    return render_guide_json(guide, nodes=analyse(guide).nodes)


def test_golden_json() -> None:
    golden("guide.json", guide_json(valid_guide()))


def test_contract() -> None:
    data = json.loads(guide_json(valid_guide()))
    assert list(data) == ["signs", "title", "version", "reviewed", "start", "nodes"]
    for sign in data["signs"]:
        assert list(sign) == ["id", "text", "tier", "sources"]
        assert sign["tier"] in {"emergency", "urgent", "soon"}
    for node in data["nodes"].values():
        if node["type"] == "question":
            assert any(option.get("fallback") is True for option in node["options"])
    assert data["reviewed"] == "2026-11-27"
    ids = list(data["nodes"])
    assert ids[0] == data["start"] == "saddle-and-bladder"
    assert ids[1:3] == ["emergency-cauda-equina", "leg-weakness"]  # breadth first
    question = data["nodes"]["bike-position"]
    assert question == {
        "type": "question",
        "url": "guide/q/bike-position/",
        "title": "When on the bike does it hurt?",
        "screening": False,
        "step": "Question about your symptoms",
        "options": [
            {"label": "Seated on long climbs", "next": "routine-bike-fit"},
            {
                "label": "On the drops",
                "hint": "The lower part of curved handlebars.",
                "next": "routine-bike-fit",
            },
            {"label": "Out of the saddle", "next": "training-load", "fallback": True},
        ],
    }
    outcome = data["nodes"]["routine-bike-fit"]
    assert outcome["url"] == "guide/o/routine-bike-fit/"
    assert outcome["urgency"] == "routine"
    assert outcome["approaches"] == [
        "approaches/bike-fit/#saddle-height",
        "approaches/strength-training/",
    ]


def test_no_raw_angle_bracket_in_json() -> None:
    guide = valid_guide()
    text = guide_json(guide)
    assert "<" not in text
    assert json.loads(text) == guide_data(guide, nodes=analyse(guide).nodes)
