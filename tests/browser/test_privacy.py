"""Privacy on every built page: no third-party requests, no cookies, no storage on load."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page

if TYPE_CHECKING:
    from tests.browser.conftest import Visit

from tests.browser.waits import goto_ready

# One worker visits every page once (page_visits) for both modules; the first test to ask
# pays for every visit and axe run (over two minutes on a busy 2-CPU machine).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("page_visits"),
    pytest.mark.timeout(900),
]


def test_every_page_was_visited(page_visits: dict[str, Visit], all_pages: list[str]) -> None:
    assert sorted(page_visits) == sorted(all_pages)
    assert len(all_pages) > 1


def test_no_request_leaves_the_local_server(page_visits: dict[str, Visit]) -> None:
    foreign = {url: v.foreign_requests for url, v in page_visits.items() if v.foreign_requests}
    assert foreign == {}


def test_no_cookies(page_visits: dict[str, Visit]) -> None:
    with_cookies = {url: v.cookies for url, v in page_visits.items() if v.cookies}
    assert with_cookies == {}


def test_no_storage_written_on_load(page_visits: dict[str, Visit]) -> None:
    written = {
        url: v.storage
        for url, v in page_visits.items()
        if v.storage["localStorage"] or v.storage["sessionStorage"] or v.storage["cookie"]
    }
    assert written == {}


def test_content_security_policy_blocks_nothing(page_visits: dict[str, Visit]) -> None:
    # A violation means the policy and the page disagree: a needed script was blocked.
    violations = {url: v.csp_violations for url, v in page_visits.items() if v.csp_violations}
    assert violations == {}


def test_search_stays_local(
    page: Page, site_url: str, request_log: list[str], is_local_url: Callable[[str], bool]
) -> None:
    goto_ready(page, site_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("saddle", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert page.locator(".md-search-result__item").count() > 0
    assert all(is_local_url(url) for url in request_log)


def test_palette_is_stored_only_after_the_reader_toggles_it(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    goto_ready(page, site_url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    assert page.evaluate("Object.keys(localStorage)") == []
    page.locator("[data-botb-palette] label:not([hidden])").first.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    stored = page.evaluate("Object.keys(localStorage)")
    assert [key for key in stored if key.endswith(".__palette")] == stored != []
