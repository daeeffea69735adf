"""Synthetic inputs for the scaling runs: Markdown sites and guide trees of a given size.

Pure functions returning ``{relative path: text}``; the caller writes them to a temporary
folder. Everything is deterministic, so two runs build the same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

SECTION_SIZE = 25  # pages per nav section, about the size of the real site's sections
SCREENING = 4  # red-flag questions before the layered questions, as in the real tree
QUESTION_LAYERS = 4  # layered questions on every full path: 4 + 4 = 8 (median limit is 8)
MIN_NODES = 17  # 4 screening + 1 emergency + layers of 1, 2, 3, 4 + 2 outcomes
BIBLIOGRAPHY = {
    "syn-guideline-2020": ("guideline", "Synthetic Guideline Group", "A synthetic guideline"),
    "syn-review-2021": ("systematic-review", "Author A, Author B", "A synthetic review"),
    "syn-trial-2022": ("trial", "Author C, Author D", "A synthetic trial"),
    "syn-study-2023": ("study", "Author E", "A synthetic cohort study"),
}
SOURCE_KEYS = tuple(BIBLIOGRAPHY)

_PARAGRAPH = (
    "Riding with a sore back is common, and most back pain settles with time and movement. "
    "This page is generated for the benchmark, so its words only stand in for a real article "
    "of about the same length and shape. Short sentences keep it easy to read on a phone."
)


@dataclass(frozen=True)
class SitePlan:
    """Where the generated pages live: ``sections[i]`` lists docs-relative page paths."""

    sections: tuple[tuple[str, ...], ...]

    @property
    def pages(self) -> tuple[str, ...]:
        return tuple(page for section in self.sections for page in section)


def site_plan(pages: int) -> SitePlan:
    """``pages`` article-like pages split into nav sections of ``SECTION_SIZE``."""
    if pages < 1:
        raise ValueError("a synthetic site needs at least one page")
    paths = [f"s{i // SECTION_SIZE + 1:03d}/p{i + 1:05d}.md" for i in range(pages)]
    sections = tuple(
        tuple(paths[start : start + SECTION_SIZE]) for start in range(0, pages, SECTION_SIZE)
    )
    return SitePlan(sections=sections)


def _page(path: str, *, index: int, previous: str | None, following: str | None) -> str:
    keys = [SOURCE_KEYS[index % len(SOURCE_KEYS)], SOURCE_KEYS[(index + 1) % len(SOURCE_KEYS)]]
    here = path.split("/")[0]

    def rel(target: str) -> str:
        section, name = target.split("/")
        return name if section == here else f"../{section}/{name}"

    links = []
    if previous:
        links.append(f"[the previous page]({rel(previous)})")
    if following:
        links.append(f"[the next page]({rel(following)})")
    see_also = f"Read {' and '.join(links)} for more." if links else ""
    return "\n".join(
        [
            "---",
            f"title: Synthetic page {index + 1}",
            f"description: Synthetic benchmark page number {index + 1}, "
            "standing in for a real article of similar length.",
            f"sources: [{', '.join(keys)}]",
            "clinical_review: pending",
            "---",
            "",
            f"# Synthetic page {index + 1}",
            "",
            _PARAGRAPH,
            "",
            "## What helps",
            "",
            _PARAGRAPH,
            "",
            "- Keep riding at an easy effort if it feels fine.",
            "- Change one thing at a time, such as saddle height or ride length.",
            "- Note what makes the pain better or worse.",
            "",
            "!!! warning",
            "",
            "    Get help at once if you have numbness between your legs.",
            "",
            "## What the evidence says",
            "",
            _PARAGRAPH,
            "",
            "| Approach | Certainty |",
            "|---|---|",
            "| Exercise | Moderate |",
            "| Rest in bed | Low |",
            "",
            _PARAGRAPH,
            "",
            see_also,
            "",
        ]
    )


def _bibliography() -> str:
    lines = ["# Synthetic bibliography for the benchmark."]
    for key, (kind, authors, title) in BIBLIOGRAPHY.items():
        year = key.rsplit("-", 1)[1]
        lines += [
            f"{key}:",
            f"  type: {kind}",
            f"  authors: {authors}",
            f"  title: {title}",
            "  container: Synthetic Journal",
            f"  year: {year}",
            f"  url: https://example.org/{key}",
            "",
        ]
    return "\n".join(lines)


def site_files(plan: SitePlan) -> dict[str, str]:
    """Docs files of a synthetic site: pages, home, references, compare page, bibliography."""
    pages = plan.pages
    files = {
        "index.md": _front(
            "Synthetic home",
            "Home page of the synthetic benchmark site, which stands in for the real home page.",
            # Every entry must be cited somewhere, however few pages there are.
            extra=f"sources: [{', '.join(SOURCE_KEYS)}]\n",
        )
        + "# Synthetic home\n\n"
        + _PARAGRAPH
        + "\n",
        # The content plugin requires these two pages and their markers.
        "references.md": _front(
            "References", "Every source cited on the synthetic benchmark site, in one list."
        )
        + "# References\n\n<!-- bibliography -->\n",
        "approaches/index.md": _front(
            "Compare approaches",
            "A comparison table of approaches on the synthetic benchmark site.",
        )
        + "# Compare approaches\n\n<!-- approaches-table -->\n",
        # The guide's start page links here.
        "urgent-help.md": _front(
            "Get urgent help",
            "Where to get urgent help, standing in "
            "for the real page on the synthetic benchmark site.",
            extra=f"reviewed: 2026-11-27\nsources: [{', '.join(SOURCE_KEYS[:2])}]\n"
            "tags: [urgent]\n",
        )
        + "# Get urgent help\n\n"
        + _PARAGRAPH
        + "\n",
        "_data/bibliography.yml": _bibliography(),
    }
    for index, path in enumerate(pages):
        previous = pages[index - 1] if index > 0 else None
        following = pages[index + 1] if index + 1 < len(pages) else None
        files[path] = _page(path, index=index, previous=previous, following=following)
    return files


def _front(title: str, description: str, *, extra: str = "") -> str:
    # Every page says whether a clinician signed it off; a synthetic one never was.
    return (
        f"---\ntitle: {title}\ndescription: {description}\n{extra}clinical_review: pending\n---\n\n"
    )


def site_nav(plan: SitePlan) -> list[object]:
    """An mkdocs ``nav``: home, the compare page, one section per page group, references."""
    nav: list[object] = [{"Home": "index.md"}, {"Decision guide": "guide/index.md"}]
    for number, section in enumerate(plan.sections, start=1):
        nav.append({f"Section {number}": [{f"Page {p.split('/p')[1][:-3]}": p} for p in section]})
    nav += [
        {"Get urgent help": "urgent-help.md"},
        {"Compare approaches": "approaches/index.md"},
        {"References": "references.md"},
    ]
    return nav


@dataclass(frozen=True)
class TreeShape:
    """Node counts per layer of a synthetic guide (questions, then outcomes)."""

    layers: tuple[int, ...]  # layered question widths; layers[0] == 1
    outcomes: int

    @property
    def nodes(self) -> int:
        # screening questions + one emergency outcome + layered questions + outcomes
        return SCREENING + 1 + sum(self.layers) + self.outcomes


def tree_shape(nodes: int) -> TreeShape:
    """Layer widths growing geometrically so the total is exactly ``nodes``."""
    rest = nodes - SCREENING - 1
    if rest < QUESTION_LAYERS + 2:
        raise ValueError(f"a synthetic tree needs at least {MIN_NODES} nodes")
    # Find the ratio g with 1 + g + ... + g**QUESTION_LAYERS close to ``rest``.
    low, high = 1.0, float(rest)
    for _ in range(60):
        ratio = (low + high) / 2
        total = sum(ratio**k for k in range(QUESTION_LAYERS + 1))
        low, high = (ratio, high) if total < rest else (low, ratio)
    widths = [1]
    for k in range(1, QUESTION_LAYERS):
        widths.append(max(2, widths[-1] + 1, round(low**k)))
    outcomes = rest - sum(widths)
    if outcomes < 2:
        raise ValueError(f"a synthetic tree needs at least {MIN_NODES} nodes")
    return TreeShape(layers=tuple(widths), outcomes=outcomes)


def _targets(index: int, *, width: int, next_width: int) -> list[int]:
    """Distinct next-layer indexes for question ``index``; together they cover the layer."""
    fanout = max(2, math.ceil(next_width / width))
    found = dict.fromkeys((index + j * width) % next_width for j in range(fanout))
    return list(found)


URGENCIES = ("soon", "routine", "self-care", "urgent")


def tree_files(nodes: int, *, pages: tuple[str, ...]) -> dict[str, str]:
    """A valid guide of exactly ``nodes`` nodes in the guide YAML format, in one file.

    Four screening questions come first (each "yes" leads to the emergency outcome), then
    ``QUESTION_LAYERS`` layers of questions, then outcomes. Non-urgent outcomes list two of
    ``pages`` as approaches; every non-emergency outcome has a safety net.
    """
    if len(pages) < 2:
        raise ValueError("outcomes need at least two pages to point to")
    shape = tree_shape(nodes)
    out = [
        "guide:",
        "  title: Synthetic guide for the benchmark",
        '  version: "2026.11.1"',
        "  reviewed: 2026-11-27",
        "  start: screen-1",
        "  minutes: 3",
        "  intro: >-",
        "    A generated guide of a known size, used only to time the build.",
        "  scope: Synthetic scope line.",
        "  crisis: Synthetic crisis line.",
        "  signs_intro: Synthetic signs line.",
        "  sooner: Synthetic sooner line.",
        "  review_status: Synthetic review line for {reviewed}.",
        '  chain_yes: "Yes"',
        '  chain_yes_unsure: "Yes, or not sure"',
        '  chain_no: "No"',
        "  chain_unsure: Not sure",
        "tiers:",
        *(
            f"  {tier}: {{label: {tier}, action: {tier} action., signs_heading: {tier} signs}}"
            for tier in ("emergency", "urgent", "soon", "routine", "self-care")
        ),
        "nodes:",
    ]
    for number in range(1, SCREENING + 1):
        following = f"screen-{number + 1}" if number < SCREENING else "l0-q0"
        out += _question(
            f"screen-{number}",
            text=f"Screening question {number}, have you noticed warning sign {number}?",
            screening=True,
            nexts=["emergency", following],
        )
    out += [
        "  emergency:",
        "    type: outcome",
        "    urgency: emergency",
        "    title: Get emergency help now",
        "    summary: A warning sign needs checking today.",
        "    why: A warning sign needs checking straight away.",
        f"    sources: [{SOURCE_KEYS[0]}]",
        "    reviewed: 2026-11-27",
    ]
    widths = [*shape.layers, shape.outcomes]
    for layer, width in enumerate(shape.layers):
        next_width = widths[layer + 1]
        last = layer == len(shape.layers) - 1
        for index in range(width):
            nexts = [
                f"o{t}" if last else f"l{layer + 1}-q{t}"
                for t in _targets(index, width=width, next_width=next_width)
            ]
            out += _question(
                f"l{layer}-q{index}",
                text=f"Layer {layer} question {index}, which of these fits you best?",
                screening=False,
                nexts=nexts,
            )
    for index in range(shape.outcomes):
        out += _outcome(index, pages=pages)
    return {"guide.yml": "\n".join(out) + "\n"}


def _question(node_id: str, *, text: str, screening: bool, nexts: list[str]) -> list[str]:
    lines = [f"  {node_id}:", "    type: question", f"    text: {text}"]
    if screening:
        lines.append("    screening: true")
    lines.append("    options:")
    for number, target in enumerate(nexts):
        lines += [f"      - label: Answer {number + 1}", f"        next: {target}"]
    # The first answer of a screening question leads to the emergency outcome: it is also
    # the safe answer for a reader who is not sure. Elsewhere the last answer is.
    fallback = 0 if screening else len(nexts) - 1
    at = lines.index(f"      - label: Answer {fallback + 1}")
    lines.insert(at + 1, "        fallback: true")
    return lines


def _outcome(index: int, *, pages: tuple[str, ...]) -> list[str]:
    urgency = URGENCIES[index % len(URGENCIES)]
    lines = [
        f"  o{index}:",
        "    type: outcome",
        f"    urgency: {urgency}",
        f"    title: Synthetic outcome {index}",
        "    summary: Worth talking through with a physio.",
        "    why: You gave this set of answers.",
    ]
    if urgency != "urgent":
        lines += [
            "    steps:",
            "      - Book a physio appointment.",
            "      - Note when the pain starts.",
            "    wait: Keep riding shorter rides while you wait.",
        ]
        first = pages[index % len(pages)]
        second = pages[(index + 1) % len(pages)]
        lines += [
            "    approaches:",
            f"      - page: {first}",
            "        reason: It may help.",
            f"      - page: {second}",
            "        reason: It may also help.",
        ]
    lines += [
        "    ask:",
        "      - What should I try first?",
        "    safety_net:",
        "      - Get help sooner if the pain spreads or you feel unwell.",
        f"    sources: [{SOURCE_KEYS[index % len(SOURCE_KEYS)]}]",
        "    reviewed: 2026-11-27",
    ]
    return lines
