"""The side-by-side comparison of approaches, built from each approach page's front matter."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from botb.content.frontmatter import EVIDENCE_GRADES, PageMeta
from botb.content.references import (
    EVIDENCE_LABELS,
    GRADING_ANCHOR,
    GRADING_PAGE,
    escape,
    link_from,
)

APPROACHES_MARKER = "<!-- approaches-table -->"


def _cell(text: str) -> str:
    # A newline or pipe would end the table cell early.
    return escape(" ".join(text.split()))


def render_approaches_table(approaches: Iterable[PageMeta], *, page_path: str) -> str:
    """A Markdown table: approach (linked), what it involves, evidence grade.

    Rows run from the most to the least certain evidence, then by title, so the table reads
    as "what is best supported" without implying a ranking within a grade.
    """
    rows = sorted(
        table_rows(approaches),
        key=lambda row: (EVIDENCE_GRADES.index(row.grade), row.name.casefold()),
    )
    if not rows:
        return "*No approach pages yet.*\n"
    grading = link_from(page_path, f"{GRADING_PAGE}#{GRADING_ANCHOR}")
    lines = [
        f"| Approach | What it involves | [Evidence]({grading}) | What the grade is about |",
        "| --- | --- | --- | --- |",
    ]
    for row in rows:
        link = f"[{_cell(row.name)}]({link_from(page_path, row.target)})"
        grade = EVIDENCE_LABELS[row.grade].capitalize()
        about = _cell(row.evidence_for) if row.evidence_for else ""
        lines.append(f"| {link} | {_cell(row.what)} | {grade} | {about} |")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class TableRow:
    name: str
    target: str  # docs-relative page, with #anchor for a page's second graded row
    what: str
    grade: str
    evidence_for: str | None


def table_rows(pages: Iterable[PageMeta]) -> list[TableRow]:
    """One row per graded page plus one per extra graded row; all from front matter, so
    the table can never disagree with the pages (one source of truth)."""
    rows: list[TableRow] = []
    for meta in pages:
        if meta.evidence is not None:
            rows.append(
                TableRow(meta.title, meta.path, meta.description, meta.evidence, meta.evidence_for)
            )
        for extra in meta.evidence_more:
            rows.append(
                TableRow(
                    extra.name,
                    f"{meta.path}#{extra.anchor}",
                    extra.what,
                    extra.grade,
                    extra.evidence_for,
                )
            )
    return rows
