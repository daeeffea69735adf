"""Front matter checks, references and approach tables for content pages. (KB-INFRA owner)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class ContentState:
    """Placeholder until the content checks land."""


def load_content(*, config: MkDocsConfig, options: Any, guide: Any) -> ContentState | None:
    return None


def page_markdown(markdown: str, *, page: Page, state: ContentState) -> str:
    return markdown
