"""botb.build: a failed strict build prints the errors and leaves the previous site/ untouched."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from botb.build import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small copy of the project: the real theme overrides and plugin, two pages."""
    root = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "content").mkdir()
    (root / "content" / "index.md").write_text(
        "---\ntitle: Home\ndescription: A small home page used to test the atomic build.\n"
        "---\n# Home\n\nSee [the other page](other.md).\n"
    )
    (root / "content" / "other.md").write_text(
        "---\ntitle: Other\ndescription: A second page so that links can be checked.\n"
        "---\n# Other\n\nText.\n"
    )
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: http://127.0.0.1/test/\ndocs_dir: content\nstrict: true\n"
        "theme:\n  name: material\n  custom_dir: overrides\n  font: false\n"
        "plugins:\n  - search\n"
        "validation:\n  links:\n    not_found: warn\n    anchors: warn\n"
    )
    return root


def _site_snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_a_good_build_creates_a_world_readable_site(project: Path) -> None:
    site = project / "site"
    assert main(["--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site)]) == 0
    assert (site / "index.html").is_file()
    assert (site / "other" / "index.html").is_file()
    assert all(p.stat().st_mode & 0o004 for p in site.rglob("*"))
    assert not list(project.glob(".site.*")), "no staging folders are left behind"


@pytest.mark.parametrize(
    ("page", "text", "expected_error"),
    [
        ("index.md", "# Home\n\nSee [nowhere](missing.md).\n", "missing.md"),
        ("other.md", "# Other\n\nSee [a heading](index.md#no-such-heading).\n", "no-such-heading"),
    ],
)
def test_a_failed_build_leaves_the_previous_site_untouched(
    project: Path,
    page: str,
    text: str,
    expected_error: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    site = project / "site"
    config = str(project / "mkdocs.yml")
    assert main(["--config-file", config, "--site-dir", str(site)]) == 0
    before = _site_snapshot(site)
    good = (project / "content" / page).read_text()
    (project / "content" / page).write_text(text)
    try:
        capsys.readouterr()
        assert main(["--config-file", config, "--site-dir", str(site)]) == 1
    finally:
        (project / "content" / page).write_text(good)
    errors = capsys.readouterr().err
    assert expected_error in errors
    assert "left as it was" in errors
    assert _site_snapshot(site) == before
    assert not list(project.glob(".site.*")), "the failed staging folder is removed"


def test_the_plugin_errors_name_file_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A broken copy of the real project: the plugin reports file:line:column.
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns(".venv", "site", "node_modules", ".git", "build", ".*cache")
    shutil.copytree(ROOT, copy, ignore=ignore)
    page = copy / "content" / "approaches" / "yoga.md"
    page.write_text("---\ntitle: Yoga\ndescription: 5\n---\n# Yoga\n")
    site = copy / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous build")
    assert main(["--config-file", str(copy / "mkdocs.yml"), "--site-dir", str(site)]) == 1
    assert (site / "keep.txt").read_text() == "previous build"
    assert re.search(r"content/approaches/yoga\.md:\d+:\d+: ", capsys.readouterr().err)
