"""Property: any edit to a page's front matter is accepted or reported as file:line:column.

Cases start from the live pages: the page is written to disk as bytes (so invalid UTF-8 is
possible), read back the way the content checks read it, checked against the front matter
contract, and, when accepted, decorated with its generated status line and references.
An accepted page must also mean the same to MkDocs: the title and description MkDocs reads
(and prints in <title> and the meta description) are the ones that were checked.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from botb.content.frontmatter import check_page, split_front_matter
from botb.content.site import SiteContent, render_page_markdown
from botb.diagnostics import DiagnosticError, read_source

from .bases import live_bibliography, live_pages
from .strategies import assert_clean_error, mutated, text_edits

FUZZ = settings(
    max_examples=180,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],  # see test_fuzz_guide: no minutes-long shrinks
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TODAY = dt.date(2026, 11, 27)


def _check_bytes(path: str, data: bytes) -> None:
    display = f"content/{path}"
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "page.md"
        file.write_bytes(data)
        try:
            text = read_source(file, display=display)
        except DiagnosticError as error:
            assert_clean_error(error, paths=[display])
            return
    bibliography = live_bibliography()
    result = check_page(
        text,
        path=path,
        display=display,
        bibliography_keys=bibliography.keys if bibliography else None,
        today=TODAY,
    )
    for diagnostics in (result.problems, result.warnings):
        if diagnostics:
            assert_clean_error(DiagnosticError(diagnostics), paths=[display])
    assert (result.meta is None) == bool(result.problems)
    if result.meta is None or bibliography is None:
        return
    _, mkdocs_meta = get_data(text)
    assert str(mkdocs_meta.get("title", "")).strip() == result.meta.title
    assert str(mkdocs_meta.get("description", "")).strip() == result.meta.description
    content = SiteContent(bibliography=bibliography, pages={path: result.meta})
    rendered = render_page_markdown(text, path=path, content=content, outcomes={})
    assert isinstance(rendered, str)


@FUZZ
@given(data=st.data())
def test_any_front_matter_edit_is_accepted_or_reported(data: st.DataObject) -> None:
    pages = live_pages()
    path = data.draw(st.sampled_from(sorted(pages)), label="page")
    text = pages[path]
    split = split_front_matter(text)
    if split.front_matter is None or data.draw(st.integers(0, 3), label="whole page?") == 0:
        edited = data.draw(text_edits(text), label="page bytes")
    else:
        # Most editor mistakes are in the few lines of YAML; keep the fences and body intact.
        inner = data.draw(mutated(split.front_matter), label="front matter bytes")
        edited = b"---\n" + inner + b"\n---\n" + split.body.encode("utf-8")
    _check_bytes(path, edited)
