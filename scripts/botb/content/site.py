"""All content pages together: load and check them, then decorate each page's Markdown.

The MkDocs adapter is a thin shell around this module, so the whole content pipeline can be
tested (and run by the site-quality tests) without MkDocs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from botb.content.approaches_table import APPROACHES_MARKER, render_approaches_table
from botb.content.bibliography import Bibliography, load_bibliography
from botb.content.frontmatter import PageMeta, check_page
from botb.content.outcome_links import render_outcome_links
from botb.content.references import (
    BIBLIOGRAPHY_MARKER,
    append_section,
    fill_marker,
    insert_after_h1,
    render_bibliography,
    render_page_references,
    render_page_status,
)
from botb.diagnostics import (
    Diagnostic,
    DiagnosticError,
    Location,
    display_path,
    read_source,
)

# Generated sections need a place to go: these pages must carry their marker.
REQUIRED_MARKERS = {
    "references.md": BIBLIOGRAPHY_MARKER,
    "approaches/index.md": APPROACHES_MARKER,
}

Outcome = tuple[str, str, str]  # (outcome title, docs-relative page, urgency)


@dataclass(frozen=True)
class SiteContent:
    bibliography: Bibliography
    pages: dict[str, PageMeta]  # by docs-relative path
    warnings: tuple[Diagnostic, ...] = ()

    def cited_on(self) -> dict[str, list[tuple[str, str]]]:
        """Bibliography key -> the (title, path) of every page that cites it."""
        cited: dict[str, list[tuple[str, str]]] = {}
        for meta in self.pages.values():
            for key in meta.sources:
                cited.setdefault(key, []).append((meta.title, meta.path))
        return cited

    def titles(self) -> dict[str, str]:
        """Docs-relative path -> checked front matter title, for links to the pages."""
        return {path: meta.title for path, meta in self.pages.items()}

    def approaches(self) -> list[PageMeta]:
        return [meta for meta in self.pages.values() if meta.kind.approach]


def content_files(docs_dir: Path) -> list[Path]:
    """Every Markdown page MkDocs would build (hidden files and folders are skipped)."""
    return sorted(
        path
        for path in docs_dir.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


@dataclass(frozen=True)
class LoadedBibliography:
    """The bibliography read once per build; the guide and the page checks both use it."""

    bibliography: Bibliography | None  # None when it has problems
    problems: tuple[Diagnostic, ...] = ()


def read_bibliography(path: Path, *, root: Path) -> LoadedBibliography:
    try:
        return LoadedBibliography(load_bibliography(path, display=display_path(path, root=root)))
    except DiagnosticError as error:
        return LoadedBibliography(None, tuple(error.diagnostics))


def load_site_content(
    docs_dir: Path, *, bibliography_path: Path, root: Path, today: dt.date
) -> SiteContent:
    """Check the bibliography and every page; raise ``DiagnosticError`` with every problem."""
    return check_site_content(
        docs_dir,
        loaded=read_bibliography(bibliography_path, root=root),
        root=root,
        today=today,
    )


def check_site_content(
    docs_dir: Path, *, loaded: LoadedBibliography, root: Path, today: dt.date
) -> SiteContent:
    """Check every page against an already read bibliography; raise with every problem."""
    problems: list[Diagnostic] = list(loaded.problems)
    warnings: list[Diagnostic] = []
    bibliography = loaded.bibliography
    pages: dict[str, PageMeta] = {}
    for file in content_files(docs_dir):
        path = file.relative_to(docs_dir).as_posix()
        display = display_path(file, root=root)
        result = check_page(
            read_source(file, display=display),
            path=path,
            display=display,
            bibliography_keys=bibliography.keys if bibliography else None,
            today=today,
        )
        problems.extend(result.problems)
        warnings.extend(result.warnings)
        if result.meta is None:
            continue
        pages[path] = result.meta
        marker = REQUIRED_MARKERS.get(path)
        if marker and marker not in result.meta.body:
            problems.append(
                Diagnostic(
                    Location(display, result.meta.body_line, 1),
                    f"this page must contain the marker {marker} where the generated section goes",
                )
            )
    if bibliography is not None and not problems:
        problems.extend(_uncited(bibliography, pages))
    if problems or bibliography is None:
        raise DiagnosticError(problems)
    return SiteContent(bibliography=bibliography, pages=pages, warnings=tuple(warnings))


def _uncited(bibliography: Bibliography, pages: Mapping[str, PageMeta]) -> list[Diagnostic]:
    cited = {key for meta in pages.values() for key in meta.sources}
    return [
        Diagnostic(entry.location, f"entry {key!r} is not cited by any page; cite or remove it")
        for key, entry in bibliography.entries.items()
        if key not in cited
    ]


def render_page_markdown(
    markdown: str,
    *,
    path: str,
    content: SiteContent,
    outcomes: Mapping[str, Sequence[Outcome]] | None,
) -> str:
    """A page's Markdown with its generated parts: status lines, tables, outcomes, references.

    ``outcomes`` is None when the site has no guide; approach pages then skip that section.
    """
    meta = content.pages.get(path)
    if meta is None:  # generated guide pages carry their own sources
        return markdown
    status = render_page_status(evidence=meta.evidence, reviewed=meta.reviewed, page_path=path)
    markdown = insert_after_h1(markdown, status)
    if BIBLIOGRAPHY_MARKER in markdown:
        full_list = render_bibliography(
            content.bibliography, cited_on=content.cited_on(), page_path=path
        )
        markdown = fill_marker(markdown, marker=BIBLIOGRAPHY_MARKER, content=full_list)
    if APPROACHES_MARKER in markdown:
        table = render_approaches_table(content.approaches(), page_path=path)
        markdown = fill_marker(markdown, marker=APPROACHES_MARKER, content=table)
    if meta.kind.approach and outcomes is not None:
        section = render_outcome_links(outcomes.get(path, ()), page_path=path)
        markdown = append_section(markdown, section)
    references = render_page_references(
        meta.sources, bibliography=content.bibliography, page_path=path
    )
    return append_section(markdown, references)
