"""Errors an editor can act on: every problem carries file:line:column.

Checks collect every problem they find and raise them together, so an editor fixes a
broken file in one pass instead of one error per build.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"


class DiagnosticError(Exception):
    """One or more problems in editor-written input; never a bug in the engine."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(set(diagnostics))
        super().__init__(self.format())

    def format(self) -> str:
        count = len(self.diagnostics)
        head = f"{count} problem{'s' if count != 1 else ''} found:"
        return "\n".join([head, *(str(d) for d in self.diagnostics)])


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the closest of ``choices``, or "" when none is close: one
    wording for every message that names an unknown key, id, page or source."""
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def display_path(path: Path, *, root: Path | None = None) -> str:
    """A path as an editor sees it: relative to the project when possible."""
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_source(path: Path, *, display: str) -> str:
    """An editor's file as text; bytes that are not UTF-8 become a diagnostic, not a traceback.

    A leading byte-order mark is dropped, as MkDocs does when it reads a page.
    """
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start].decode("utf-8-sig", "replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        message = (
            f"byte 0x{data[error.start]:02X} is not UTF-8 text "
            "(the file was saved in another encoding, or pasted with a broken character); "
            "save it as UTF-8"
        )
        raise DiagnosticError([Diagnostic(Location(display, line, column), message)]) from None


def raise_if_any(diagnostics: Iterable[Diagnostic]) -> None:
    found = list(diagnostics)
    if found:
        raise DiagnosticError(found)
