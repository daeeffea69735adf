"""Render citations as Markdown: a page's References, its evidence/review lines, the full list.

Writers never type a reference list by hand; everything here is generated from the page's
``sources`` and the bibliography, so a citation is spelled the same way on every page.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence

from botb.content.bibliography import Bibliography, Entry
from botb.escape import md_text

REFERENCES_PAGE = "references.md"
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
GRADING_PAGE = "about/index.md"
GRADING_ANCHOR = "how-we-grade-evidence"

EVIDENCE_LABELS = {
    "high": "high certainty",
    "moderate": "moderate certainty",
    "low": "low certainty",
    "very-low": "very low certainty",
    "none": "no research evidence",
}

_H1 = re.compile(r"^#\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


def escape(text: str) -> str:
    """Plain text made safe to drop into Markdown (titles hold brackets and asterisks)."""
    return md_text(text)


def link_from(page_path: str, target: str) -> str:
    """A relative link from one docs-relative page to another (MkDocs checks .md links)."""
    path, _, anchor = target.partition("#")
    relative = posixpath.relpath(path, posixpath.dirname(page_path) or ".")
    return f"{relative}#{anchor}" if anchor else relative


def anchor_for(key: str) -> str:
    return f"ref-{key}"


def format_citation(entry: Entry) -> str:
    """Vancouver-style citation in Markdown, with a link to the source when there is one."""
    authors = escape(entry.authors.rstrip("."))
    title = escape(entry.title.rstrip("."))
    detail = str(entry.year)
    if entry.volume:
        detail += f";{escape(entry.volume)}"
    if entry.issue:
        detail += f"({escape(entry.issue)})" if entry.volume else f";({escape(entry.issue)})"
    if entry.pages:
        detail += f":{escape(entry.pages)}"
    text = f"{authors}. {title}. *{escape(entry.container)}*. {detail}."
    if entry.doi:
        text += f" [doi:{escape(entry.doi)}](https://doi.org/{entry.doi})"
    elif entry.url:
        text += f" [{escape(_display_url(entry.url))}]({entry.url})"
    return text


def _display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def render_page_references(
    sources: Sequence[str], *, bibliography: Bibliography, page_path: str
) -> str:
    """The numbered References section for the foot of a page, in the page's own order."""
    if not sources:
        return ""
    lines = ["## References", "", '<div class="botb-references" markdown>', ""]
    full_list = link_from(page_path, REFERENCES_PAGE)
    for number, key in enumerate(sources, start=1):
        entry = bibliography.entries[key]
        back = f"[In the full reference list]({full_list}#{anchor_for(key)})"
        lines.append(f"{number}. {format_citation(entry)} {back}")
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n"


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def render_page_status(*, evidence: str | None, reviewed: dt.date | None, page_path: str) -> str:
    """The short evidence and review lines shown under a page's title."""
    lines: list[str] = []
    if evidence is not None:
        grading = link_from(page_path, f"{GRADING_PAGE}#{GRADING_ANCHOR}")
        label = EVIDENCE_LABELS[evidence]
        lines.append(f"**Evidence: {label}** — [what this means]({grading})")
    if reviewed is not None:
        stamp = f'<time datetime="{reviewed.isoformat()}">{format_date(reviewed)}</time>'
        lines.append(f"Last reviewed: {stamp}")
    if not lines:
        return ""
    # Two trailing spaces make a line break inside one paragraph.
    # Kept out of the search index, so results show what the page says, not its metadata.
    return "  \n".join(lines) + "\n{ .botb-page-meta data-search-exclude }\n"


def insert_after_h1(markdown: str, block: str) -> str:
    """Put ``block`` right after the page's first level-1 heading (or at the top)."""
    if not block:
        return markdown
    lines = markdown.splitlines(keepends=True)
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence and _H1.match(line):
            head = "".join(lines[: index + 1])
            if not head.endswith("\n"):
                head += "\n"
            return f"{head}\n{block}\n{''.join(lines[index + 1 :])}"
    return f"{block}\n{markdown}"


def append_section(markdown: str, section: str) -> str:
    if not section:
        return markdown
    return f"{markdown.rstrip()}\n\n{section}"


def render_bibliography(
    bibliography: Bibliography,
    *,
    cited_on: Mapping[str, Iterable[tuple[str, str]]],
    page_path: str = REFERENCES_PAGE,
) -> str:
    """Every entry, sorted by author and year, with its anchor, type and citing pages.

    ``cited_on`` maps a key to ``(page title, docs-relative path)`` pairs.
    """
    entries = sorted(
        bibliography.entries.values(), key=lambda e: (e.authors.casefold(), e.year, e.key)
    )
    lines = ['<div class="botb-bibliography" markdown>', ""]
    for entry in entries:
        pages = sorted(cited_on.get(entry.key, ()), key=lambda pair: pair[0].casefold())
        links = ", ".join(
            f"[{escape(title)}]({link_from(page_path, path)})" for title, path in pages
        )
        lines.append(f'- <span id="{anchor_for(entry.key)}"></span>{format_citation(entry)}')
        meta = f"    {entry.type_label}"
        if links:
            meta += f" · Cited on: {links}"
        if entry.note:
            meta += f" · {escape(entry.note)}"
        lines.append("")
        lines.append(meta)
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def fill_marker(markdown: str, *, marker: str, content: str) -> str:
    return markdown.replace(marker, content, 1)
