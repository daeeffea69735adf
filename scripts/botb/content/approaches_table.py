"""The side-by-side comparison of approaches, built from each approach page's front matter."""

from __future__ import annotations

from collections.abc import Iterable

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
        (meta for meta in approaches if meta.evidence is not None),
        key=lambda meta: (EVIDENCE_GRADES.index(str(meta.evidence)), meta.title.casefold()),
    )
    if not rows:
        return "*No approach pages yet.*\n"
    grading = link_from(page_path, f"{GRADING_PAGE}#{GRADING_ANCHOR}")
    lines = [
        f"| Approach | What it involves | [Evidence]({grading}) |",
        "| --- | --- | --- |",
    ]
    for meta in rows:
        link = f"[{_cell(meta.title)}]({link_from(page_path, meta.path)})"
        grade = EVIDENCE_LABELS[str(meta.evidence)].capitalize()
        lines.append(f"| {link} | {_cell(meta.description)} | {grade} |")
    return "\n".join(lines) + "\n"
