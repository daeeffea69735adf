"""Relative links between docs-relative pages (what MkDocs resolves and checks)."""

from __future__ import annotations

import posixpath


def _parts(path: str) -> list[str]:
    return [part for part in posixpath.normpath(path).split("/") if part not in ("", ".")]


def relative_path(path: str, *, start: str) -> str:
    """``posixpath.relpath(path, start)`` for docs-relative paths, worked out from the two
    paths alone.

    relpath makes both absolute first (a working-directory lookup per call, and the links
    are made hundreds of times a build). The answer only depends on the working directory
    when a path is absolute or climbs above it: those go to relpath itself.
    """
    if not path:
        raise ValueError("no path specified")
    start_parts, path_parts = _parts(start), _parts(path)
    if posixpath.isabs(path) or posixpath.isabs(start) or ".." in start_parts[:1] + path_parts[:1]:
        return posixpath.relpath(path, start)
    common = 0
    for here, there in zip(start_parts, path_parts, strict=False):
        if here != there:
            break
        common += 1
    up = [".."] * (len(start_parts) - common)
    return "/".join(up + path_parts[common:]) or "."


def page_link(page: str, target: str) -> str:
    """The relative link from docs-relative ``page`` to ``target`` (which may end in an
    ``#anchor``)."""
    path, _, anchor = target.partition("#")
    relative = relative_path(path, start=posixpath.dirname(page))
    return f"{relative}#{anchor}" if anchor else relative
