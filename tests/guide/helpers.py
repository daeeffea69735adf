"""Shared test data for the guide engine: the valid fixture tree and ways to break it."""

from __future__ import annotations

import shutil
from pathlib import Path

from botb.diagnostics import DiagnosticError
from botb.guide.compile import CompiledGuide, compile_guide, docs_markdown
from botb.guide.loader import load_guide
from botb.guide.model import Guide

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
VALID = FIXTURES / "guide" / "valid"
DOCS = FIXTURES / "docs"
SCREENING = "00-screening.yml"
SYMPTOMS = "10-symptoms.yml"
SOURCE_KEYS = frozenset({"nice-ng59", "finucane-2020", "hayden-2021", "hancock-2007"})
SITE_URL = "https://example.org/back-on-the-bike/"

Edit = tuple[str, str, str]  # (file name, old text, new text); old "" appends new


def write_tree(tmp_path: Path, edits: tuple[Edit, ...] = ()) -> Path:
    """Copy the valid fixture into ``tmp_path/guide`` and apply each edit exactly once."""
    guide_dir = tmp_path / "guide"
    shutil.copytree(VALID, guide_dir)
    for name, old, new in edits:
        path = guide_dir / name
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if not old:
            path.write_text(text + new, encoding="utf-8")
            continue
        assert text.count(old) >= 1, f"edit target not found in {name}: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return guide_dir


def compile_tree(guide_dir: Path, *, root: Path) -> CompiledGuide | None:
    markdown = docs_markdown(DOCS)
    return compile_guide(
        guide_dir=guide_dir,
        root=root,
        docs_pages=frozenset(markdown),
        docs_markdown=markdown,
        source_keys=SOURCE_KEYS,
        site_url=SITE_URL,
    )


def problems(tmp_path: Path, edits: tuple[Edit, ...]) -> list[str]:
    """Every diagnostic, as ``file:line:column: message``, of the fixture with ``edits``."""
    guide_dir = write_tree(tmp_path, edits)
    try:
        compile_tree(guide_dir, root=tmp_path)
    except DiagnosticError as error:
        return [str(d) for d in error.diagnostics]
    return []


def valid_guide() -> Guide:
    guide = load_guide(VALID, root=FIXTURES.parent.parent)
    assert guide is not None
    return guide


def follow(guide: Guide, labels: list[str]) -> str:
    """The node reached from the start by choosing the options with these labels, in order."""
    node_id = guide.meta.start
    for label in labels:
        node = guide.nodes[node_id]
        assert not hasattr(node, "urgency"), f"{node_id} is an outcome; no more answers"
        matches = [o for o in node.options if o.label == label]  # type: ignore[union-attr]
        assert matches, f"{node_id} has no answer {label!r}"
        node_id = matches[0].next
    return node_id


def build(
    spec: dict[str, list[str] | str], *, screening: frozenset[str] = frozenset(), start: str = ""
) -> Guide:
    """A guide from a compact spec: question id -> list of next ids; outcome id -> urgency."""
    import datetime as dt

    from botb.diagnostics import Location
    from botb.guide.model import Meta, Node, Option, Outcome, Question, Urgency

    here = Location("spec.yml")
    nodes: dict[str, Node] = {}
    for index, (node_id, body) in enumerate(spec.items(), start=1):
        where = Location("spec.yml", index, 3)
        if isinstance(body, str):
            nodes[node_id] = Outcome(
                id=node_id,
                urgency=Urgency(body),
                title=f"Outcome {node_id}",
                summary="Summary.",
                why="Why.",
                steps=("Do this first.", "Then this.")
                if body not in ("emergency", "urgent")
                else (),
                wait="Keep riding gently." if body not in ("emergency", "urgent") else None,
                approaches=(),
                notes=(),
                ask=(),
                safety_net=("Get help if worse.",) if body != "emergency" else (),
                sources=(),
                reviewed=dt.date(2026, 11, 27),
                location=where,
            )
            continue
        options = tuple(
            Option(
                label=f"to {target}",
                hint=None,
                next=target,
                location=where,
                next_location=where,
                fallback=position == len(body) - 1,
            )
            for position, target in enumerate(body)
        )
        nodes[node_id] = Question(
            id=node_id,
            text=f"Question {node_id}?",
            hint=None,
            screening=node_id in screening,
            options=options,
            location=where,
        )
    meta = Meta(
        title="Spec",
        version="2026.11.1",
        reviewed=dt.date(2026, 11, 27),
        start=start or next(iter(spec)),
        minutes=1,
        intro="Intro.",
        location=here,
        start_location=here,
        scope="Scope.",
        crisis="Crisis.",
        signs_intro="Signs.",
        sooner="Sooner.",
        review_status="Checked.",
    )
    return Guide(meta=meta, nodes=nodes)
