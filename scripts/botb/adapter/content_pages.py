"""Front matter checks, references and approach tables for content pages.

A thin shell: ``botb.content.site`` does the work; this module only reads MkDocs config,
logs stale-review warnings (strict builds fail on them) and maps pages to paths.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from botb.adapter import project_root
from botb.content.references import ReviewWording
from botb.content.site import (
    LoadedBibliography,
    Outcome,
    SiteContent,
    check_site_content,
    render_page_markdown,
)
from botb.content.site import read_bibliography as read_site_bibliography
from botb.diagnostics import Diagnostic, DiagnosticError, Location

log = logging.getLogger("mkdocs.plugins.botb")
TODAY_VARIABLE = "BOTB_TODAY"


@dataclass(frozen=True)
class ContentState:
    content: SiteContent
    outcomes_by_page: Mapping[str, Sequence[Outcome]] | None


def read_bibliography(*, config: MkDocsConfig, options: Any) -> LoadedBibliography:
    """The bibliography, read once per build for both the guide and the page checks."""
    path = Path(config.docs_dir) / options.bibliography
    return read_site_bibliography(path, root=project_root(config))


def review_date() -> dt.date:
    """The date review ages are counted from: ``BOTB_TODAY`` (ISO) when set, so a test run
    gives the same verdict on any day, otherwise the real date."""
    pinned = os.environ.get(TODAY_VARIABLE)
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def load_content(
    *, config: MkDocsConfig, loaded: LoadedBibliography, today: dt.date
) -> SiteContent:
    """Check every page against the bibliography; raises ``DiagnosticError`` listing all
    problems (the bibliography's own included)."""
    content = check_site_content(
        Path(config.docs_dir), loaded=loaded, root=project_root(config), today=today
    )
    for warning in content.warnings:
        log.warning(str(warning))
    return dataclasses.replace(content, review_wording=review_wording(config))


REVIEW_KEYS = ("pending", "pending_undated", "signed", "signed_undated")


def review_wording(config: MkDocsConfig) -> ReviewWording:
    """The review line's wording, from ``extra.review_status`` in mkdocs.yml.

    It lives there, not here, so the words readers see are edited with the content and the
    guide's outcome pages can print the same line.
    """
    extra: dict[str, Any] = dict(config.extra or {})
    raw = extra.get("review_status")
    where = Location(str(Path(config.config_file_path or "mkdocs.yml").name))
    if not isinstance(raw, dict):
        message = f"extra.review_status must map {', '.join(REVIEW_KEYS)} to the review line"
        raise DiagnosticError([Diagnostic(where, message)])
    missing = [key for key in REVIEW_KEYS if not isinstance(raw.get(key), str)]
    if missing:
        message = f"extra.review_status is missing {', '.join(missing)}"
        raise DiagnosticError([Diagnostic(where, message)])
    return ReviewWording(**{key: str(raw[key]) for key in REVIEW_KEYS})


def content_state(content: SiteContent, *, guide: Any) -> ContentState:
    """``guide`` is the compiled guide (with ``outcomes_by_page``) or None when there is none."""
    outcomes = guide.outcomes_by_page if guide is not None else None
    return ContentState(content=content, outcomes_by_page=outcomes)


def page_markdown(markdown: str, *, page: Page, state: ContentState) -> str:
    return render_page_markdown(
        markdown,
        path=page.file.src_uri,
        content=state.content,
        outcomes=state.outcomes_by_page,
    )


def escape_front_matter_text(page: Page) -> None:
    """Make a page's title and description print as text in every theme template: the one
    escaping layer for front matter, for content and generated guide pages alike.

    Material prints ``page.meta.title`` raw (the header topic, the footer links), so a '<'
    in a title became live markup, and the page's CSP hashes every inline script it finds.
    Markup-escaped values print as text there, and the templates that do escape (``| e``)
    leave a Markup value as it is, so nothing is escaped twice.
    """
    for key in ("title", "description"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = escape(value)
