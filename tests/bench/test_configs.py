"""Configs the bench builds: the stock baseline drops the guide and every project addition."""

from __future__ import annotations

from pathlib import Path

import pytest

from botb.bench.configs import baseline_config, project_config, read_config


def test_reads_the_real_config_without_mkdocs() -> None:
    real = read_config()
    assert real["theme"]["name"] == "material"
    assert isinstance(real["site_url"], str)  # !ENV fell back to its default


@pytest.fixture(scope="module")
def baseline() -> dict[str, object]:
    return baseline_config(real=read_config(), docs_dir=Path("/docs"), site_url="http://x/")


def test_baseline_is_stock_material(baseline: dict[str, object]) -> None:
    assert baseline["theme"] == {"name": "material", "font": False, "language": "en"}
    assert baseline["plugins"] == ["search"]
    assert "extra_css" not in baseline and "extra_javascript" not in baseline


def test_baseline_nav_has_no_guide_entry(baseline: dict[str, object]) -> None:
    assert "guide/" not in repr(baseline["nav"])
    assert "understanding/psoas-and-hip-flexors.md" in repr(baseline["nav"])


def test_baseline_keeps_the_markdown_extensions(baseline: dict[str, object]) -> None:
    assert baseline["markdown_extensions"] == read_config()["markdown_extensions"]


def test_project_config_points_the_plugin_at_another_guide() -> None:
    config = project_config(
        real=read_config(), docs_dir=Path("/d"), guide_dir=Path("/g"), nav=[], site_url="u"
    )
    botb = next(p["botb"] for p in config["plugins"] if isinstance(p, dict) and "botb" in p)
    assert botb["guide_dir"] == "/g"
    assert Path(config["theme"]["custom_dir"]).is_absolute()
