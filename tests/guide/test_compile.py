from __future__ import annotations

from pathlib import Path

import pytest

from botb.diagnostics import DiagnosticError
from botb.guide.analysis import analyse
from botb.guide.compile import compile_guide, outcomes_by_page, page_title

from .helpers import DOCS, VALID, compile_tree, valid_guide, write_tree


def test_no_yaml_compiles_to_none(tmp_path: Path) -> None:
    assert compile_guide(guide_dir=tmp_path, root=tmp_path, docs_pages=None) is None


def test_compiles_fixture() -> None:
    result = compile_tree(VALID, root=Path.cwd())
    assert result is not None
    assert result.stats.paths == 30
    assert result.json_text.startswith("{")
    assert result.path_book.startswith("Path book: ")


def test_outcomes_by_page() -> None:
    found = outcomes_by_page(analyse(valid_guide()).nodes)
    assert found["approaches/bike-fit.md"] == [
        ("Pain linked to your position on the bike", "guide/o/routine-bike-fit.md", "routine"),
        ("Back pain that is slow to settle", "guide/o/routine-persistent.md", "routine"),
    ]
    assert "approaches/bike-fit.md#saddle-height" not in found
    assert len(found["approaches/strength-training.md"]) == 4


def test_approach_link_text_is_the_page_title() -> None:
    result = compile_tree(VALID, root=Path.cwd())
    assert result is not None
    page = result.pages["guide/o/soon-leg-pain.md"]
    assert "[Pain education and psychological approaches](../../approaches/" in page


def test_page_title() -> None:
    assert page_title((DOCS / "approaches" / "bike-fit.md").read_text()) == "Bike fit"
    assert page_title("# No front matter") is None
    assert page_title("---\ntitle: [broken\n---\n") is None


def test_docs_page_under_guide_clashes(tmp_path: Path) -> None:
    guide_dir = write_tree(tmp_path)
    with pytest.raises(DiagnosticError) as caught:
        compile_guide(
            guide_dir=guide_dir,
            root=tmp_path,
            docs_pages=frozenset({"guide/index.md", "approaches/bike-fit.md"}),
            source_keys=None,
        )
    assert "docs page 'guide/index.md' clashes with the generated guide pages" in str(caught.value)
