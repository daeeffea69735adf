"""Heading ids of a Markdown page, computed the way Python-Markdown's toc extension does."""

from __future__ import annotations

import html
import re
import unicodedata

_ATX = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\{:?[^}]*#([A-Za-z0-9_:.-]+)[^}]*\}\s*$")
_ATTR_TAIL = re.compile(r"\s*\{:?[^}]*\}\s*$")
_HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")
_FENCE = re.compile(r"^\s*(```|~~~)")


def slugify(text: str) -> str:
    """Python-Markdown's default ``toc`` slugify."""
    value = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(r"[-\s]+", "-", value)


def _heading_text(raw: str) -> str:
    text = _LINK.sub(r"\1", raw)
    text = _TAG.sub("", text)
    text = re.sub(r"[*_`]", "", text)
    return html.unescape(text)


def heading_ids(markdown: str) -> frozenset[str]:
    """Every id a link ``page.md#id`` can point at: headings and explicit ``id=`` attributes."""
    ids: set[str] = set(_HTML_ID.findall(markdown))
    used: dict[str, int] = {}
    lines = markdown.splitlines()
    in_fence = False
    if lines and lines[0].strip() == "---":
        # Front matter is not part of the rendered page.
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1 :]
    for line in lines:
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        match = _ATX.match(line)
        if not match:
            continue
        explicit = _ATTR_ID.search(match.group(2))
        if explicit:
            ids.add(explicit.group(1))
            continue
        slug = slugify(_heading_text(_ATTR_TAIL.sub("", match.group(2))))
        if slug in used:
            used[slug] += 1
            slug = f"{slug}_{used[slug]}"
        else:
            used[slug] = 0
        ids.add(slug)
    return frozenset(ids)
