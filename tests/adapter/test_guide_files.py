"""The MkDocs side of the guide: a real strict build of the fixture tree via MkDocs hooks.

The build validates every generated relative link and anchor (strict mode), which is what
the engine relies on for links inside question and outcome pages.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# The module-scoped build runs once, on one worker.
pytestmark = pytest.mark.xdist_group("guide_files_build")

CONFIG = """\
site_name: Guide test
site_url: https://example.org/botb/
docs_dir: docs
strict: true
theme:
  name: material
hooks:
  - hook.py
not_in_nav: |
  /guide/**
validation:
  omitted_files: info
  absolute_links: warn
  unrecognized_links: warn
  anchors: warn
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
"""

HOOK = """\
from types import SimpleNamespace

from botb.adapter import content_pages, guide_files

OPTIONS = SimpleNamespace(guide_dir="guide", bibliography="_data/bibliography.yml", path_cap=5000)
state = {}


def on_pre_build(config):
    # The guide alone, as the plugin runs it: the bibliography is read once and handed in;
    # without the content checks' titles the engine reads them from the pages.
    loaded = content_pages.read_bibliography(config=config, options=OPTIONS)
    state["guide"] = guide_files.compile_guide(
        config=config, options=OPTIONS, bibliography=loaded.bibliography, page_titles=None
    )


def on_files(files, config):
    if state["guide"] is None:
        return files
    return guide_files.add_guide_files(files=files, config=config, guide=state["guide"])
"""


def _project(tmp_path: Path, *, with_guide: bool) -> Path:
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    if with_guide:
        shutil.copytree(FIXTURES / "guide" / "valid", tmp_path / "guide")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "hook.py").write_text(HOOK, encoding="utf-8")
    return tmp_path


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _project(tmp_path_factory.mktemp("guide-build"), with_guide=True)
    result = _build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_every_page_and_the_json_are_built(site: Path) -> None:
    for url in [
        "guide",
        "guide/outline",
        "guide/map",
        "guide/paths",
        "guide/q/saddle-and-bladder",
        "guide/o/routine-bike-fit",
    ]:
        assert (site / url / "index.html").is_file(), url
    data = json.loads((site / "guide" / "guide.json").read_text(encoding="utf-8"))
    for node in data["nodes"].values():
        assert (site / node["url"] / "index.html").is_file()


def test_question_links_point_at_built_pages(site: Path) -> None:
    soup = BeautifulSoup(
        (site / "guide/q/bike-position/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    hrefs = [a["href"] for a in soup.select("a.botb-option")]
    assert hrefs == ["../../o/routine-bike-fit/", "../../o/routine-bike-fit/", "../training-load/"]
    restart = soup.select_one("p.botb-restart a")
    assert restart is not None and restart["href"] == "../../"


def test_outcome_links_and_anchor(site: Path) -> None:
    soup = BeautifulSoup(
        (site / "guide/o/routine-bike-fit/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    hrefs = [a["href"] for a in soup.select("a")]
    assert "../../../approaches/bike-fit/#saddle-height" in hrefs


def test_broken_guide_fails_the_build_with_positions(tmp_path: Path) -> None:
    project = _project(tmp_path, with_guide=True)
    path = project / "guide" / "10-symptoms.yml"
    path.write_text(path.read_text().replace("next: routine-bike-fit", "next: nowhere", 1))
    result = _build(project)
    assert result.returncode != 0
    assert "guide/10-symptoms.yml:37:15: next 'nowhere' is not a node id" in result.stderr


def test_no_guide_yaml_still_builds(tmp_path: Path) -> None:
    project = _project(tmp_path, with_guide=False)
    result = _build(project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "guide").exists()
