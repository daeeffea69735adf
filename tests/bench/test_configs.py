"""Configs the bench builds: the stock baseline builds the same pages without any project code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.bench.configs import (
    ROOT,
    baseline_config,
    copy_baseline_docs,
    final_pages,
    project_config,
    read_config,
)


def test_reads_the_real_config_without_mkdocs() -> None:
    real = read_config()
    assert real["theme"]["name"] == "material"
    assert isinstance(real["site_url"], str)  # !ENV fell back to its default


@pytest.fixture(scope="module")
def baseline() -> dict[str, object]:
    return baseline_config(real=read_config(), docs_dir=Path("/docs"), site_url="http://x/")


def test_baseline_is_stock_material_with_the_same_features(
    baseline: dict[str, object],
) -> None:
    features = read_config()["theme"]["features"]
    assert baseline["theme"] == {
        "name": "material",
        "font": False,
        "language": "en",
        "features": features,
    }
    assert baseline["plugins"] == ["search"]
    assert "extra_css" not in baseline and "extra_javascript" not in baseline


def test_baseline_has_the_same_nav(baseline: dict[str, object]) -> None:
    real = read_config()
    assert baseline["nav"] == real["nav"]
    assert baseline["not_in_nav"] == real["not_in_nav"]


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return final_pages()


def test_baseline_docs_are_every_page_as_mkdocs_gets_it(
    pages: dict[str, str], tmp_path: Path
) -> None:
    assert "guide/index.md" in pages and "understanding/psoas-and-hip-flexors.md" in pages
    docs = tmp_path / "docs"
    copy_baseline_docs(source=ROOT / "content", target=docs, pages=pages)
    written = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    assert written == set(pages)
    assert not (docs / "guide/guide.json").exists()  # engine data, not Markdown


def test_content_pages_carry_what_the_plugin_adds(pages: dict[str, str]) -> None:
    source = (ROOT / "content/understanding/psoas-and-hip-flexors.md").read_text("utf-8")
    final = pages["understanding/psoas-and-hip-flexors.md"]
    assert len(final) > len(source)
    # Front matter stays front matter, with the title as written.
    assert final.startswith("---\n") and "\ntitle: " in final.split("\n---\n", 1)[0]


def test_baseline_keeps_the_markdown_extensions(baseline: dict[str, object]) -> None:
    assert baseline["markdown_extensions"] == read_config()["markdown_extensions"]


def test_project_config_points_the_plugin_at_another_guide() -> None:
    config = project_config(
        real=read_config(), docs_dir=Path("/d"), guide_dir=Path("/g"), nav=[], site_url="u"
    )
    botb = next(p["botb"] for p in config["plugins"] if isinstance(p, dict) and "botb" in p)
    assert botb["guide_dir"] == "/g"
    assert Path(config["theme"]["custom_dir"]).is_absolute()
