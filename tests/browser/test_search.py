"""Site search (overrides/assets/javascripts/workers/search-on-demand.js): nothing of it is
downloaded until a reader searches, and then Material's own engine answers."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.waits import goto_ready, next_frame

pytestmark = pytest.mark.browser

INDEX = "search/search_index.json"


def _is_engine(url: str) -> bool:
    name = url.rsplit("/", 1)[-1]
    return name.startswith("search.") and name.endswith(".min.js")


def _open_search(page: Page) -> None:
    page.keyboard.press("/")  # Material's shortcut, at any width
    expect(page.locator("input.md-search__input")).to_be_focused()


@pytest.mark.parametrize("relative", ["", "guide/", "understanding/psoas-and-hip-flexors/"])
def test_a_page_load_downloads_neither_the_index_nor_the_engine(
    page: Page, site_url: str, request_log: list[str], relative: str
) -> None:
    goto_ready(page, site_url + relative)
    next_frame(page)  # anything the worker's start asked for has been requested by now
    assert any("search-on-demand.js" in url for url in request_log)
    assert [u for u in request_log if u.endswith(INDEX) or _is_engine(u)] == []


def test_opening_the_box_fetches_the_index_and_engine_before_a_word_is_typed(
    page: Page, site_url: str, request_log: list[str]
) -> None:
    goto_ready(page, site_url + "guide/")
    with (
        page.expect_request(lambda request: request.url.endswith(INDEX)),
        page.expect_request(lambda request: _is_engine(request.url)),
    ):
        _open_search(page)
    assert any(url.endswith(INDEX) for url in request_log)
    assert any(_is_engine(url) for url in request_log)


def test_a_query_is_answered_by_materials_engine(
    page: Page, site_url: str, request_log: list[str]
) -> None:
    goto_ready(page, site_url)
    _open_search(page)
    page.locator("input.md-search__input").press_sequentially("psoas", delay=20)
    first = page.locator(".md-search-result__item a").first
    expect(first).to_have_attribute("href", f"{site_url}understanding/psoas-and-hip-flexors/")
    assert any(url.endswith(INDEX) for url in request_log)
    assert any(_is_engine(url) for url in request_log)


def test_clearing_the_box_leaves_no_stale_results(page: Page, site_url: str) -> None:
    goto_ready(page, site_url)
    _open_search(page)
    box = page.locator("input.md-search__input")
    box.press_sequentially("saddle", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    box.fill("")
    box.press("Backspace")  # Material reads the box on keyup
    expect(page.locator(".md-search-result__item")).to_have_count(0)


def test_words_typed_while_the_index_loads_are_all_answered(page: Page, site_url: str) -> None:
    held: list[Route] = []

    def hold(route: Route) -> None:  # keep the index back while the reader types
        held.append(route)

    page.route(f"**/{INDEX}", hold)
    goto_ready(page, site_url)
    with page.expect_request(lambda request: request.url.endswith(INDEX)):
        _open_search(page)
        page.locator("input.md-search__input").press_sequentially("bike fit", delay=20)
    assert held, "typing did not start loading the index"
    for route in held:
        route.continue_()
    page.unroute(f"**/{INDEX}")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_contain_text("matching")
    expect(page.locator(".md-search-result__item a").first).to_be_visible()


def test_an_index_that_fails_to_load_ends_the_wait(page: Page, site_url: str) -> None:
    page.route(f"**/{INDEX}", lambda route: route.fulfill(status=404, body="missing"))
    goto_ready(page, site_url)
    _open_search(page)
    page.locator("input.md-search__input").press_sequentially("psoas", delay=20)
    # Material's "no matching documents" instead of "Initializing search" for ever.
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching")
