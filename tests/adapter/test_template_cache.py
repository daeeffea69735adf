"""Compiled templates kept between builds: reused while a template is unchanged, recompiled
as soon as its source changes, and never a reason for a build to fail."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from botb.adapter.template_cache import CACHE_DIR, cache_templates


def _env(templates: Path, root: Path) -> Environment:
    # A new environment per build, as MkDocs makes one.
    return cache_templates(Environment(loader=FileSystemLoader(str(templates))), root=root)


def _cached(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).glob("*/*.cache"))


def test_a_second_build_reuses_the_compiled_template(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ word }}</p>", encoding="utf-8")
    assert _env(templates, tmp_path).get_template("page.html").render(word="a") == "<p>a</p>"
    (entry,) = _cached(tmp_path)
    assert "mkdocs-" in entry.parent.name and "mkdocs-material-" in entry.parent.name
    written = entry.stat().st_mtime_ns
    os.utime(entry, ns=(written - 10**9, written - 10**9))
    again = _env(templates, tmp_path).get_template("page.html")
    assert again.render(word="b") == "<p>b</p>"
    # Read, not written again: the compiled file is the one the first build left.
    assert _cached(tmp_path) == [entry]
    assert entry.stat().st_mtime_ns == written - 10**9


def test_an_edited_template_is_compiled_again(tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"
    page.write_text("<p>{{ word }}</p>", encoding="utf-8")
    assert _env(templates, tmp_path).get_template("page.html").render(word="a") == "<p>a</p>"
    page.write_text("<h1>{{ word | upper }}</h1>", encoding="utf-8")
    assert _env(templates, tmp_path).get_template("page.html").render(word="a") == "<h1>A</h1>"


def test_a_cache_folder_that_cannot_be_made_leaves_the_environment_as_it_was(
    tmp_path: Path,
) -> None:
    # A file where the cache folder would go: mkdir fails whoever runs the build.
    (tmp_path / ".cache").write_text("not a folder", encoding="utf-8")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("{{ 2 * 3 }}", encoding="utf-8")
    env = _env(templates, tmp_path)
    assert env.bytecode_cache is None
    assert env.get_template("page.html").render() == "6"
