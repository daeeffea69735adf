"""Navigation items rendered once per build and reused on every page with the same links.

Material renders the whole primary navigation into every page: one entry per top-level item
(each section pruned to a single link under ``navigation.prune``) and every page of the
current section. Rendering it was the largest per-page cost of a build and grew with the
number of sections, so builds slowed down faster than the site grew. An item that does not
hold the current page renders to the same HTML on every page except for its links, which are
relative to the page. So the HTML is kept, keyed by exactly those relative URLs, and each
distinct key is rendered by Material's own macro once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

Macro = Callable[..., str]

# A target outside every page's folders: its page-relative URL is "../" once per folder of the
# page, which is all that a plain target (see ``_plain``) in another top folder depends on.
_PROBE = "\0/"


def _plain(url: str) -> bool:
    """A site-relative path that MkDocs makes page-relative by climbing out of the page's
    folders and down into its own: ``"../" * depth + url`` unless the two share a top folder."""
    return (
        bool(url)
        and not url.startswith(("/", "#"))
        and ":" not in url
        and "\\" not in url
        and not any(part in (".", "..") for part in url.split("/"))
    )


def _top_folder(url: str) -> str:
    return next((part for part in url.split("/") if part), "")


def _walk(item: Any) -> Iterator[Any]:
    yield item
    for child in getattr(item, "children", None) or ():
        yield from _walk(child)


@dataclass(frozen=True)
class _Links:
    """Everything under one nav item that its HTML can depend on per page."""

    src_uris: frozenset[str]  # pages under it: one of them current means render it afresh
    by_folder: dict[str, tuple[str, ...]]  # plain link targets by their top folder
    other: tuple[str, ...]  # every other link target (the home page "", external URLs)


def _links(item: Any) -> _Links:
    by_folder: dict[str, list[str]] = {}
    other: list[str] = []
    src_uris: set[str] = set()
    for node in _walk(item):
        if isinstance(node, Page):
            src_uris.add(node.file.src_uri)
        url = getattr(node, "url", None)
        if not isinstance(url, str):
            continue
        if _plain(url):
            by_folder.setdefault(_top_folder(url), []).append(url)
        else:
            other.append(url)
    return _Links(
        frozenset(src_uris),
        {folder: tuple(urls) for folder, urls in by_folder.items()},
        tuple(other),
    )


class SharedNav:
    """Rendered nav items of one build, shared between the pages whose links match."""

    def __init__(self, nav: Navigation) -> None:
        # Keyed by id(): MkDocs pages compare by title and file, and are not hashable.
        self._items = {id(node): (node, _links(node)) for top in nav.items for node in _walk(top)}
        self._html: dict[tuple[object, ...], str] = {}

    def bind(self, macro: Macro, page: Page | None) -> Macro:
        """``macro`` (Material's ``render(nav_item, path, level, parent)``) for ``page``,
        answering from the shared HTML whenever the item's output cannot differ."""
        if page is None or not _plain(page.url or "x"):
            return macro  # a template outside any page (404), or a URL MkDocs would rewrite
        base = normalize_url(_PROBE, page)
        folder = _top_folder(page.url)

        def render(nav_item: Any, path: str, level: int, *parent: Any) -> str:
            known = self._items.get(id(nav_item))
            if known is None or known[0] is not nav_item:
                return macro(nav_item, path, level, *parent)
            links = known[1]
            if nav_item.active or page.file.src_uri in links.src_uris:
                return macro(nav_item, path, level, *parent)
            targets = (*links.other, *links.by_folder.get(folder, ()))
            key = (
                id(nav_item),
                path,
                level,
                # Only Material's tabs + sections layout reads the parent, for its state.
                tuple(bool(getattr(p, "active", False)) for p in parent),
                base,
                *(normalize_url(url, page) for url in targets),
            )
            html = self._html.get(key)
            if html is None:
                html = self._html[key] = macro(nav_item, path, level, *parent)
            return html

        return render
