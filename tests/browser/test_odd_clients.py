"""Content pages and the guide start page for odd clients: a 320 px phone, 200 % zoom,
print, keyboard only and no JavaScript.

The guide's question and outcome pages in these clients are covered by test_guide_flow.py
(no-JS links, keyboard flow, print sheet, narrow screens, a script that throws); these tests
cover the rest of the site and the way into the guide.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

pytestmark = pytest.mark.browser

# One page of each kind: home, article with a figure, approach with a table, the wide
# comparison table, the long reference list, the guide's start page.
PAGES = (
    "",
    "understanding/psoas-and-hip-flexors/",
    "approaches/bike-fit/",
    "approaches/",
    "references/",
    "guide/",
)
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"
CLIPPED = """() => [...document.querySelectorAll('article h1, article p, article li, article th')]
  .filter(e => e.offsetParent !== null)
  .filter(e => {
    const r = e.getBoundingClientRect();
    return r.left < -1 || r.right > window.innerWidth + 1;
  })
  .filter(e => !e.closest('.md-typeset__scrollwrap, pre, .highlight'))
  .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40))"""


@pytest.fixture(
    params=[
        pytest.param({"viewport": {"width": 320, "height": 640}}, id="320px"),
        # 200 % zoom of a 1280 px window: a 640 px CSS viewport at twice the pixel density.
        pytest.param(
            {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}, id="zoom200"
        ),
    ]
)
def narrow(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(**request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("relative", PAGES)
def test_no_sideways_scrolling_and_nothing_clipped(
    narrow: Page, site_url: str, relative: str
) -> None:
    narrow.goto(site_url + relative, wait_until="load")
    assert narrow.evaluate(NO_SIDEWAYS_SCROLL), relative
    assert narrow.evaluate(CLIPPED) == [], relative


@pytest.mark.parametrize("relative", PAGES[:3])
def test_print_leaves_out_navigation_and_search(page: Page, site_url: str, relative: str) -> None:
    page.goto(site_url + relative, wait_until="load")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), (relative, selector)
    assert page.locator("article h1").is_visible()


def test_keyboard_skip_link_then_start_the_guide(page: Page, site_url: str) -> None:
    page.goto(site_url + "guide/", wait_until="load")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.className + ' ' + document.activeElement.href")
    assert "md-skip" in skip
    page.keyboard.press("Enter")
    assert "#" in page.url  # the skip link jumped to the content
    # From the content, Tab reaches the guide's Start link; Enter follows it.
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if "q/" in href:
            break
    else:
        pytest.fail("Tab never reached the Start link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/guide/q/**")
    # Answer the first question by keyboard: Tab to the first answer, Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.botb-option')"):
            break
    else:
        pytest.fail("Tab never reached an answer")
    first_question = page.locator("article h1").inner_text()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "(before) => document.querySelector('article h1').innerText !== before",
        arg=first_question,
    )


@pytest.fixture
def no_script(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(java_script_enabled=False)
    yield context
    context.close()


@pytest.mark.parametrize("relative", PAGES)
def test_without_javascript_pages_are_readable(
    no_script: BrowserContext, site_url: str, relative: str
) -> None:
    page = no_script.new_page()
    page.goto(site_url + relative, wait_until="load")
    assert page.locator("article h1").is_visible()
    assert len(page.locator("article").inner_text()) > 200
    if relative == "guide/":
        start = page.locator("article a[href*='q/']").first
        start.click()
        page.wait_for_url("**/guide/q/**")
        assert page.locator("a.botb-option").count() >= 2
