"""The guide map: a labelled SVG of every node and answer, drawn at build time.

Layout is a simple layered DAG drawing: longest-path layers from the start, then two
barycentre sweeps to reduce crossings. Colours are presentation attributes (no <style>, so
no CSP exception) and text uses currentColor, so it reads in light and dark schemes.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict
from collections.abc import Iterator, Sequence

from botb.escape import attr, html_text
from botb.guide.graph import successors
from botb.guide.model import Guide, Outcome, Question, Urgency

NODE_W = 190
NODE_H = 64
GAP_X = 40
GAP_Y = 120
MARGIN = 20
LINE_CHARS = 26
MAX_LINES = 3

TIER_COLOURS: dict[Urgency, str] = {
    Urgency.EMERGENCY: "#d32f2f",
    Urgency.URGENT: "#ef6c00",
    Urgency.SOON: "#f9a825",
    Urgency.ROUTINE: "#1e88e5",
    Urgency.SELF_CARE: "#2e7d32",
}
SCREENING_COLOUR = "#8e24aa"
QUESTION_COLOUR = "#00897b"


def _layers(guide: Guide, order: Sequence[str]) -> dict[str, int]:
    layer = dict.fromkeys(order, 0)
    for node_id in order:
        for target in successors(guide, node_id):
            layer[target] = max(layer[target], layer[node_id] + 1)
    return layer


def _rows(guide: Guide, order: Sequence[str], layer: dict[str, int]) -> list[list[str]]:
    rows: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for node_id in order:
        rows[layer[node_id]].append(node_id)
    parents: dict[str, list[str]] = defaultdict(list)
    for node_id in order:
        for target in successors(guide, node_id):
            parents[target].append(node_id)
    for _ in range(2):
        position = {node_id: i for row in rows for i, node_id in enumerate(row)}
        for row in rows[1:]:
            centre = {
                node_id: (
                    sum(position[p] for p in parents[node_id]) / len(parents[node_id])
                    if parents[node_id]
                    else float(position[node_id])
                )
                for node_id in row
            }
            row.sort(key=centre.__getitem__)
            position.update({node_id: i for i, node_id in enumerate(row)})
    return rows


def _lines(text: str) -> list[str]:
    lines = textwrap.wrap(text, LINE_CHARS) or [""]
    if len(lines) > MAX_LINES:
        lines = [
            *lines[: MAX_LINES - 1],
            textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), LINE_CHARS, placeholder="…"),
        ]
    return lines


def _short(text: str, width: int = 24) -> str:
    return textwrap.shorten(text, width, placeholder="…")


# An answer label's box, estimated from its length: a generous 0.62em a character at 12 px,
# plus the 3-unit halo. Overestimating costs only a little more sliding along the arrow.
LABEL_CHAR_W = 7.5
LABEL_H = 16
Box = tuple[float, float, float, float]  # left, top, right, bottom


def _label_box(x: float, y: float, text: str) -> Box:
    half = len(text) * LABEL_CHAR_W / 2 + 3
    return (x - half, y - LABEL_H + 4, x + half, y + 4)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place_label(
    edge: tuple[float, float, float, float], text: str, preferred: float, taken: list[Box]
) -> tuple[float, float]:
    """A point on the arrow (or, failing that, beside its middle) where the label's box meets
    no other label and no node: answers from different questions used to print on each other."""
    sx, sy, tx, ty = edge
    mx, my = sx + (tx - sx) / 2, sy + (ty - sy) / 2
    for x, y in _label_points(edge, preferred):
        box = _label_box(x, y, text)
        if not any(_overlaps(box, other) for other in taken):
            taken.append(box)
            return x, y
    taken.append(_label_box(mx, my, text))
    return mx, my


_OFFSETS = (0, *(sign * k for k in range(1, 17) for sign in (-1, 1)))


def _label_points(
    edge: tuple[float, float, float, float], preferred: float
) -> Iterator[tuple[float, float]]:
    """Where a label may go, best first: outward from the preferred point in both directions
    along the arrow, then rows further and further below its middle. Yielded one at a time,
    as most labels fit at one of the first."""
    sx, sy, tx, ty = edge
    for k in _OFFSETS:
        t = preferred + k / 40
        if 0.08 <= t <= 0.92:
            yield sx + (tx - sx) * t, sy + (ty - sy) * t
    mx, my = sx + (tx - sx) / 2, sy + (ty - sy) / 2
    for dy in range(0, 400, 8):
        for dx in (0, -60, 60, -120, 120):
            yield mx + dx, my + dy


def render_svg(guide: Guide, *, order: Sequence[str]) -> str:
    """One SVG element, no blank lines (so Markdown passes it through untouched); ``order``
    is a topological order of the reachable nodes (``Analysis.order``)."""
    layer = _layers(guide, order)
    rows = _rows(guide, order, layer)
    widest = max((len(row) for row in rows), default=1)
    width = MARGIN * 2 + widest * NODE_W + (widest - 1) * GAP_X
    height = MARGIN * 2 + len(rows) * NODE_H + (len(rows) - 1) * GAP_Y
    place: dict[str, tuple[float, float]] = {}
    for depth, row in enumerate(rows):
        row_width = len(row) * NODE_W + (len(row) - 1) * GAP_X
        left = (width - row_width) / 2
        for index, node_id in enumerate(row):
            place[node_id] = (left + index * (NODE_W + GAP_X), MARGIN + depth * (NODE_H + GAP_Y))
    questions = sum(isinstance(guide.nodes[n], Question) for n in order)
    desc = (
        f"{questions} questions and {len(order) - questions} outcomes, starting at the top. "
        "Arrows are labelled with answers. Outcomes are coloured by how soon to get care. "
        "The guide outline page has the same content as text."
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="botb-map__svg" role="img" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}" '
        'aria-labelledby="botb-map-title botb-map-desc" font-family="sans-serif" font-size="12">',
        f'<title id="botb-map-title">Map of the guide: {html_text(guide.meta.title)}</title>',
        f'<desc id="botb-map-desc">{html_text(desc)}</desc>',
        '<defs><marker id="botb-map-arrow" viewBox="0 0 10 10" refX="10" refY="5" '
        'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="currentColor"/></marker></defs>',
        '<g class="botb-map__edges" stroke="currentColor" fill="none" stroke-opacity="0.6">',
    ]
    labels: list[str] = []
    # Node boxes first, so a label is never placed over a node either.
    taken: list[Box] = [(x, y, x + NODE_W, y + NODE_H) for x, y in place.values()]
    for node_id in order:
        node = guide.nodes[node_id]
        if not isinstance(node, Question):
            continue
        x1, y1 = place[node_id]
        count = len(node.options)
        for index, option in enumerate(node.options):
            if option.next not in place:
                continue
            x2, y2 = place[option.next]
            sx, sy, tx, ty = x1 + NODE_W / 2, y1 + NODE_H, x2 + NODE_W / 2, y2
            out.append(
                f'<line x1="{sx:.0f}" y1="{sy:.0f}" x2="{tx:.0f}" y2="{ty:.0f}" '
                'marker-end="url(#botb-map-arrow)"/>'
            )
            # Labels of one question's answers sit at staggered points along their arrows,
            # so answers that leave a node side by side do not print on top of each other.
            t = 0.25 + 0.5 * (index / (count - 1) if count > 1 else 0.5)
            short = _short(option.label)
            lx, ly = _place_label((sx, sy, tx, ty), short, t, taken)
            labels.append(
                f'<text class="botb-map__label" x="{lx:.0f}" y="{ly:.0f}" text-anchor="middle" '
                'fill="currentColor" stroke="Canvas" stroke-width="3" paint-order="stroke">'
                f"<title>{html_text(option.label)}</title>{html_text(short)}</text>"
            )
    out.append("</g>")
    out.append('<g class="botb-map__nodes">')
    for node_id in order:
        node = guide.nodes[node_id]
        x, y = place[node_id]
        if isinstance(node, Outcome):
            colour, kind, text = TIER_COLOURS[node.urgency], node.urgency.value, node.title
            label = f"Outcome ({node.urgency.value}): {node.title}"
        else:
            screening = node.screening
            colour = SCREENING_COLOUR if screening else QUESTION_COLOUR
            kind = "screening" if screening else "question"
            text = node.text
            label = f"{'Screening question' if screening else 'Question'}: {node.text}"
        out.append(
            f'<g class="botb-map__node botb-map__node--{kind}" data-node="{attr(node_id)}">'
            f"<title>{html_text(label)}</title>"
            f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_W}" height="{NODE_H}" rx="8" '
            f'fill="{colour}" fill-opacity="0.18" stroke="{colour}" stroke-width="2"/>'
        )
        lines = _lines(text)
        top = y + NODE_H / 2 - (len(lines) - 1) * 7.5
        for index, line in enumerate(lines):
            out.append(
                f'<text x="{x + NODE_W / 2:.0f}" y="{top + index * 15:.0f}" text-anchor="middle" '
                f'dominant-baseline="middle" fill="currentColor">{html_text(line)}</text>'
            )
        out.append("</g>")
    out.append("</g>")
    # Labels last, over everything, so an arrow passing behind a node never hides one.
    out.append('<g class="botb-map__labels">')
    out.extend(labels)
    out.append("</g>")
    out.append("</svg>")
    return "".join(out)
