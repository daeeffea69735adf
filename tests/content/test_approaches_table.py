"""The comparison table on approaches/index.md."""

from __future__ import annotations

from botb.content.approaches_table import render_approaches_table
from botb.content.frontmatter import PageMeta, page_kind


def meta(
    path: str, title: str, evidence: str | None, description: str = "Does things."
) -> PageMeta:
    return PageMeta(
        path=path, kind=page_kind(path), title=title, description=description, evidence=evidence
    )


def rows(table: str) -> list[str]:
    return table.splitlines()[2:]


def test_table_has_a_header_linking_the_grading() -> None:
    table = render_approaches_table(
        [meta("approaches/yoga.md", "Yoga", "low")], page_path="approaches/index.md"
    )
    header = table.splitlines()[0]
    assert header == (
        "| Approach | What it involves | [Evidence](../about/index.md#how-we-grade-evidence) "
        "| What the grade is about |"
    )
    assert rows(table) == ["| [Yoga](yoga.md) | Does things\\. | Low certainty |  |"]


def test_rows_run_from_most_to_least_certain_then_by_title() -> None:
    table = render_approaches_table(
        [
            meta("approaches/yoga.md", "Yoga", "low"),
            meta("approaches/bike-fit.md", "Bike fit", "very-low"),
            meta("approaches/acupuncture.md", "Acupuncture", "low"),
            meta("approaches/strength-training.md", "Strength training", "moderate"),
            meta("approaches/x.md", "X", "none"),
            meta("approaches/h.md", "H", "high"),
        ],
        page_path="approaches/index.md",
    )
    titles = [row.split("](")[0].removeprefix("| [") for row in rows(table)]
    assert titles == ["H", "Strength training", "Acupuncture", "Yoga", "Bike fit", "X"]


def test_cells_cannot_break_the_table() -> None:
    table = render_approaches_table(
        [meta("approaches/a.md", "A | B", "low", "Line one\nline two | pipe")],
        page_path="approaches/index.md",
    )
    assert rows(table) == ["| [A \\| B](a.md) | Line one line two \\| pipe | Low certainty |  |"]


def test_pages_without_a_grade_are_left_out() -> None:
    table = render_approaches_table(
        [meta("approaches/index.md", "Compare", None)], page_path="approaches/index.md"
    )
    assert "No approach pages yet" in table
