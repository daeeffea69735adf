"""All content pages together: load and check them, then decorate each page's Markdown.

The MkDocs adapter is a thin shell around this module, so the whole content pipeline can be
tested (and run by the site-quality tests) without MkDocs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from botb.content.bibliography import Bibliography, Entry, load_bibliography
from botb.content.decision_aid import OutcomeAid, Renderer, render_compare_table
from botb.content.facts import FACTS_FILE, NATURAL_COURSE, FactWords, load_fact_words
from botb.content.frontmatter import PageMeta, check_page, page_kind
from botb.content.outcome_links import render_outcome_links
from botb.content.references import (
    BIBLIOGRAPHY_MARKER,
    EVIDENCE_LABELS,
    ReviewWording,
    append_section,
    citations_in,
    fill_marker,
    insert_after_h1,
    link_citations,
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

APPROACHES_MARKER = "<!-- approaches-table -->"
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
    # facts.yml; None only for a site without approach pages.
    words: FactWords | None = None
    # The plain-words review line; None leaves it out (unit tests of other parts).
    review_wording: ReviewWording | None = None

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
        return [meta for meta in self.pages.values() if meta.kind.approach or meta.evidence_more]

    def outcome_aid(self) -> OutcomeAid | None:
        """What guide outcomes need to compare their options (None without facts)."""
        wait = self.wait_option()
        if self.words is None or wait is None:
            return None
        return OutcomeAid(self.words, self.bibliography, self.pages, wait)

    def wait_option(self) -> PageMeta | None:
        """The "keep riding and wait" page: the one approach whose direction is the natural
        course (the build checks there is exactly one)."""
        for meta in self.pages.values():
            if meta.facts is not None and meta.facts.direction == NATURAL_COURSE:
                return meta
        return None


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
    files = content_files(docs_dir)
    words, word_problems = _fact_words(docs_dir, files=files, root=root)
    problems += word_problems
    displays: dict[str, str] = {}  # each page's path as the editor sees it, worked out once
    for file in files:
        path = file.relative_to(docs_dir).as_posix()
        display = displays[path] = display_path(file, root=root)
        result = check_page(
            read_source(file, display=display),
            path=path,
            display=display,
            bibliography_keys=bibliography.keys if bibliography else None,
            today=today,
            words=words,
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
        # Only a number before a unit some source records figures for can be a problem.
        entries = bibliography.entries.values()
        units = frozenset(unit for entry in entries for unit, _ in entry.figures)
        for path, meta in pages.items():
            display = displays[path]
            problems.extend(_citation_problems(meta, bibliography, display=display))
            problems.extend(_grade_problems(meta, display=display))
            problems.extend(_figure_problems(meta, bibliography, units=units, display=display))
    if words is not None and not problems:
        problems += _wait_problems(pages, docs_dir=docs_dir, root=root)
    if problems or bibliography is None:
        raise DiagnosticError(problems)
    return SiteContent(
        bibliography=bibliography, pages=pages, warnings=tuple(warnings), words=words
    )


def _fact_words(
    docs_dir: Path, *, files: Sequence[Path], root: Path
) -> tuple[FactWords | None, list[Diagnostic]]:
    """facts.yml, required as soon as the site has an approach page."""
    path = docs_dir / FACTS_FILE
    display = display_path(path, root=root)
    if not path.is_file():
        approaches = [
            file for file in files if page_kind(file.relative_to(docs_dir).as_posix()).approach
        ]
        if not approaches:
            return None, []
        message = "missing: approach pages need the facts vocabulary (direction, cost, ...)"
        return None, [Diagnostic(Location(display), message)]
    try:
        return load_fact_words(path, display=display), []
    except DiagnosticError as error:
        return None, list(error.diagnostics)


def _wait_problems(
    pages: Mapping[str, PageMeta], *, docs_dir: Path, root: Path
) -> list[Diagnostic]:
    """Exactly one approach page is the "keep riding and wait" option, which every guide
    outcome offers beside the treatments."""
    waits = sorted(
        path
        for path, meta in pages.items()
        if meta.facts is not None and meta.facts.direction == NATURAL_COURSE
    )
    if len(waits) == 1:
        return []
    if not waits:
        where = Location(display_path(docs_dir / FACTS_FILE, root=root))
        message = (
            f"no approach page has direction {NATURAL_COURSE!r}: one page must describe "
            "keeping riding and waiting, the option every outcome offers"
        )
        return [Diagnostic(where, message)]
    return [
        Diagnostic(
            Location(display_path(docs_dir / path, root=root)),
            f"only one page may have direction {NATURAL_COURSE!r}; also: {', '.join(waits)}",
        )
        for path in waits
    ]


def _uncited(bibliography: Bibliography, pages: Mapping[str, PageMeta]) -> list[Diagnostic]:
    cited = {key for meta in pages.values() for key in meta.sources}
    return [
        Diagnostic(entry.location, f"entry {key!r} is not cited by any page; cite or remove it")
        for key, entry in bibliography.entries.items()
        if key not in cited
    ]


def _citation_problems(
    meta: PageMeta, bibliography: Bibliography, *, display: str
) -> list[Diagnostic]:
    """An in-text citation must name a bibliography entry the page lists in ``sources``."""
    found: list[Diagnostic] = []
    for key, line, column in citations_in(meta.body):
        where = Location(display, meta.body_line + line - 1, column)
        if key not in bibliography:
            found.append(Diagnostic(where, f"cites {key!r}, which is not in the bibliography"))
        elif key not in meta.sources:
            found.append(
                Diagnostic(where, f"cites {key!r} in the text but not in 'sources'; add it there")
            )
    return found


# The grade a page states in its own words, e.g. "**Certainty: low.**".
_STATED_GRADE = re.compile(r"\*\*Certainty: (?P<label>[a-z ]+?)[.*]")


def _grade_problems(meta: PageMeta, *, display: str) -> list[Diagnostic]:
    """The grade in the page's text must be the front matter grade the table shows."""
    if meta.evidence is None:
        return []
    expected = EVIDENCE_LABELS[meta.evidence].removesuffix(" certainty")
    for number, line in enumerate(meta.body.splitlines(), start=1):
        match = _STATED_GRADE.search(line)
        if match is None:
            continue
        if match.group("label").strip() == expected:
            return []
        where = Location(display, meta.body_line + number - 1, match.start() + 1)
        return [
            Diagnostic(
                where,
                f"the text says certainty {match.group('label').strip()!r} but the front "
                f"matter grade (shown in the comparison table) is {expected!r}",
            )
        ]
    where = Location(display, meta.body_line, 1)
    return [
        Diagnostic(where, f"approach page never states its grade as **Certainty: {expected}.**")
    ]


_NUMBER_UNIT = re.compile(r"(?<![\w.,])(?P<number>\d[\d,]*(?:\.\d+)?)[ -](?P<unit>[a-z]+)")
_DIGIT = re.compile(r"\d")


def _figure_problems(
    meta: PageMeta, bibliography: Bibliography, *, units: frozenset[str], display: str
) -> list[Diagnostic]:
    """A number quoted about a source must be one the bibliography records for it, so two
    pages cannot quote one source differently.

    A number is "about" the sources cited in its own sentence or, if it has none, in the
    nearest earlier sentence of the same paragraph or list item that cites some: figures
    often follow the citation ("... (Hayden 2021). Function improved by 7 points.").
    ``units`` is every unit the bibliography records figures for, worked out once a build.
    """
    found: list[Diagnostic] = []
    for start, block in _paragraphs(meta.body):
        # Sources carry over only within a block, so one with no such number has nothing to
        # check; most prose is such, and splitting it into sentences is most of the check.
        # (A number found in a sentence is found in its block: sentences split at spaces.)
        if not _DIGIT.search(block) or not any(
            match.group("unit") in units for match in _NUMBER_UNIT.finditer(block)
        ):
            continue
        current: list[Entry] = []
        for offset, sentence in _sentences(block):
            cited = sorted({key for key, _, _ in citations_in(sentence) if key in bibliography})
            if cited:
                current = [bibliography.entries[key] for key in cited]
            for match in _NUMBER_UNIT.finditer(sentence):
                problem = _figure_problem(match, current)
                if problem is None:
                    continue
                at = offset + match.start()
                line = block.count("\n", 0, at)
                column = at - (block.rfind("\n", 0, at) + 1) + 1
                where = Location(display, meta.body_line + start + line - 1, column)
                found.append(Diagnostic(where, problem))
    return found


def _figure_problem(match: re.Match[str], entries: Sequence[Entry]) -> str | None:
    unit = match.group("unit")
    recorded = [entry for entry in entries if entry.figures_for(unit) is not None]
    if not recorded:
        return None
    allowed = {
        value.replace(",", "") for entry in recorded for value in entry.figures_for(unit) or ()
    }
    if match.group("number").replace(",", "") in allowed:
        return None
    keys = ", ".join(entry.key for entry in recorded)
    return (
        f"'{match.group(0)}' is not a figure the bibliography records for {keys} "
        f"({unit}: {', '.join(sorted(allowed))}); fix the page or the entry's figures"
    )


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z*(\[])")


def _sentences(block: str) -> list[tuple[int, str]]:
    """Sentences of a block with the offset each starts at."""
    sentences: list[tuple[int, str]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(block):
        sentences.append((begin, block[begin : match.start()]))
        begin = match.end()
    sentences.append((begin, block[begin:]))
    return sentences


# A list item starts its own block: its figures are not about the item above's source.
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+\.)\s")


def _paragraphs(body: str) -> list[tuple[int, str]]:
    """Blank-line separated blocks, each list item on its own, with the 1-based body line
    each starts on."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(body.splitlines(), start=1):
        if current and (not line.strip() or _LIST_ITEM.match(line)):
            blocks.append((start, "\n".join(current)))
            current = []
        if line.strip():
            if not current:
                start = number
            current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


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
    status = render_page_status(
        evidence=meta.evidence,
        evidence_for=meta.evidence_for,
        reviewed=meta.reviewed,
        clinical=meta.clinical_review,
        wording=content.review_wording,
        page_path=path,
    )
    cited_in_text = [key for key, _, _ in citations_in(markdown)]
    renderer = (
        Renderer(words=content.words, bibliography=content.bibliography, page_path=path)
        if content.words is not None
        else None
    )
    if renderer is not None and meta.facts is not None and meta.kind.approach:
        status += "\n" + renderer.in_short(meta)
    markdown = link_citations(insert_after_h1(markdown, status))
    if BIBLIOGRAPHY_MARKER in markdown:
        full_list = render_bibliography(
            content.bibliography, cited_on=content.cited_on(), page_path=path
        )
        markdown = fill_marker(markdown, marker=BIBLIOGRAPHY_MARKER, content=full_list)
    if APPROACHES_MARKER in markdown and renderer is not None:
        table = render_compare_table(content.approaches(), renderer=renderer)
        markdown = fill_marker(markdown, marker=APPROACHES_MARKER, content=table)
    if meta.kind.approach and outcomes is not None:
        section = render_outcome_links(outcomes.get(path, ()), page_path=path)
        markdown = append_section(markdown, section)
    references = render_page_references(
        meta.sources,
        bibliography=content.bibliography,
        page_path=path,
        cited_in_text=cited_in_text,
    )
    return append_section(markdown, references)
