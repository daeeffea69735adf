"""The whole engine in one pure call: load, check, render. The MkDocs adapter wraps it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from botb.content.decision_aid import OutcomeAid
from botb.content.frontmatter import split_front_matter
from botb.content.site import content_files
from botb.diagnostics import Diagnostic, DiagnosticError, Location, raise_if_any
from botb.guide.analysis import Analysis, analyse
from botb.guide.anchors import heading_ids
from botb.guide.checks import Limits, check_guide
from botb.guide.diagram import render_svg
from botb.guide.loader import load_guide
from botb.guide.model import Guide, Node, Outcome
from botb.guide.paths import DEFAULT_CAP, PathStats, path_book_text
from botb.guide.render_json import guide_json
from botb.guide.render_pages import (
    map_page,
    outcome_page,
    outline_page,
    paths_page,
    question_page,
    start_page,
)
from botb.guide.sign_pages import marker_problems
from botb.guide.urls import MAP_PAGE, OUTLINE_PAGE, PATHS_PAGE, START_PAGE, node_src


@dataclass(frozen=True)
class CompiledGuide:
    """The checked guide and everything rendered from it."""

    guide: Guide
    pages: dict[str, str] = field(hash=False)  # docs-relative src path -> Markdown
    json_text: str
    path_book: str
    stats: PathStats
    # content page -> (outcome title, outcome src path, urgency), for "outcomes that point here"
    outcomes_by_page: dict[str, list[tuple[str, str, str]]] = field(hash=False)


def docs_markdown(docs_dir: Path) -> dict[str, str]:
    """Every Markdown page of the docs folder by docs-relative path."""
    return {
        # Lenient: the content checks report undecodable bytes with their position.
        path.relative_to(docs_dir).as_posix(): path.read_text(
            encoding="utf-8-sig", errors="replace"
        )
        for path in content_files(docs_dir)
    }


def page_title(markdown: str) -> str | None:
    """The front matter ``title`` of a page, if it has a readable one."""
    split = split_front_matter(markdown)
    if split.front_matter is None:
        return None
    try:
        data = yaml.safe_load(split.front_matter)
    except (yaml.YAMLError, ValueError):  # ValueError: PyYAML on dates like 2026-02-30
        return None  # the content checks report broken front matter with its position
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title.strip() else None


def outcomes_by_page(nodes: Sequence[Node]) -> dict[str, list[tuple[str, str, str]]]:
    found: dict[str, list[tuple[str, str, str]]] = {}
    for node in nodes:
        if not isinstance(node, Outcome):
            continue
        for page in dict.fromkeys(a.page for a in node.approaches):
            found.setdefault(page, []).append((node.title, node_src(node), node.urgency.value))
    return found


def _clashes(guide: Guide, docs_pages: frozenset[str] | None, guide_dir: str) -> list[Diagnostic]:
    if docs_pages is None:
        return []
    return [
        Diagnostic(
            Location(f"{guide_dir}"),
            f"docs page {page!r} clashes with the generated guide pages; remove it "
            "(guide pages are generated from the YAML)",
        )
        for page in sorted(docs_pages)
        if page.startswith("guide/")
    ]


class _HeadingIds(Mapping[str, frozenset[str]]):
    """Each page's heading ids, read when first asked for: the guide links to a few
    anchors, and reading every page's headings was a tenth of the compile."""

    def __init__(self, markdown: Mapping[str, str]) -> None:
        self._markdown = markdown
        self._ids: dict[str, frozenset[str]] = {}

    def __getitem__(self, page: str) -> frozenset[str]:
        ids = self._ids.get(page)
        if ids is None:
            ids = self._ids[page] = heading_ids(self._markdown[page])
        return ids

    def __iter__(self) -> Iterator[str]:
        return iter(self._markdown)

    def __len__(self) -> int:
        return len(self._markdown)


def compile_guide(
    *,
    guide_dir: Path,
    root: Path,
    docs_pages: frozenset[str] | None,
    docs_markdown: Mapping[str, str] | None = None,
    source_keys: frozenset[str] | None = None,
    source_links: Mapping[str, tuple[str, str | None]] | None = None,
    site_url: str = "",
    page_titles: Mapping[str, str] | None = None,
    aid: OutcomeAid | None = None,
    limits: Limits = Limits(),  # noqa: B008 - frozen, so a shared default is safe
    cap: int = DEFAULT_CAP,
) -> CompiledGuide | None:
    """Load, check and render the guide; None when ``guide_dir`` has no YAML yet.

    ``source_links`` maps a bibliography key to (plain label, docs-relative link or None).
    ``page_titles`` (docs-relative page -> title) saves reading every page's front matter
    again when the caller has already checked it; without it the titles come from
    ``docs_markdown``. ``aid`` (the approach facts) turns each outcome's list of approaches
    into a side-by-side comparison with the wait option.
    Raises ``DiagnosticError`` listing every problem.
    """
    guide = load_guide(guide_dir, root=root)
    if guide is None:
        return None
    markdown = docs_markdown or {}
    anchors = _HeadingIds(markdown) if markdown else None
    # Reach, order, path counts and per-outcome facts: worked out here once, read by the
    # checks and every renderer below.
    analysis = analyse(guide)
    problems = check_guide(
        guide,
        docs_pages=docs_pages,
        page_anchors=anchors,
        source_keys=source_keys,
        limits=limits,
        analysis=analysis,
    )
    problems += _clashes(guide, docs_pages, guide_dir.name)
    problems += marker_problems(guide, pages=markdown)
    raise_if_any(problems)
    return _render(
        guide,
        analysis,
        markdown=markdown,
        page_titles=page_titles,
        aid=aid,
        source_links=source_links,
        site_url=site_url,
        cap=cap,
    )


def _render(
    guide: Guide,
    analysis: Analysis,
    *,
    markdown: Mapping[str, str],
    page_titles: Mapping[str, str] | None,
    source_links: Mapping[str, tuple[str, str | None]] | None,
    site_url: str,
    aid: OutcomeAid | None,
    cap: int,
) -> CompiledGuide:
    stats = analysis.stats
    paths = analysis.paths(cap=cap)
    titles = (
        page_titles
        if page_titles is not None
        else {page: title for page, text in markdown.items() if (title := page_title(text))}
    )
    links = source_links or {}
    facts = analysis.common_facts
    pages: dict[str, str] = {START_PAGE: start_page(guide)}
    for node in analysis.nodes:
        if isinstance(node, Outcome):
            pages[node_src(node)] = outcome_page(
                guide,
                node,
                site_url=site_url,
                page_titles=titles,
                source_links=links,
                facts=facts.get(node.id, ()),
                aid=aid,
            )
        else:
            longest = stats.max_questions if node.id == guide.meta.start else None
            pages[node_src(node)] = question_page(guide, node, longest=longest)
    pages[OUTLINE_PAGE] = outline_page(guide)
    pages[MAP_PAGE] = map_page(guide, svg=render_svg(guide, order=analysis.acyclic_order))
    pages[PATHS_PAGE] = paths_page(guide, paths=paths, stats=stats)
    return CompiledGuide(
        guide=guide,
        pages=pages,
        json_text=guide_json(guide, nodes=analysis.nodes),
        path_book=path_book_text(guide, stats=stats, paths=paths),
        stats=stats,
        outcomes_by_page=outcomes_by_page(analysis.nodes),
    )


__all__ = ["CompiledGuide", "DiagnosticError", "compile_guide"]
