"""End-to-end property: an edited guide either publishes a whole new site or leaves the old.

Each case mutates one guide file in a copy of the project and runs ``make build``'s entry
point (``botb.build.build_atomically``, a real strict MkDocs build in a subprocess). A
failed build must say file:line:column and leave the previous site byte for byte; a good
one must replace it with a complete site. Few cases: each is a real build.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from botb.build import build_atomically

from .project import copy_project
from .strategies import text_edits

PROBLEM = re.compile(r"^(?:guide/[\w.-]+\.yml):\d+:\d+: \S", re.MULTILINE)


def _snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("atomic") / "project")


@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_a_bad_guide_edit_never_publishes_a_partial_site(
    project: Path, data: st.DataObject
) -> None:
    guide_files = sorted((project / "guide").glob("*.yml"))
    file = data.draw(st.sampled_from(guide_files), label="guide file")
    original = file.read_bytes()
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    (site / "guide").mkdir(parents=True)
    (site / "index.html").write_text("<p>the previous good site</p>", encoding="utf-8")
    (site / "guide" / "guide.json").write_text("{}", encoding="utf-8")
    before = _snapshot(site)
    try:
        file.write_bytes(data.draw(text_edits(original.decode("utf-8")), label="edited"))
        result = build_atomically(config_file=project / "mkdocs.yml", site_dir=site)
    finally:
        file.write_bytes(original)
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".site.")]
    assert leftovers == [], "a staging folder was left behind"
    if result.ok:
        assert (site / "guide" / "guide.json").read_text(encoding="utf-8") != "{}"
        assert (site / "404.html").is_file()
        return
    assert _snapshot(site) == before, "a failed build changed the published site"
    assert "Traceback" not in result.log, result.log
    assert PROBLEM.search(result.log), result.log
