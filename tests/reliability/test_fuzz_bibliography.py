"""Property: any edit to the bibliography loads and renders, or is reported cleanly.

Cases mutate either the whole live bibliography or one entry of it (so most cases stay
one mistake away from a good file). An accepted bibliography must render every citation,
the full reference list and a page's References section without an exception.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from botb.content.bibliography import load_bibliography
from botb.content.references import format_citation, render_bibliography, render_page_references
from botb.diagnostics import DiagnosticError

from .bases import BIBLIOGRAPHY, live_bibliography_text
from .strategies import assert_clean_error, mutated

FUZZ = settings(
    max_examples=110,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # see test_fuzz_guide: no minutes-long shrinks
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@functools.cache
def _entries(text: str) -> list[str]:
    """Each top-level entry of the file as its own YAML snippet."""
    data = yaml.safe_load(text) or {}
    return [
        yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False)
        for key, value in data.items()
    ]


@FUZZ
@given(data=st.data())
def test_any_bibliography_edit_loads_or_is_reported(data: st.DataObject) -> None:
    text = live_bibliography_text()
    if data.draw(st.booleans(), label="one entry?"):
        entries = _entries(text)
        index = data.draw(st.integers(0, len(entries) - 1), label="entry")
        edited = data.draw(mutated(entries[index]), label="entry bytes")
        before = "".join(entries[:index]).encode("utf-8")
        after = "".join(entries[index + 1 :]).encode("utf-8")
        content = before + edited + (b"" if edited.endswith(b"\n") else b"\n") + after
    else:
        content = data.draw(mutated(text), label="file bytes")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bibliography.yml"
        path.write_bytes(content)
        try:
            bibliography = load_bibliography(path, display=BIBLIOGRAPHY)
        except DiagnosticError as error:
            assert_clean_error(error, paths=[BIBLIOGRAPHY])
            return
    for entry in bibliography.entries.values():
        assert format_citation(entry)
    assert render_bibliography(bibliography, cited_on={})
    render_page_references(sorted(bibliography.keys), bibliography=bibliography, page_path="a.md")
