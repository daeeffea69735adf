"""Checks over every built HTML page: meta, headings, indexing, CSP, palettes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from botb.adapter.security import content_security_policy, inline_event_handlers, script_hash


@pytest.fixture(scope="module")
def pages(built_site: Path, all_pages: list[str]) -> dict[str, str]:
    """Site-relative URL -> HTML text of every built page."""
    files = {
        url: built_site / (url + "index.html" if url.endswith("/") or not url else url)
        for url in all_pages
    }
    return {url: path.read_text(encoding="utf-8") for url, path in files.items()}


_SOUPS: dict[int, BeautifulSoup] = {}


def _soup(html: str) -> BeautifulSoup:
    # Parsed once per page per run: several checks read the same page.
    key = id(html)
    if key not in _SOUPS:
        _SOUPS[key] = BeautifulSoup(html, "html.parser")
    return _SOUPS[key]


def test_every_page_has_a_meta_description(pages: dict[str, str]) -> None:
    missing = []
    for url, html in pages.items():
        meta = _soup(html).find("meta", attrs={"name": "description"})
        if not isinstance(meta, Tag) or len(str(meta.get("content", "")).strip()) < 20:
            missing.append(url)
    assert missing == []


def test_every_page_has_exactly_one_h1(pages: dict[str, str]) -> None:
    counts = {url: len(_soup(html).find_all("h1")) for url, html in pages.items()}
    assert {url: n for url, n in counts.items() if n != 1} == {}


def test_guide_question_pages_are_not_indexed(pages: dict[str, str], built_site: Path) -> None:
    # Only the first (screening) question is a safe place to arrive from a search engine.
    guide = json.loads((built_site / "guide/guide.json").read_text(encoding="utf-8"))
    entry = guide["nodes"][guide["start"]]["url"]
    indexed = []
    for url in (url for url in pages if url.startswith("guide/q/")):
        robots = _soup(pages[url]).find("meta", attrs={"name": "robots"})
        if not isinstance(robots, Tag) or "noindex" not in str(robots.get("content", "")):
            indexed.append(url)
    assert indexed == [entry]


def test_every_page_sends_no_referrer(pages: dict[str, str]) -> None:
    without = [
        url
        for url, html in pages.items()
        if not _soup(html).find("meta", attrs={"name": "referrer", "content": "no-referrer"})
    ]
    assert without == []


def test_csp_is_the_first_head_element_and_hashes_exactly_the_inline_scripts(
    pages: dict[str, str],
) -> None:
    wrong = {}
    for url, html in pages.items():
        head = _soup(html).head
        first = head.find(True) if head else None
        if not isinstance(first, Tag) or first.get("http-equiv") != "Content-Security-Policy":
            wrong[url] = "no CSP meta as the first element of <head>"
            continue
        policy = str(first.get("content"))
        scripts = [
            s.string or ""
            for s in _soup(html).find_all("script")
            if not s.get("src") and s.get("type") in (None, "", "text/javascript", "module")
        ]
        script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
        hashes = {token for token in script_src.split() if token.startswith("'sha256-")}
        if hashes != {script_hash(s) for s in scripts}:
            wrong[url] = f"hashes {sorted(hashes)} do not match the page's inline scripts"
        # The policy in the page is the one computed from the page without it.
        without_meta = html.replace(str(first), "", 1)
        if "unsafe-inline" in script_src or policy != content_security_policy(without_meta):
            wrong[url] = f"unexpected policy {policy}"
    assert wrong == {}


def test_no_inline_event_handlers(pages: dict[str, str]) -> None:
    found = {url: inline_event_handlers(html) for url, html in pages.items()}
    assert {url: h for url, h in found.items() if h} == {}


def test_light_and_dark_palettes_follow_the_system_with_a_toggle(pages: dict[str, str]) -> None:
    palette = _soup(pages[""]).find("form", attrs={"data-botb-palette": True})
    assert isinstance(palette, Tag)
    options = {
        str(i.get("data-md-color-media")): str(i.get("data-md-color-scheme"))
        for i in palette.find_all("input")
    }
    assert options == {
        "(prefers-color-scheme: light)": "default",
        "(prefers-color-scheme: dark)": "slate",
    }
    assert all(label.get("title") for label in palette.find_all("label"))


def test_no_page_asks_github_for_repository_facts(pages: dict[str, str]) -> None:
    # Material's data-md-component="source" makes the browser call api.github.com.
    assert [url for url, html in pages.items() if 'data-md-component="source"' in html] == []


def test_every_page_loads_search_through_the_on_demand_worker(
    pages: dict[str, str], built_site: Path
) -> None:
    # A page that named Material's engine directly would download the index on every load.
    engines = sorted(
        p.name for p in (built_site / "assets/javascripts/workers").glob("search.*.js")
    )
    assert engines, "Material's search engine is missing from the build"
    expected = f"assets/javascripts/workers/search-on-demand.js?{engines[0]}"
    wrong = {}
    for url, html in pages.items():
        config = _soup(html).find("script", id="__config")
        worker = json.loads(config.get_text())["search"] if isinstance(config, Tag) else None
        if not (isinstance(worker, str) and worker.endswith(expected)):
            wrong[url] = worker
        if _soup(html).find("form", attrs={"name": "search"}) is not None:
            wrong[url] = "a form named search makes Material fetch the index on load"
    assert wrong == {}
    assert (built_site / "assets/javascripts/workers/search-on-demand.js").is_file()
