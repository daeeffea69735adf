"""Front matter checks, references and approach tables for content pages. (KB-INFRA owner)

A thin shell: ``botb.content.site`` does the work; this module only reads MkDocs config,
logs stale-review warnings (strict builds fail on them) and maps pages to paths.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from botb.content.site import Outcome, SiteContent, load_site_content, render_page_markdown

log = logging.getLogger("mkdocs.plugins.botb")


@dataclass(frozen=True)
class ContentState:
    content: SiteContent
    outcomes_by_page: Mapping[str, Sequence[Outcome]] | None


def load_content(*, config: MkDocsConfig, options: Any, guide: Any) -> ContentState | None:
    """Check every page and the bibliography; raises ``DiagnosticError`` listing all problems.

    ``guide`` is the compiled guide (with ``outcomes_by_page``) or None when there is none.
    """
    docs_dir = Path(config.docs_dir)
    root = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
    content = load_site_content(
        docs_dir,
        bibliography_path=docs_dir / options.bibliography,
        root=root,
        today=dt.date.today(),
    )
    for warning in content.warnings:
        log.warning(str(warning))
    outcomes = guide.outcomes_by_page if guide is not None else None
    return ContentState(content=content, outcomes_by_page=outcomes)


def page_markdown(markdown: str, *, page: Page, state: ContentState) -> str:
    return render_page_markdown(
        markdown,
        path=page.file.src_uri,
        content=state.content,
        outcomes=state.outcomes_by_page,
    )
