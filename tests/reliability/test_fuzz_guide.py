"""Property: any edit to the guide YAML ends in a compiled guide or in clean diagnostics.

Each case writes the guide files (one of them mutated, or one extra file) to a temporary
folder and runs the whole engine (load, checks, every renderer) exactly as the MkDocs adapter
does. A traceback of any kind other than ``DiagnosticError`` fails the test.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from botb.diagnostics import DiagnosticError
from botb.guide.compile import compile_guide

from .bases import GuideBase, guide_bases
from .strategies import assert_clean_error, mutated

FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,  # the same cases on every run and in CI: a failure reproduces
    database=None,
    # No shrinking: a failure already prints every draw, and shrinking a slow case can take
    # minutes, which a CI run should not spend.
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def compile_edited(base: GuideBase, files: dict[str, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        guide_dir = root / "guide"
        guide_dir.mkdir()
        for name, data in files.items():
            (guide_dir / name).write_bytes(data)
        try:
            compiled = compile_guide(
                guide_dir=guide_dir,
                root=root,
                docs_pages=frozenset(base.docs_markdown),
                docs_markdown=base.docs_markdown,
                source_keys=base.source_keys,
                source_links={key: (key, None) for key in base.source_keys},
                site_url="https://example.org/back-on-the-bike/",
            )
        except DiagnosticError as error:
            assert_clean_error(error, paths=[f"guide/{name}" for name in files])
            return
        assert compiled is not None
        document = json.loads(compiled.json_text)
        assert document["start"] in document["nodes"]


@FUZZ
@given(data=st.data())
def test_any_guide_edit_compiles_or_fails_cleanly(data: st.DataObject) -> None:
    base = data.draw(st.sampled_from(guide_bases()), label="base")
    files = {name: text.encode("utf-8") for name, text in base.files.items()}
    name = data.draw(st.sampled_from(sorted(files)), label="file")
    if data.draw(st.integers(0, 7), label="extra file?") == 0:
        # A new file next to the others: a copy-pasted block, duplicate ids, a second guide:.
        name = data.draw(st.sampled_from(["zz-extra.yml", "00-first.yml"]), label="new file")
    source = base.files.get(name) or data.draw(st.sampled_from(list(base.files.values())))
    files[name] = data.draw(mutated(source), label="content")
    compile_edited(base, files)
