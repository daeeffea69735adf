"""The "Guide outcomes that point here" section on approach pages."""

from __future__ import annotations

from collections.abc import Sequence

from botb.content.references import escape
from botb.links import page_link

URGENCY_LABELS = {
    "emergency": "emergency",
    "urgent": "urgent, same day",
    "soon": "see a GP or physio soon",
    "routine": "routine appointment",
    "self-care": "self-care with a physio's advice",
}


def render_outcome_links(outcomes: Sequence[tuple[str, str, str]], *, page_path: str) -> str:
    """List the guide outcomes that suggest discussing this approach.

    ``outcomes`` holds ``(outcome title, docs-relative outcome page, urgency)`` triples.
    """
    lines = ["## Guide outcomes that point here", ""]
    if not outcomes:
        lines.append(
            f"No result of the [decision guide]({page_link(page_path, 'guide/index.md')}) "
            "suggests this approach at the moment."
        )
        return "\n".join(lines) + "\n"
    guide = page_link(page_path, "guide/index.md")
    lines.append(
        f"These results of the [decision guide]({guide}) suggest discussing this approach "
        "with your physio:"
    )
    lines.append("")
    for title, path, urgency in sorted(outcomes, key=lambda item: item[0].casefold()):
        label = URGENCY_LABELS.get(urgency, urgency)
        lines.append(f"- [{escape(title)}]({page_link(page_path, path)}) ({escape(label)})")
    return "\n".join(lines) + "\n"
