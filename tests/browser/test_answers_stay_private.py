"""The reader's answers and search words never reach a server: never in a query string.

The privacy page (content/about/privacy.md) promises this; the URL fragment is the only
place answers live, and browsers never send it. Site-wide checks for cookies, storage and
third-party requests are in test_privacy.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page

from tests.browser.waits import goto_ready

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
GUIDE_JS = ROOT / "overrides" / "assets" / "javascripts" / "guide.js"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def test_no_static_guide_link_carries_a_query(built_site: Path) -> None:
    with_query = []
    for file in sorted((built_site / "guide").rglob("*.html")):
        links = _Links()
        links.feed(file.read_text(encoding="utf-8"))
        with_query += [(file.name, h) for h in links.hrefs if urlsplit(h).query]
    assert with_query == []


def test_the_guide_script_never_reads_or_writes_a_query_string() -> None:
    source = GUIDE_JS.read_text(encoding="utf-8")
    assert "location.search" not in source
    assert "URLSearchParams" not in source
    assert not re.search(r"""["'`][^"'`\n]*\?[^"'`\n]*=""", source), (
        "a URL with ?key= in the script"
    )


def test_answers_stay_in_the_fragment_and_are_never_requested(
    page: Page, site_url: str, request_log: list[str]
) -> None:
    page.goto(site_url + "guide/")
    page.locator("article a[href*='q/']").first.click()
    for _ in range(3):
        page.wait_for_load_state("load")
        page.locator("a.botb-option:visible").last.click()
        page.wait_for_url(re.compile(r"#a="))
        assert urlsplit(page.url).query == ""
    answered = urlsplit(page.url).fragment
    assert answered.startswith("a=")
    assert not [
        url for url in request_log if answered in url or urlsplit(url).query.find("a=") >= 0
    ]


def test_search_results_do_not_put_the_search_words_in_the_address(
    page: Page, site_url: str
) -> None:
    goto_ready(page, site_url)
    page.keyboard.press("/")  # Material's shortcut opens the search box at any width
    page.locator("input.md-search__input").press_sequentially("saddle", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    hrefs = page.locator(".md-search-result a").evaluate_all("links => links.map(a => a.href)")
    assert hrefs
    assert [h for h in hrefs if urlsplit(h).query] == []
