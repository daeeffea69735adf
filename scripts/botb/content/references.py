"""Render citations as Markdown: a page's References, its evidence/review lines, the full list.

Writers never type a reference list by hand; everything here is generated from the page's
``sources`` and the bibliography, so a citation is spelled the same way on every page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from botb.content.bibliography import Bibliography, Entry
from botb.content.frontmatter import ClinicalReview
from botb.escape import md_text
from botb.links import page_link

REFERENCES_PAGE = "references.md"
BIBLIOGRAPHY_MARKER = "<!-- bibliography -->"
GRADING_PAGE = "about/index.md"
GRADING_ANCHOR = "how-we-grade-evidence"

EVIDENCE_LABELS = {
    "high": "high certainty",
    "moderate": "moderate certainty",
    "low": "low certainty",
    "very-low": "very low certainty",
    # Not a GRADE level: a label for "we looked and found no studies".
    "none": "no studies found",
}

# An in-text citation is an ordinary Markdown link to the page's own reference entry:
# [Hayden 2021](#ref-hayden-2021). Writers keep their own wording; the key is checked.
CITATION = re.compile(r"\[(?P<text>[^\]\n]+)\]\(#ref-(?P<key>[^)\s]+)\)")


@dataclass(frozen=True)
class ReviewWording:
    """The plain-words review line; the wording lives in mkdocs.yml ``extra.review_status``.

    Placeholders: {reviewed} (the editorial check date), {name}, {role}, {date}.
    """

    pending: str
    pending_undated: str
    signed: str
    signed_undated: str

    def line(self, *, reviewed: dt.date | None, clinical: ClinicalReview | None) -> str:
        stamp = _time(reviewed) if reviewed is not None else ""
        if clinical is None:
            template = self.pending if reviewed is not None else self.pending_undated
            return template.format(reviewed=stamp)
        template = self.signed if reviewed is not None else self.signed_undated
        return template.format(
            reviewed=stamp,
            name=escape(clinical.name),
            role=escape(clinical.role),
            date=_time(clinical.date),
        )


def _time(day: dt.date) -> str:
    return f'<time datetime="{day.isoformat()}">{format_date(day)}</time>'


_H1 = re.compile(r"^#\s+\S")
_FENCE = re.compile(r"^\s*(```|~~~)")


def escape(text: str) -> str:
    """Plain text made safe to drop into Markdown (titles hold brackets and asterisks)."""
    return md_text(text)


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
    elif entry.pmid:
        text += f" [PubMed {escape(entry.pmid)}]({entry.link})"
    elif entry.url:
        text += f" [{escape(_display_url(entry.url))}]({entry.url})"
    return text


def _display_url(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def cite_anchor_for(key: str) -> str:
    return f"cite-{key}"


def render_page_references(
    sources: Sequence[str],
    *,
    bibliography: Bibliography,
    page_path: str,
    cited_in_text: Iterable[str] = (),
) -> str:
    """The numbered References section for the foot of a page, in the page's own order.

    Each entry carries the ``ref-<key>`` anchor that in-text citations link to, and links
    back to the first place the text cites it.
    """
    if not sources:
        return ""
    in_text = set(cited_in_text)
    lines = ["## References", "", '<div class="botb-references" markdown>', ""]
    full_list = page_link(page_path, REFERENCES_PAGE)
    for number, key in enumerate(sources, start=1):
        entry = bibliography.entries[key]
        back = f"[In the full reference list]({full_list}#{anchor_for(key)})"
        if key in in_text:
            back = f"[Back to the text](#{cite_anchor_for(key)}) · {back}"
        anchor = f'<span id="{anchor_for(key)}"></span>'
        lines.append(f"{number}. {anchor}{format_citation(entry)} {back}")
    lines += ["", "</div>"]
    return "\n".join(lines) + "\n"


def format_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def render_page_status(
    *,
    evidence: str | None,
    reviewed: dt.date | None,
    page_path: str,
    evidence_for: str | None = None,
    clinical: ClinicalReview | None = None,
    wording: ReviewWording | None = None,
) -> str:
    """The short evidence and review lines shown under a page's title."""
    lines: list[str] = []
    if evidence is not None:
        grading = page_link(page_path, f"{GRADING_PAGE}#{GRADING_ANCHOR}")
        label = EVIDENCE_LABELS[evidence]
        about = f" ({escape(evidence_for)})" if evidence_for else ""
        lines.append(f"**Evidence: {label}**{about} — [what this means]({grading})")
    if wording is not None:
        lines.append(wording.line(reviewed=reviewed, clinical=clinical))
    elif reviewed is not None:
        stamp = _time(reviewed)
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
            f"[{escape(title)}]({page_link(page_path, path)})" for title, path in pages
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


def link_citations(markdown: str) -> str:
    """Give the first in-text citation of each key the anchor its reference links back to."""
    seen: set[str] = set()

    def mark(match: re.Match[str]) -> str:
        key = match.group("key")
        if key in seen:
            return match.group(0)
        seen.add(key)
        return f"{match.group(0)}{{ #{cite_anchor_for(key)} }}"

    return CITATION.sub(mark, markdown)


def citations_in(body: str) -> list[tuple[str, int, int]]:
    """Every in-text citation key with its 1-based line and column within ``body``."""
    found: list[tuple[str, int, int]] = []
    for number, line in enumerate(body.splitlines(), start=1):
        for match in CITATION.finditer(line):
            found.append((match.group("key"), number, match.start() + 1))
    return found
