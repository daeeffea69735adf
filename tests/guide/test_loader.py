from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from botb.diagnostics import DiagnosticError
from botb.guide.loader import guide_files, load_guide
from botb.guide.model import Outcome, Question, Urgency

from .helpers import SYMPTOMS, VALID, valid_guide, write_tree


def test_merges_files_in_sorted_order_keeping_node_order() -> None:
    guide = valid_guide()
    ids = list(guide.nodes)
    assert ids[:3] == ["saddle-and-bladder", "leg-weakness", "fever-or-injury"]
    assert ids.index("urgent-unwell") < ids.index("leg-pain")
    assert len(guide.questions()) == 9
    assert len(guide.outcomes()) == 9


def test_meta_is_read() -> None:
    meta = valid_guide().meta
    assert meta.start == "saddle-and-bladder"
    assert meta.version == "2026.11.1"
    assert meta.reviewed == dt.date(2026, 11, 27)
    assert meta.minutes == 3
    assert "**low back pain**" in meta.intro


def test_nodes_keep_their_locations() -> None:
    guide = valid_guide()
    question = guide.nodes["leg-pain"]
    assert isinstance(question, Question)
    assert str(question.location) == "tests/fixtures/guide/valid/10-symptoms.yml:3:3"
    assert str(question.options[1].location) == "tests/fixtures/guide/valid/10-symptoms.yml:9:9"
    assert str(question.options[1].next_location).endswith("10-symptoms.yml:11:15")


def test_outcome_fields() -> None:
    outcome = valid_guide().nodes["routine-bike-fit"]
    assert isinstance(outcome, Outcome)
    assert outcome.urgency is Urgency.ROUTINE
    assert outcome.approaches[0].page == "approaches/bike-fit.md"
    assert outcome.approaches[0].anchor == "saddle-height"
    assert [s.key for s in outcome.sources] == ["hayden-2021", "nice-ng59"]
    assert outcome.safety_net


def test_plain_text_is_one_line(tmp_path: Path) -> None:
    old = "    text: Does pain spread below your knee?"
    new = "    text: |\n      Does pain spread\n      below your knee?"
    guide = load_guide(write_tree(tmp_path, ((SYMPTOMS, old, new),)), root=tmp_path)
    assert guide is not None
    assert guide.nodes["leg-pain"].text == "Does pain spread below your knee?"  # type: ignore[union-attr]


def test_no_yaml_means_no_guide(tmp_path: Path) -> None:
    assert load_guide(tmp_path, root=tmp_path) is None
    assert load_guide(tmp_path / "missing", root=tmp_path) is None


def test_yaml_and_yml_files_are_read_sorted(tmp_path: Path) -> None:
    for name in ["b.yaml", "a.yml", "c.txt", "README.md"]:
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in guide_files(tmp_path)] == ["a.yml", "b.yaml"]


def test_errors_in_several_files_are_raised_together(tmp_path: Path) -> None:
    guide_dir = write_tree(tmp_path)
    (guide_dir / "20-a.yml").write_text("nodes: [\n", encoding="utf-8")
    (guide_dir / "30-b.yml").write_text("nodes:\n  x:\n    type: outcome\n", encoding="utf-8")
    with pytest.raises(DiagnosticError) as caught:
        load_guide(guide_dir, root=tmp_path)
    shown = [str(d.location.path) for d in caught.value.diagnostics]
    assert "guide/20-a.yml" in shown
    assert "guide/30-b.yml" in shown


def test_the_fixture_is_the_valid_tree() -> None:
    assert sorted(p.name for p in guide_files(VALID)) == ["00-screening.yml", "10-symptoms.yml"]
