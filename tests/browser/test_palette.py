"""The light/dark palette (overrides/partials/palette.html and javascripts/palette.html)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

SCHEME = {"light": "default", "dark": "slate"}
VISIBLE_TOGGLE = "[data-botb-palette] label:not([hidden])"

# Records the body's scheme at the moment the page's main content is first parsed.
_SCHEME_WHEN_MAIN_ARRIVES = """
new MutationObserver((records, observer) => {
  if (!document.querySelector("main")) return;
  window.__schemeAtMain = document.body.getAttribute("data-md-color-scheme");
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });
"""


def _scheme(page: Page) -> str | None:
    return page.locator("body").get_attribute("data-md-color-scheme")


def _header_background(page: Page) -> str:
    return str(
        page.evaluate(
            "getComputedStyle(document.querySelector('[data-md-component=header]')).backgroundColor"
        )
    )


@pytest.mark.parametrize("system", ["light", "dark"])
def test_the_system_palette_is_set_before_the_content_is_parsed(
    page: Page, site_url: str, system: str
) -> None:
    page.emulate_media(color_scheme=system)  # type: ignore[arg-type]
    page.add_init_script(_SCHEME_WHEN_MAIN_ARRIVES)
    page.goto(site_url)
    # Set while only the header existed, so a dark-mode reader never sees a light page first.
    assert page.evaluate("window.__schemeAtMain") == SCHEME[system]
    assert _scheme(page) == SCHEME[system]
    assert page.locator(VISIBLE_TOGGLE).count() == 1
    theme = page.locator("meta[name=theme-color]")
    assert theme.get_attribute("content") == _header_background(page)


def test_the_toggle_switches_and_is_remembered_on_the_next_page(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    page.locator(VISIBLE_TOGGLE).click()
    assert _scheme(page) == "slate"
    assert page.locator("meta[name=color-scheme]").get_attribute("content") == "dark"
    assert page.locator("meta[name=theme-color]").get_attribute("content") == _header_background(
        page
    )
    page.goto(site_url + "references/")
    assert _scheme(page) == "slate", "the reader's choice outranks the system"
    page.locator(VISIBLE_TOGGLE).click()
    assert _scheme(page) == "default"


def test_enter_on_the_focused_option_switches_palette(page: Page, site_url: str) -> None:
    page.emulate_media(color_scheme="dark")
    page.goto(site_url)
    page.locator("[data-botb-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert _scheme(page) == "default"
    assert page.evaluate("document.activeElement.checked") is True
    assert page.url == site_url, "Enter must not submit the form"


def test_without_a_choice_the_page_follows_the_system_as_it_changes(
    page: Page, site_url: str
) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.locator(VISIBLE_TOGGLE).click()
    # Change events reach media query lists in the order they were made: once this late
    # listener has seen both flips, the page's own listeners have handled them too.
    page.evaluate(
        """() => { window.__flips = 0; matchMedia("(prefers-color-scheme: dark)")
            .addEventListener("change", () => { window.__flips += 1; }); }"""
    )
    # One flip at a time: two changes in the same frame can reach the page as none.
    page.emulate_media(color_scheme="light")
    page.wait_for_function("() => window.__flips === 1")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("() => window.__flips === 2")
    assert _scheme(page) == "default", "after a toggle, the reader's choice stays"


def test_materials_own_palette_component_is_not_on_the_page(page: Page, site_url: str) -> None:
    # Material's bundle mounts [data-md-component=palette]; this page's script replaces it.
    page.goto(site_url)
    assert page.locator("[data-md-component=palette]").count() == 0
    assert page.locator("[data-botb-palette] input").count() == 2
