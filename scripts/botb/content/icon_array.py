"""Icon arrays: 100 people in a 10 by 10 grid, some filled, as inline SVG made at build time.

The picture is a second way of seeing a number the text beside it states, so the SVG is an
image named by its own title and described by that text (contract: docs/CONTRACT.md).
"""

from __future__ import annotations

from botb.escape import attr, html_text

SIDE = 10
CELL = 20


def _person(index: int, *, filled: bool) -> str:
    x = (index % SIDE) * CELL
    y = (index // SIDE) * CELL
    kind = "botb-icon--yes" if filled else "botb-icon--no"
    return (
        f'<g class="{kind}"><circle cx="{x + 10}" cy="{y + 5}" r="3.5"/>'
        f'<rect x="{x + 5}" y="{y + 10}" width="10" height="8" rx="3"/></g>'
    )


def icon_array(count: int, *, label: str, figure_id: str, described_by: str) -> str:
    """``count`` of 100 people filled, row by row from the top left (the reading order, so
    the filled block reads as a share at a glance)."""
    if not 0 <= count <= SIDE * SIDE:
        raise ValueError(f"an icon array shows 0 to 100 people, not {count}")
    title_id = f"{figure_id}-title"
    people = "".join(_person(index, filled=index < count) for index in range(SIDE * SIDE))
    size = SIDE * CELL
    return (
        f'<figure class="botb-icons" id="{attr(figure_id)}">'
        f'<svg viewBox="0 0 {size} {size}" role="img" aria-labelledby="{attr(title_id)}" '
        f'aria-describedby="{attr(described_by)}" focusable="false">'
        f'<title id="{attr(title_id)}">{count} / 100: {html_text(label)}</title>{people}</svg>'
        f'<figcaption aria-hidden="true"><strong>{count}</strong> / 100 · {html_text(label)}'
        "</figcaption></figure>"
    )
