"""Hypothesis strategies that turn a good editor file into the mistakes editors make.

Two families, both starting from real files (the live tree, pages and bibliography, and the
engine's valid fixture) so most cases sit one or two edits from something that builds:

* text edits: a stray character, a deleted, doubled or re-indented line, a file cut short,
  unicode oddities (BOM, NUL and other control characters, RTL marks, emoji, combining
  marks, a lone surrogate that can only reach the disk as invalid UTF-8), huge or empty files;
* structure edits: parse the YAML, then delete a field, give it the wrong type, add an
  unknown key or rename one, and write it back, so the file is valid YAML but a bad guide.

Every strategy draws bytes, because that is what an editor's save leaves on disk.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml
from hypothesis import strategies as st

from botb.diagnostics import DiagnosticError

# Characters editors paste by accident, and YAML's own punctuation in the wrong place.
ODD_PIECES = (
    "\ufeff",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u200b",
    "\u200f",
    "\u202e",
    "\u2028",
    "\ufffe",
    "🚲",
    "👍🏽",
    "e\u0301",
    "\ud800",  # a lone surrogate: not encodable, becomes invalid UTF-8 bytes on disk
    "\t",
    "\r",
    ":",
    ": ",
    "- ",
    "{",
    "}",
    "[",
    "]",
    "&anchor ",
    "*anchor",
    "!!python/object/apply:os.system ['true'] ",
    "!!binary ",
    "'",
    '"',
    "# ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "? ",
    "|",
    ">-",
    "yes",
    "No",
    "~",
    "null",
    "2026-13-45",
    "2026-02-30",
    "0x1F",
    ".inf",
    "<<: *anchor",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1)){onclick=alert(1)}",
    "\\",
    "%",
    "@",
    "`",
)

ODD_TEXT = st.one_of(
    st.sampled_from(ODD_PIECES),
    st.text(min_size=1, max_size=20),
    st.text(st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp", "Mn"]), max_size=8),
)

# Big enough to find quadratic work and recursion limits, small enough for 2 cores.
HUGE = st.sampled_from(
    [
        "x" * 30_000,
        "word " * 4_000,
        "🚲" * 5_000,
        "[" * 3_000,
        "{a: " * 2_000,
        "- " * 2_000,
        "a:\n" + "  " * 2_000 + "b: c",
    ]
)

BAD_BYTES = st.sampled_from(
    [b"\xff", b"\xfe\xff", b"\xc3", b"\xed\xa0\x80", b"\x80abc", b"\xf8\x88\x80\x80\x80"]
)


def encode(text: str) -> bytes:
    """How a broken editor would save a lone surrogate: as the invalid bytes it stands for."""
    return text.encode("utf-8", "surrogatepass")


@st.composite
def text_edits(draw: st.DrawFn, base: str) -> bytes:
    """``base`` with one to three character- or line-level edits, as bytes."""
    text = base
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(
            st.sampled_from(
                [
                    "insert",
                    "insert",
                    "delete_span",
                    "delete_line",
                    "duplicate_line",
                    "swap_lines",
                    "indent",
                    "truncate",
                    "replace_value",
                ]
            )
        )
        text = _edit(draw, text, operation)
    data = encode(text)
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(BAD_BYTES) + data[at:]
    return data


def _edit(draw: st.DrawFn, text: str, operation: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    line = draw(st.integers(0, len(lines) - 1))
    if operation == "insert":
        at = draw(st.integers(0, len(text)))
        return text[:at] + draw(ODD_TEXT) + text[at:]
    if operation == "delete_span":
        start = draw(st.integers(0, len(text)))
        return text[:start] + text[start + draw(st.integers(1, 40)) :]
    if operation == "delete_line":
        return "".join(lines[:line] + lines[line + 1 :])
    if operation == "duplicate_line":
        return "".join(lines[: line + 1] + lines[line:])
    if operation == "swap_lines":
        other = draw(st.integers(0, len(lines) - 1))
        lines[line], lines[other] = lines[other], lines[line]
        return "".join(lines)
    if operation == "indent":
        stripped = lines[line].lstrip(" ")
        lead = draw(st.sampled_from(["", " ", "\t", "   ", "        ", "\t  "]))
        lines[line] = lead + stripped
        return "".join(lines)
    if operation == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    # replace_value: the text after the first ': ' on a line, the commonest hand edit
    head, colon, _ = lines[line].partition(": ")
    if not colon:
        return text
    lines[line] = f"{head}: {draw(st.one_of(ODD_TEXT, HUGE))}\n"
    return "".join(lines)


# Values of every type YAML can carry, for "wrong type" edits.
ODD_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.sampled_from(["", " ", "\n", "yes", "No", "0", "2026-02-30", "nodes", "guide"]),
    ODD_TEXT,
    st.text(max_size=60),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
    st.sampled_from([[], {}, [None], [[]], {"": None}]),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a loaded document that an edit could change."""
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*prefix, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path[:-1]:
        data = data[step]
    return data


@st.composite
def structure_edits(draw: st.DrawFn, base: str) -> bytes:
    """``base`` parsed, changed in one to three places, and dumped back as YAML bytes."""
    data = yaml.safe_load(base)
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            data = draw(ODD_VALUES)
            break
        path = draw(st.sampled_from(paths))
        parent = _parent(data, path)
        key = path[-1]
        operation = draw(
            st.sampled_from(["delete", "retype", "retype", "unknown_key", "rename", "dangle"])
        )
        if operation == "delete":
            del parent[key]
        elif operation == "retype" or not isinstance(parent, dict):
            parent[key] = draw(ODD_VALUES)
        elif operation == "unknown_key":
            parent[draw(st.sampled_from(["lable", "nxt", "screeing", "url ", "Title", "x"]))] = (
                draw(ODD_VALUES)
            )
        elif operation == "rename":
            parent[f"{key}{draw(st.sampled_from(['s', '_', '-x', ' ', '2']))}"] = parent.pop(key)
        else:
            parent[key] = draw(st.sampled_from(["missing-node", "start", "", "Emergency", "a b"]))
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    return encode(text)


def mutated(base: str) -> st.SearchStrategy[bytes]:
    """Any edit an editor could make to ``base``, including throwing it all away."""
    whole_file = st.one_of(
        st.sampled_from([b"", b"\n", b"   \n", b"\xef\xbb\xbf", b"---\n", b"~\n", b"[]\n", b"{}"]),
        HUGE.map(encode),
        st.binary(max_size=200),
    )
    return st.one_of(
        text_edits(base), text_edits(base), structure_edits(base), structure_edits(base), whole_file
    )


# "file:line:column: message", where file is one of the inputs.
def diagnostic_pattern(paths: list[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(p) for p in paths)
    return re.compile(rf"^(?:{names}):[1-9]\d*:[1-9]\d*: \S.*$")


def assert_clean_error(error: DiagnosticError, *, paths: list[str]) -> None:
    """Every message names one of the input files with a line and column, and says something."""
    pattern = diagnostic_pattern(paths)
    assert error.diagnostics, "a DiagnosticError with no diagnostics tells the editor nothing"
    for diagnostic in error.diagnostics:
        shown = str(diagnostic)
        assert "\n" not in shown, f"a message spans lines: {shown!r}"
        assert pattern.match(shown), f"not file:line:column: message: {shown!r}"
