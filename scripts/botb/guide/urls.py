"""Where each generated page lives: source paths and site URLs (links: botb.links)."""

from __future__ import annotations

from botb.guide.model import Node, Outcome

START_PAGE = "guide/index.md"
OUTLINE_PAGE = "guide/outline.md"
MAP_PAGE = "guide/map.md"
PATHS_PAGE = "guide/paths.md"
JSON_FILE = "guide/guide.json"
PATH_BOOK_FILE = "guide/paths.txt"


def node_src(node: Node) -> str:
    """Docs-relative source path of a node's page."""
    kind = "o" if isinstance(node, Outcome) else "q"
    return f"guide/{kind}/{node.id}.md"


def site_url(src: str) -> str:
    """Site-relative URL (no leading slash) of a docs-relative .md path, directory style."""
    page, _, anchor = src.partition("#")
    stem = page.removesuffix(".md")
    is_index = stem == "index" or stem.endswith("/index")
    url = stem.removesuffix("index") if is_index else f"{stem}/"
    return f"{url}#{anchor}" if anchor else url
