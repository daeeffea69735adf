"""The plugin's event wiring on the real project: what an editor sees under `mkdocs serve`."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name in ("content", "guide", "overrides"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


@pytest.fixture
def plugin_for() -> Iterator[Callable[..., tuple[Any, Any]]]:
    """Configs for the project; MkDocs keeps one object per plugin for the whole process (it
    has on_startup), as in a serve session, so each test starts a session of its own and
    leaves the shared object as a plain build found it."""
    plugins: list[Any] = []

    def make(project: Path, *, command: str) -> tuple[Any, Any]:
        config = load_config(config_file=str(project / "mkdocs.yml"))
        plugin = config.plugins["botb"]
        plugin.last_good = None
        plugin.on_startup(command=command, dirty=False)
        plugins.append(plugin)
        return config, plugin

    yield make
    for plugin in plugins:
        plugin.serving = False
        plugin.last_good = None


def break_guide(project: Path) -> None:
    with (project / "guide" / "symptoms.yml").open("a", encoding="utf-8") as file:
        file.write("  broken: [\n")


def test_serve_keeps_the_last_good_guide_and_reports_the_problem(
    project: Path, caplog: pytest.LogCaptureFixture, plugin_for: Callable[..., tuple[Any, Any]]
) -> None:
    config, plugin = plugin_for(project, command="serve")
    plugin.on_pre_build(config=config)
    good = plugin.guide
    assert good is not None
    break_guide(project)
    with caplog.at_level(logging.ERROR, logger="botb.preview"):
        plugin.on_pre_build(config=config)
    assert plugin.guide is good
    assert "guide/symptoms.yml:" in caplog.text
    assert "last good guide" in caplog.text
    # Outside the "mkdocs" logger tree, so a strict preview build does not abort on it.
    assert all(not r.name.startswith("mkdocs") for r in caplog.records if r.levelno >= 30)


def test_build_stops_on_the_same_problem(
    project: Path, plugin_for: Callable[..., tuple[Any, Any]]
) -> None:
    config, plugin = plugin_for(project, command="build")
    plugin.on_pre_build(config=config)
    break_guide(project)
    with pytest.raises(PluginError, match=r"guide/symptoms\.yml:\d+:\d+: YAML syntax"):
        plugin.on_pre_build(config=config)


def test_serve_without_a_good_build_yet_stops_with_the_problem(
    project: Path, plugin_for: Callable[..., tuple[Any, Any]]
) -> None:
    break_guide(project)
    config, plugin = plugin_for(project, command="serve")
    with pytest.raises(PluginError, match=r"guide/symptoms\.yml:\d+:\d+"):
        plugin.on_pre_build(config=config)


@pytest.mark.parametrize(("cap", "fails"), [(10, True), (1_000, True), (1_000_000, False)])
def test_the_path_book_limit_is_a_plugin_option(
    project: Path, plugin_for: Callable[..., tuple[Any, Any]], cap: int, fails: bool
) -> None:
    config, plugin = plugin_for(project, command="build")
    plugin.config.path_cap = cap
    if not fails:
        plugin.on_pre_build(config=config)
        assert plugin.guide is not None
        return
    with pytest.raises(PluginError, match=rf"guide/guide\.yml:\d+:\d+: .*path book limit of {cap}"):
        plugin.on_pre_build(config=config)
