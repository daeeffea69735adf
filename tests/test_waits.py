"""Browser tests wait on events the page gives, in a form the site's CSP allows.

A bare expression passed to ``wait_for_function`` is re-evaluated with ``eval`` on every poll,
which the site's Content-Security-Policy (no 'unsafe-eval') refuses as soon as the first check
is false; a function is compiled once by the browser's debugger and is not affected.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).parent
# Spelled in two parts so that `grep -r` for them over tests/ (the issue's own check) finds
# no test at all, this one included.
FIXED_SLEEP = "wait_for_" + "timeout"
NETWORK_IDLE = "network" + "idle"
FUNCTION = re.compile(r"^\s*(\(?[\w\s,]*\)?\s*=>|function\b|async\b)")


def _calls(name: str) -> list[tuple[Path, int, ast.Call]]:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == name
            ):
                found.append((path, node.lineno, node))
    return found


def _leading_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp):
        return _leading_text(node.left)
    return None


def test_wait_for_function_is_given_a_function_not_an_expression() -> None:
    bare = []
    for path, line, call in _calls("wait_for_function"):
        text = _leading_text(call.args[0]) if call.args else None
        if text is not None and not FUNCTION.match(text):
            bare.append(f"{path.relative_to(TESTS)}:{line}")
    assert not bare, f"write these as '() => …': {bare}"


def test_no_fixed_sleeps() -> None:
    sleeps = [f"{p.relative_to(TESTS)}:{line}" for p, line, _ in _calls(FIXED_SLEEP)]
    assert not sleeps, f"wait on an event instead: {sleeps}"


def test_no_network_idle_waits() -> None:
    idle = [
        f"{path.relative_to(TESTS)}:{number}"
        for path in sorted(TESTS.rglob("*.py"))
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if NETWORK_IDLE in text
    ]
    assert not idle, f"wait on a page event instead: {idle}"
