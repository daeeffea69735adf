"""Compiled theme templates kept between builds (Jinja's bytecode cache).

MkDocs creates a new Jinja environment for every build, so every build, and every rebuild of
``mkdocs serve``, compiles Material's templates and the overrides again: about a tenth of a
build of this site. Jinja's own bytecode cache keeps the compiled code in ``.cache/`` beside
mkdocs.yml and recompiles a template whenever its source changes (its key holds a checksum
of the source). The folder is named for the MkDocs and Material versions, whose environment
options the compiled code depends on; Jinja's own header covers the Jinja and Python ones.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache

CACHE_DIR = Path(".cache") / "jinja"


@functools.cache  # installed versions do not change while `mkdocs serve` rebuilds
def _versions() -> str:
    names = []
    for package in ("mkdocs", "mkdocs-material"):
        try:
            names.append(f"{package}-{version(package)}")
        except PackageNotFoundError:
            names.append(f"{package}-unknown")
    return "_".join(names)


def cache_templates(env: Environment, *, root: Path) -> Environment:
    """``env`` with compiled templates kept under ``root``/.cache/jinja; unchanged when that
    folder cannot be made (a read-only checkout builds as before, only slower)."""
    folder = root / CACHE_DIR / _versions()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env
