from __future__ import annotations

import xml.etree.ElementTree as ET

from botb.guide.analysis import analyse
from botb.guide.diagram import render_svg
from botb.guide.model import Guide, Outcome, Question

from .helpers import build, valid_guide

SVG = "{http://www.w3.org/2000/svg}"


def _svg(guide: Guide) -> str:
    return render_svg(guide, order=analyse(guide).acyclic_order)


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_svg_is_labelled_for_assistive_tech() -> None:
    root = _parse(_svg(valid_guide()))
    assert root.get("role") == "img"
    ids = (root.get("aria-labelledby") or "").split()
    found = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert [found[i].tag for i in ids] == [f"{SVG}title", f"{SVG}desc"]
    assert "9 questions and 9 outcomes" in (found["botb-map-desc"].text or "")


def test_every_node_and_answer_is_drawn() -> None:
    guide = valid_guide()
    root = _parse(_svg(guide))
    groups = [g for g in root.iter(f"{SVG}g") if g.get("data-node")]
    assert {g.get("data-node") for g in groups} == set(guide.nodes)
    edges = list(root.iter(f"{SVG}line"))
    assert len(edges) == sum(len(q.options) for q in guide.questions())
    label_titles = {t.text for text in root.iter(f"{SVG}text") for t in text.iter(f"{SVG}title")}
    assert {o.label for q in guide.questions() for o in q.options} <= label_titles


def test_nodes_are_classed_by_kind_and_tier() -> None:
    guide = valid_guide()
    root = _parse(_svg(guide))
    classes = {
        g.get("data-node"): g.get("class") for g in root.iter(f"{SVG}g") if g.get("data-node")
    }
    for node in guide.nodes.values():
        if isinstance(node, Outcome):
            assert classes[node.id] == f"botb-map__node botb-map__node--{node.urgency.value}"
        elif isinstance(node, Question) and node.screening:
            assert classes[node.id] == "botb-map__node botb-map__node--screening"


def test_no_external_references_and_theme_aware_text() -> None:
    svg = _svg(valid_guide())
    assert "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in svg
    assert "<style" not in svg and "<script" not in svg
    assert "<image" not in svg
    assert "\n" not in svg
    root = _parse(svg)
    for text in root.iter(f"{SVG}text"):
        assert text.get("fill") == "currentColor"


def test_hostile_labels_are_escaped() -> None:
    spec: dict[str, list[str] | str] = {"a": ["b"], "b": "routine"}
    guide = build(spec, screening=frozenset({"a"}))
    import dataclasses

    question = guide.nodes["a"]
    assert isinstance(question, Question)
    evil = "<script>alert(1)</script>&"
    option = dataclasses.replace(question.options[0], label=evil)
    nodes = {**guide.nodes, "a": dataclasses.replace(question, text=evil, options=(option,))}
    svg = _svg(dataclasses.replace(guide, nodes=nodes))
    assert "<script>" not in svg
    root = _parse(svg)  # still well-formed XML
    assert any(evil in (t.text or "") for t in root.iter(f"{SVG}title"))


def test_sixty_nodes_stay_reasonable() -> None:
    spec: dict[str, list[str] | str] = {}
    for layer in range(6):
        for i in range(8):
            spec[f"n{layer}-{i}"] = [f"n{layer + 1}-{i}", f"n{layer + 1}-{(i + 3) % 8}"]
    for i in range(8):
        spec[f"n6-{i}"] = "routine"
    spec = {"start": [f"n0-{i}" for i in range(8)], **spec}
    guide = build(spec, screening=frozenset({"start"}))
    assert len(guide.nodes) >= 57
    root = _parse(_svg(guide))
    width, height = float(root.get("width") or 0), float(root.get("height") or 0)
    assert width < 2200 and height < 1400
