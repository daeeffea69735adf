"""The good files the fuzz tests start from: the live project and the engine's valid fixture.

Read once per run. The live files change as writers work; the fixture keeps a known-good
guide in the mix whatever state the live tree is in.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from botb.content.bibliography import Bibliography, parse_bibliography
from botb.diagnostics import DiagnosticError

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BIBLIOGRAPHY = "content/_data/bibliography.yml"


@dataclass(frozen=True)
class GuideBase:
    name: str
    files: dict[str, str]  # file name in guide/ -> text
    docs_markdown: dict[str, str]  # docs-relative page -> Markdown
    source_keys: frozenset[str]


def _texts(folder: Path, pattern: str) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.glob(pattern))
        if path.is_file()
    }


@functools.cache
def live_bibliography() -> Bibliography | None:
    try:
        return parse_bibliography(
            (ROOT / BIBLIOGRAPHY).read_text(encoding="utf-8"), display=BIBLIOGRAPHY
        )
    except DiagnosticError:
        return None


@functools.cache
def guide_bases() -> tuple[GuideBase, ...]:
    bibliography = live_bibliography()
    live = GuideBase(
        name="live",
        files=_texts(ROOT / "guide", "*.yml"),
        docs_markdown=_texts(ROOT / "content", "**/*.md"),
        source_keys=bibliography.keys if bibliography else frozenset(),
    )
    fixture = GuideBase(
        name="fixture",
        files=_texts(FIXTURES / "guide" / "valid", "*.yml"),
        docs_markdown=_texts(FIXTURES / "docs", "**/*.md"),
        source_keys=frozenset({"nice-ng59", "hayden-2021", "finucane-2020"}),
    )
    return tuple(base for base in (live, fixture) if base.files)


@functools.cache
def live_pages() -> dict[str, str]:
    """Every content page with front matter, by docs-relative path."""
    return {
        path: text
        for path, text in _texts(ROOT / "content", "**/*.md").items()
        if text.startswith("---")
    }


@functools.cache
def live_bibliography_text() -> str:
    return (ROOT / BIBLIOGRAPHY).read_text(encoding="utf-8")
