"""Shared navigation HTML: every page is byte for byte what Material renders without it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]

# Pages at several depths, so relative links differ between them and between sections;
# a section index page, a nested section and an external link.
PAGES = (
    "index.md",
    "about.md",
    "a/index.md",
    "a/one.md",
    "a/two.md",
    "a/deep/three.md",
    "a/deep/four.md",
    "b/five.md",
    "b/six.md",
    "c/seven.md",
    "loose.md",  # not in the nav
)
NAV = """nav:
  - Home: index.md
  - About: about.md
  - A:
      - a/index.md
      - One: a/one.md
      - Two: a/two.md
      - Deep:
          - Three: a/deep/three.md
          - Four: a/deep/four.md
  - B:
      - Five: b/five.md
      - Elsewhere: https://example.org/
      - Six: b/six.md
  - C:
      - Seven: c/seven.md
"""
HOOK = """from botb.adapter.shared_nav import SharedNav

shared = None


def on_nav(nav, config, files):
    global shared
    shared = SharedNav(nav)


def on_env(env, config, files):
    env.globals["botb_shared_nav"] = shared.bind
"""


def _project(root: Path, *, features: list[str], directory_urls: bool, shared: bool) -> Path:
    shutil.copytree(ROOT / "overrides", root / "overrides")
    for page in PAGES:
        path = root / "docs" / page
        path.parent.mkdir(parents=True, exist_ok=True)
        name = page.removesuffix(".md").replace("/", " ")
        path.write_text(f"# {name}\n\n## Part\n\nText.\n\n### Detail\n\nMore.\n", encoding="utf-8")
    (root / "hook.py").write_text(HOOK, encoding="utf-8")
    listed = "".join(f"\n    - {feature}" for feature in features)
    (root / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: http://127.0.0.1/test/\n"
        f"use_directory_urls: {str(directory_urls).lower()}\n"
        "theme:\n  name: material\n  custom_dir: overrides\n  font: false\n"
        f"  features:{listed or ' []'}\n" + ("hooks:\n  - hook.py\n" if shared else "") + NAV,
        encoding="utf-8",
    )
    return root / "mkdocs.yml"


def _built(config_file: Path) -> dict[str, bytes]:
    site = config_file.parent / "site"
    build(load_config(str(config_file), site_dir=str(site)))
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*.html"))
    }


@pytest.mark.parametrize(
    "features",
    [
        ["navigation.prune"],
        [],
        ["navigation.indexes", "navigation.expand"],
        ["navigation.tabs", "navigation.sections", "navigation.indexes"],
    ],
)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_shared_nav_changes_no_byte(
    tmp_path: Path, features: list[str], directory_urls: bool
) -> None:
    plain = _built(
        _project(tmp_path / "plain", features=features, directory_urls=directory_urls, shared=False)
    )
    shared = _built(
        _project(tmp_path / "shared", features=features, directory_urls=directory_urls, shared=True)
    )
    assert len(plain) == len(PAGES) + 1  # and 404.html
    assert shared == plain
